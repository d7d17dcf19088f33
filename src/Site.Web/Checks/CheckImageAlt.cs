using System.Collections.Immutable;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>Every image written in an item's Markdown has alternative text, reported at the image.</summary>
public sealed class CheckImageAlt : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.MissingAltText];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var image in item.Links.Where(l => l.IsImage && !l.HasText))
        {
            report.Error(DiagnosticIds.MissingAltText, image.Location, $"The image '{image.Url}' has no alternative text.", "Describe it between the brackets: ![what the image shows](" + image.Url + ")");
        }
    }
}
