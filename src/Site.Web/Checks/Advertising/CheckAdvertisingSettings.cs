using System.Collections.Immutable;

namespace Site.Web.Checks.Advertising;

/// <summary>
/// The health-advertising rules over the text of site.yml that appears on every page: the clinic's name and
/// description, the home page's title, heading and photo description, the booking button, the disclaimer,
/// navigation titles and the social image's description.
/// </summary>
public sealed class CheckAdvertisingSettings(AdvertisingProfile profile, LinkOrigins origins) : ISiteCheck
{
    private static readonly HashSet<string> TextKeys = new(StringComparer.Ordinal) { "name", "description", "home_title", "heading", "image_alt", "social_image_alt", "label", "text", "title" };

    public ImmutableArray<string> Ids { get; } = [.. AdvertisingProfile.FamilyIds.Values];

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (origins.Settings is { } settings)
        {
            var lines = settings.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            var passages = ReaderText.FromYaml(lines, 0, lines.Length, TextKeys.Contains, topLevelOnly: false);
            foreach (var finding in AdvertisingScan.Run(profile, passages))
            {
                report.Add(AdvertisingScan.ToDiagnostic(finding, settings.Display));
            }
        }

        return ValueTask.CompletedTask;
    }
}
