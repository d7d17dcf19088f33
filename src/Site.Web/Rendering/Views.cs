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

/// <summary>A list page: the article index (paginated), a tag, the conditions index, search, home.</summary>
public sealed record ListView(
    string Title, string Intro, ImmutableArray<ArticleCard> Articles, ImmutableArray<LinkView> Conditions,
    int PageNumber, int PageCount, string? PreviousUrl, string? NextUrl);

/// <summary>The page listing every item of one kind (a kind whose model declares <c>list:</c>).</summary>
public sealed record ItemListView(string Title, string Intro, ImmutableArray<Scriban.Runtime.ScriptObject> Items);

/// <summary>Turns content into the view records layouts read.</summary>
public sealed class Views(SiteIndex index)
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

    public static int Minutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
}
