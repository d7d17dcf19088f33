using System.Collections.Immutable;

namespace Site.Web.Rendering;

/// <summary>The book-now call to action: where it goes and what it says.</summary>
public sealed record BookingView(string Title, string Url, string Heading, string Text)
{
    /// <summary>The call to action for the whole clinic, naming its practitioners.</summary>
    public static BookingView ForClinic(Content.SiteSettings settings, IEnumerable<string> practitioners)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = practitioners.ToList();
        var with = names.Count switch
        {
            0 => "",
            1 => $" with {names[0]}",
            _ => $" with {string.Join(", ", names.SkipLast(1))} or {names[^1]}",
        };
        return new(settings.Booking.Label, settings.Booking.Url, "Ready to get moving again?",
            $"Book an appointment online{with}. We will find out what is going on and plan your recovery with you.");
    }

    /// <summary>The call to action for booking with one person at the given address.</summary>
    public static BookingView ForPerson(Content.SiteSettings settings, string name, string url)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = name.Split(' ')[0];
        return new($"Book with {first}", url, $"Book an appointment with {first}",
            $"{first} can assess your pain and build a plan that suits your goals. Book online at a time that suits you.");
    }

    /// <summary>The call to action for an item with its own booking address (a service).</summary>
    public static BookingView ForItem(Content.SiteSettings settings, string title, string url)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Booking.Label, url, $"Book {title}", "Book online at a time that suits you. If you are not sure this is right for you, call us and we will help you choose.");
    }
}

/// <summary>One link of the breadcrumb trail.</summary>
public sealed record Crumb(string Name, string Url);

/// <summary>
/// Everything needed to render one HTML page: which layout, the facts for its head and breadcrumbs, and the
/// view object the layout reads under <see cref="DataName"/>. The view is built when the page is rendered, and
/// not kept: in site serve most pages keep last build's render and never need theirs, and in a build the page
/// pass's input still holds every page until the pass ends, so a kept view (an article's body as text) would
/// stay in memory for the whole site at once.
/// </summary>
public sealed record SitePage(
    string Layout,
    string Kind,
    string Url,
    string Title,
    string Description,
    ImmutableArray<Crumb> Breadcrumbs,
    DateOnly? LastModified,
    string DataName,
    Func<object> Data)
{
    /// <summary>Whether search engines should index it (the 404 page is not).</summary>
    public bool Indexable { get; init; } = true;

    /// <summary>The call to action this page shows; null until the site's default is applied.</summary>
    public BookingView? Booking { get; init; }

    /// <summary>The content item the page shows, if it shows one.</summary>
    public Content.ContentItem? Item { get; init; }

    /// <summary>The Open Graph type: the kind's, or website for pages that are not an item.</summary>
    public string OgType => Item?.Kind.OgType ?? "website";

    /// <summary>The page's JSON-LD graph, serialised.</summary>
    public string StructuredData { get; init; } = "";

    /// <summary>The output file for <see cref="Url"/> under clean-URL rules.</summary>
    public string Destination => Url.EndsWith('/') ? Url.TrimStart('/') + "index.html" : Url.TrimStart('/');

    private static readonly Func<object> Dropped = () => throw new InvalidOperationException("A page's view is dropped once the page is rendered.");

    /// <summary>
    /// The page without its view and JSON-LD, once it is rendered: the checks and the sitemap read only its head
    /// facts, and a 10,000-article site would otherwise keep every article's view to the end of the build.
    /// </summary>
    public SitePage Rendered() => this with { StructuredData = "", Data = Dropped };
}
