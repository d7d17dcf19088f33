using System.Collections.Immutable;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>An item's description, which search engines show under its title, is 50 to 160 characters.</summary>
public sealed class CheckDescriptionLength : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.DescriptionLength];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        var length = item.Item.Description.Length;
        if (length is < 50 or > 160 && !item.Item.Incomplete) // an unreadable description was reported as such
        {
            report.Warning(
                DiagnosticIds.DescriptionLength,
                item.Item.LocationOf(item.Item.Kind.DescriptionField),
                $"The description is {length} characters long; search engines show 50 to 160.",
                length < 50 ? "Add a little more detail." : "Shorten it to one or two sentences.");
        }
    }
}
