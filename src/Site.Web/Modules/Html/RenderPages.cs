using Scriban.Runtime;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Rendering;
using Site.Web.Theme;

namespace Site.Web.Modules.Html;

/// <summary>
/// Renders each page with its layout, then wraps the result in the base layout. The globals every template
/// sees are <c>site</c>, <c>page</c>, <c>booking</c>, <c>disclaimer</c>, and the page's own view.
/// </summary>
/// <param name="robots">A robots directive for every page (a preview build's noindex), or null.</param>
public sealed class RenderPages(ThemeTemplates theme, SiteSettings settings, SiteView site, string? robots = null, Images.PicturePlan? pictures = null) : PerDocumentModule
{

    private PageHead Head(SitePage page)
    {
        var item = page.Item;
        var own = item?.Kind.ShareImage is { } field ? item.TextOf(field) : null;
        var (image, alt) = own is not null ? (own, item!.Kind.Field(item.Kind.ShareImage!)?.Alt is { } altField ? item.TextOf(altField) : null) : (settings.SocialImage, settings.SocialImageAlt);
        // Social sites show a 1200 x 630 card: the photo cropped to that shape around its most interesting part.
        var card = image is null ? null : pictures?.Of(image);
        var published = item?.PublishedOn;
        var modified = item?.UpdatedOn;
        return new PageHead(page.Title, page.Description, page.Url, settings.Absolute(page.Url), page.Kind, page.Breadcrumbs, robots ?? (page.Indexable ? null : "noindex"))
        {
            OgType = page.OgType,
            OgLocale = settings.Language.Replace('-', '_'),
            Image = card is not null ? settings.Absolute(card.CardUrl) : image is null ? null : settings.Absolute(image),
            ImageWidth = card?.CardSize.Width ?? (image is null ? null : pictures?.Sizes.Of(image)?.Width),
            ImageHeight = card?.CardSize.Height ?? (image is null ? null : pictures?.Sizes.Of(image)?.Height),
            ImageAlt = alt,
            Published = published is { } p ? Stamp(p) : null,
            Modified = modified is { } m ? Stamp(m) : null,
            StructuredData = page.StructuredData,
        };
    }

    private string Stamp(DateOnly date) =>
        Feeds.GenerateFeeds.AtClinicMidnight(date, settings.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Model is not SitePage page)
        {
            yield return document;
            yield break;
        }

        var globals = new ScriptObject
        {
            ["site"] = site,
            ["page"] = Head(page),
            ["booking"] = page.Booking ?? BookingView.ForClinic(settings, []),
            ["disclaimer"] = new LinkView(settings.Disclaimer.Text, $"/{settings.Disclaimer.Page}/"),
            ["collections"] = context.Get(SiteKeys.Index).ItemViews.Collections,
            [page.DataName] = page.Data(),
        };

        var shown = document.Source ?? page.Url;
        var html = theme.RenderWrapped(page.Layout, "base", globals, shown, context.Diagnostics);

        // A page that failed to render still exists as far as links and checks are concerned, so one template
        // error is reported once instead of again as a broken link on every page that links to it.
        yield return html is null ? document.With(MetadataKeys.RenderFailed, true) : document with { Content = html, Model = page.Rendered() };
    }
}

/// <summary>What the base layout needs for the document head and breadcrumbs.</summary>
public sealed record PageHead(string Title, string Description, string Url, string Canonical, string Kind, IReadOnlyList<Crumb> Breadcrumbs, string? Robots)
{
    public string OgType { get; init; } = "website";

    public string OgLocale { get; init; } = "en_AU";

    public string? Image { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>The social image's size in pixels, when known.</summary>
    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }

    public string? Published { get; init; }

    public string? Modified { get; init; }

    public string StructuredData { get; init; } = "";
}

/// <summary>The site-wide settings as templates read them.</summary>
public sealed record SiteView(string Name, string Description, string BaseUrl, string Language, Clinic Clinic, IReadOnlyList<NavItem> Navigation, IReadOnlyList<NavItem> FooterNavigation, string Year, LinkView Booking)
{
    /// <summary>The home page's title: site.yml's <c>home_title</c>, or the clinic's name.</summary>
    public string HomeTitle { get; init; } = Name;

    /// <summary>site.yml's <c>home:</c> heading and photo.</summary>
    public HomeSettings Home { get; init; } = new(null, null, null, null);

    public static SiteView From(SiteSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Name, settings.Description, settings.BaseUrl, settings.Language, settings.Clinic, settings.Navigation, settings.FooterNavigation,
            today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), new LinkView(settings.Booking.Label, settings.Booking.Url))
        {
            HomeTitle = settings.HomeTitle ?? settings.Name,
            Home = settings.Home,
        };
    }
}
