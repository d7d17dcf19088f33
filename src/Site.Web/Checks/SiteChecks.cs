using System.Collections.Immutable;
using Site.Web.Images;
using Site.Web.Content;

namespace Site.Web.Checks;

/// <summary>
/// Every check of the build, registered here and nowhere else. The runners in <c>Modules/Checks/</c> give each
/// one what it looks at; severities and suppressions are applied afterwards, in one place (DiagnosticPolicy).
/// </summary>
public static class SiteChecks
{
    /// <param name="today">The build's day in the clinic's time zone, for review dates (default: today in UTC).</param>
    /// <param name="facts">Where measurements for the build report go (reading grades).</param>
    /// <param name="images">Finds the picture files items use; without it, picture files are not checked.</param>
    /// <param name="cache">In <c>site serve</c>: what the link checks found in the last build, reused where nothing it depends on changed.</param>
    public static ImmutableArray<ICheck> Create(Model.ContentModel model, SiteSettings settings, LinkOrigins origins, ExternalLinkChecker? external, DateOnly? today = null, BuildFacts? facts = null, ImageSizes? images = null, BuildCache? cache = null) =>
    [
        new CheckPlaceholders(model, origins),
        new CheckUnrenderedMarkdown(origins),
        new Advertising.CheckAdvertising(settings.Advertising, origins),
        new Advertising.CheckAdvertisingSettings(settings.Advertising, origins),
        new CheckDescriptionLength(),
        new CheckImageAlt(),
        new CheckImageFiles(images ?? new ImageSizes(origins.Paths), settings.Images),
        new CheckSvgFiles(),
        new CheckRawHtml(),
        new CheckDisclaimer(settings),
        new CheckBookingLink(),
        new CheckLinks(settings, origins, external, cache?.Links),
        new CheckSeo(settings, origins),
        new CheckApiLinks(cache?.ApiLinks),
        new CheckReadability(settings, origins) { Facts = facts },
        new CheckClinicalReview(settings, today ?? DateOnly.FromDateTime(DateTime.UtcNow)),
    ];
}
