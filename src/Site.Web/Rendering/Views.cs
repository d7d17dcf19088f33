using System.Collections.Immutable;
using System.Globalization;
using Site.Web.Content;

namespace Site.Web.Rendering;

/// <summary>A link with its text.</summary>
public sealed record LinkView(string Title, string Url)
{
    /// <summary>A short description shown beside the link (a practitioner's role).</summary>
    public string? Note { get; init; }
}

/// <summary>An article as it appears in a list.</summary>
public sealed record ArticleCard(string Title, string Url, string Description, string DateIso, string DateText, LinkView Author, int ReadingMinutes);

public sealed record ArticleView(
    string Title, string Url, string Description, string DateIso, string DateText,
    string? UpdatedIso, string? UpdatedText, LinkView Author, LinkView? Reviewer, string? ReviewedIso, string? ReviewedText,
    int ReadingMinutes, ImmutableArray<LinkView> Conditions, ImmutableArray<LinkView> Tags,
    string? Image, string? ImageAlt, string Body, ImmutableArray<ArticleCard> Related)
{
    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }
}

public sealed record ConditionView(
    string Title, string Url, string Description, ImmutableArray<string> AlsoKnownAs, ImmutableArray<string> Symptoms,
    ImmutableArray<string> AggravatingFactors, ImmutableArray<string> RiskFactors, ImmutableArray<string> Treatments,
    LinkView? Reviewer, string? ReviewedIso, string? ReviewedText, string Body, ImmutableArray<ArticleCard> Articles)
{
    /// <summary>Items of other kinds that list this condition (services that treat it), as the model declares.</summary>
    public ImmutableArray<BacklinkGroup> Backlinks { get; init; } = [];
}

public sealed record AuthorView(
    string Name, string Url, string Role, string Credentials, string Registration, string? Photo, string? PhotoAlt,
    ImmutableArray<string> Interests, string Body, ImmutableArray<ArticleCard> Articles)
{
    /// <summary>Items of other kinds that name this practitioner (the services they provide), as the model declares.</summary>
    public ImmutableArray<BacklinkGroup> Backlinks { get; init; } = [];

    public int PhotoWidth { get; init; } = 160;

    public int PhotoHeight { get; init; } = 160;
}

public sealed record PageView(string Title, string Body, string? UpdatedIso, string? UpdatedText);

/// <summary>A list page: the article index (paginated), a tag, the conditions index, search, home.</summary>
public sealed record ListView(
    string Title, string Intro, ImmutableArray<ArticleCard> Articles, ImmutableArray<LinkView> Conditions,
    int PageNumber, int PageCount, string? PreviousUrl, string? NextUrl);

/// <summary>The page listing every item of one kind (a kind whose model declares <c>list:</c>).</summary>
public sealed record ItemListView(string Title, string Intro, ImmutableArray<Scriban.Runtime.ScriptObject> Items);

/// <summary>Turns content into the view records layouts read.</summary>
public sealed class Views(SiteIndex index, ImageSizes? images)
{
    private const int WordsPerMinute = 220;

    public static string DateText(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DateIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A link to an author's page. Unknown ids were reported by IndexContent and are never linked.</summary>
    public LinkView AuthorLink(string id) => Reviewer(id) ?? throw new InvalidOperationException($"Unknown author '{id}' reached rendering.");

    private LinkView? Reviewer(string id) =>
        index.AuthorsById.TryGetValue(id, out var author) ? new LinkView(author.Item.Name, author.Item.Url) { Note = author.Item.Role } : null;

    public ArticleCard Card(Entry<Article> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.Item;
        return new ArticleCard(a.Title, a.Url, a.Description, DateIso(a.Date), DateText(a.Date), AuthorLink(a.Author.Value), Minutes(entry.WordCount));
    }

    public ImmutableArray<ArticleCard> Cards(IEnumerable<Entry<Article>> entries) => [.. entries.Select(Card)];

    public ArticleView Article(Entry<Article> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.Item;
        return new ArticleView(
            a.Title, a.Url, a.Description, DateIso(a.Date), DateText(a.Date),
            a.Updated is { } u ? DateIso(u) : null, a.Updated is { } u2 ? DateText(u2) : null,
            AuthorLink(a.Author.Value),
            a.ReviewedBy is { } r ? Reviewer(r.Value) : null,
            a.LastReviewed is { } lr ? DateIso(lr) : null, a.LastReviewed is { } lr2 ? DateText(lr2) : null,
            Minutes(entry.WordCount),
            [.. a.Conditions.Where(c => index.ConditionsById.ContainsKey(c.Value)).Select(c => new LinkView(index.ConditionsById[c.Value].Item.Title, index.ConditionsById[c.Value].Item.Url))],
            [.. a.Tags.Select(t => new LinkView(t, $"/tags/{ContentUrls.Slugify(t)}/"))],
            a.Image, a.ImageAlt, entry.Body, Cards(index.Related(a, 3)))
        {
            ImageWidth = a.Image is null ? null : images?.Of(a.Image)?.Width,
            ImageHeight = a.Image is null ? null : images?.Of(a.Image)?.Height,
        };
    }

    public ConditionView Condition(Entry<Condition> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var c = entry.Item;
        return new ConditionView(
            c.Title, c.Url, c.Description, c.AlsoKnownAs, c.Symptoms, c.AggravatingFactors, c.RiskFactors, c.Treatments,
            c.ReviewedBy is { } r ? Reviewer(r.Value) : null,
            c.LastReviewed is { } lr ? DateIso(lr) : null, c.LastReviewed is { } lr2 ? DateText(lr2) : null,
            entry.Body, Cards(index.ArticlesByCondition.GetValueOrDefault(c.Slug, [])))
        {
            Backlinks = index.ItemViews.Backlinks(c),
        };
    }

    public AuthorView Author(Entry<Author> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.Item;
        var size = a.Photo is null ? null : images?.Of(a.Photo);
        return new AuthorView(a.Name, a.Url, a.Role, a.Credentials, a.Registration, a.Photo, a.PhotoAlt, a.Interests, entry.Body,
            Cards(index.ArticlesByAuthor.GetValueOrDefault(a.Slug, [])))
        {
            Backlinks = index.ItemViews.Backlinks(a),
            PhotoWidth = size?.Width ?? 160,
            PhotoHeight = size?.Height ?? 160,
        };
    }

    public static PageView Page(Entry<Page> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var p = entry.Item;
        return new PageView(p.Title, entry.Body, p.Updated is { } u ? DateIso(u) : null, p.Updated is { } u2 ? DateText(u2) : null);
    }

    public static int Minutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
}
