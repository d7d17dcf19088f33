using System.Collections.Immutable;
using Site.Web.Model;

namespace Site.Web.Checks.Advertising;

/// <summary>
/// Health-advertising rules over everything a reader or a search engine sees of an item: its Markdown prose
/// (headings, paragraphs, list items, image descriptions) and every text field of its front matter (title,
/// description, role, interests, alt texts). Each finding is reported at the line and column of its words,
/// with the family's id, the law it comes from and a better way to say it; drafts are checked too, so a
/// problem shows while the text is written.
/// </summary>
public sealed class CheckAdvertising(AdvertisingProfile profile, LinkOrigins origins) : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [.. AdvertisingProfile.FamilyIds.Values];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        if (item.Lines(origins) is not { } lines || item.Body(origins) is not { } body)
        {
            return;
        }

        var fields = item.Item.Kind.Fields;
        var passages = ReaderText.FromYaml(lines, 1, Math.Max(1, ItemToCheck.BodyStart(lines) - 1), key => fields.Any(f => f.Name == key && IsText(f.Type)), topLevelOnly: true);
        passages.AddRange(body);
        foreach (var finding in AdvertisingScan.Run(profile, passages))
        {
            report.Add(AdvertisingScan.ToDiagnostic(finding, item.Item.FrontMatter.File));
        }
    }

    private static bool IsText(FieldType type) => type is FieldType.Text or FieldType.LongText or FieldType.Markdown or FieldType.List;
}
