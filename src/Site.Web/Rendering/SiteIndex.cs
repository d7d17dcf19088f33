using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine;
using Site.Web.Content;
using Site.Web.Modules;

namespace Site.Web.Rendering;

/// <summary>
/// A content item with its rendered body, as the page builders use it. A class, not a record: entries are
/// compared by identity, since value equality would hash whole article bodies in every set and Distinct.
/// </summary>
public sealed class Entry<T>(T item, byte[] body, int wordCount, Document document) where T : ContentItem
{
    public T Item { get; } = item;

    /// <summary>The rendered body, decoded from the UTF-8 it is kept in on each use (a page, a feed entry).</summary>
    public string Body => System.Text.Encoding.UTF8.GetString(body);

    public int WordCount { get; } = wordCount;

    public Document Document { get; } = document;
}

/// <summary>
/// Every published content item of the build, with the cross-references pages need (an author's articles,
/// a condition's articles, the articles of a tag). Built once per build.
/// </summary>
public sealed class SiteIndex
{
    public SiteIndex(SiteSettings settings, IEnumerable<Entry<Article>> articles, IEnumerable<Entry<Condition>> conditions, IEnumerable<Entry<Author>> authors, IEnumerable<Entry<Page>> pages)
    {
        Settings = settings;
        Articles = [.. articles.OrderByDescending(a => a.Item.Date).ThenBy(a => a.Item.Title, StringComparer.Ordinal)];
        Conditions = [.. conditions.OrderBy(c => c.Item.Title, StringComparer.Ordinal)];
        Authors = [.. authors.OrderBy(a => a.Item.Name, StringComparer.Ordinal)];
        Pages = [.. pages.OrderBy(p => p.Item.Slug, StringComparer.Ordinal)];
        AuthorsById = Authors.ToFrozenDictionary(a => a.Item.Slug, StringComparer.Ordinal);
        ConditionsById = Conditions.ToFrozenDictionary(c => c.Item.Slug, StringComparer.Ordinal);
        ArticlesByCondition = Articles
            .SelectMany(a => a.Item.Conditions.Select(c => (Condition: c.Value, Article: a)))
            .GroupBy(x => x.Condition, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Article).ToImmutableArray(), StringComparer.Ordinal);
        ArticlesByAuthor = Articles
            .GroupBy(a => a.Item.Author.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Tags = Articles
            .SelectMany(a => a.Item.Tags.Select(t => (Tag: t, Article: a)))
            .GroupBy(x => ContentUrls.Slugify(x.Tag), StringComparer.Ordinal)
            .Select(g => new TagGroup(g.Key, g.First().Tag, [.. g.Select(x => x.Article).Distinct()]))
            .OrderBy(t => t.Slug, StringComparer.Ordinal)
            .ToImmutableArray();
        TagsBySlug = Tags.ToFrozenDictionary(t => t.Slug, StringComparer.Ordinal);
    }

    public SiteSettings Settings { get; }

    /// <summary>Every published item of every kind, as its document, in model order then file order.</summary>
    public ImmutableArray<Document> Items
    {
        get;
        init
        {
            field = value;
            _graph = new Lazy<ContentGraph>(() => new ContentGraph(value));
        }
    } = [];

    private Lazy<ContentGraph> _graph = new(() => new ContentGraph([]));

    /// <summary>The names of every kind of the content model, so a view can list "no items of this kind" too.</summary>
    public ImmutableArray<string> KindNames => Model?.Kinds.Select(k => k.Name).ToImmutableArray() ?? [];

    /// <summary>The content model the items were bound with.</summary>
    public Model.ContentModel? Model { get; init; }

    /// <summary>Picture sizes, for width and height attributes of image fields.</summary>
    public ImageSizes? Images { get; init; }

    /// <summary>Items by kind and id, and who references whom; built on first use.</summary>
    public ContentGraph Graph => _graph.Value;

    private ItemViews? _itemViews;

    /// <summary>The model-driven views of items, shared by every page of the build.</summary>
    public ItemViews ItemViews => LazyInitializer.EnsureInitialized(ref _itemViews, () => new ItemViews(this));

    public ImmutableArray<Entry<Article>> Articles { get; }

    public ImmutableArray<Entry<Condition>> Conditions { get; }

    public ImmutableArray<Entry<Author>> Authors { get; }

    public ImmutableArray<Entry<Page>> Pages { get; }

    public FrozenDictionary<string, Entry<Author>> AuthorsById { get; }

    public FrozenDictionary<string, Entry<Condition>> ConditionsById { get; }

    public FrozenDictionary<string, ImmutableArray<Entry<Article>>> ArticlesByCondition { get; }

    public FrozenDictionary<string, ImmutableArray<Entry<Article>>> ArticlesByAuthor { get; }

    public ImmutableArray<TagGroup> Tags { get; }

    /// <summary>How many of the newest articles of each shared condition or tag are considered as related.</summary>
    private const int CandidatesPerGroup = 30;

    /// <summary>
    /// Up to <paramref name="count"/> other articles sharing the most conditions (weighted double) and tags,
    /// newest first among equals. Candidates are the newest few of each condition and tag the article has,
    /// so the cost does not grow with the size of the archive.
    /// </summary>
    public ImmutableArray<Entry<Article>> Related(Article article, int count)
    {
        ArgumentNullException.ThrowIfNull(article);
        var conditions = article.Conditions.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var tags = article.Tags.ToHashSet(StringComparer.Ordinal);
        var candidates = new HashSet<Entry<Article>>();
        foreach (var condition in conditions)
        {
            candidates.UnionWith(ArticlesByCondition.GetValueOrDefault(condition, []).Take(CandidatesPerGroup));
        }

        foreach (var tag in tags)
        {
            candidates.UnionWith(TagsBySlug.GetValueOrDefault(ContentUrls.Slugify(tag))?.Articles.Take(CandidatesPerGroup) ?? []);
        }

        return [.. candidates
            .Where(a => a.Item.Slug != article.Slug)
            .Select(a => (Entry: a, Score: (2 * a.Item.Conditions.Count(c => conditions.Contains(c.Value))) + a.Item.Tags.Count(tags.Contains)))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Entry.Item.Date)
            .ThenBy(x => x.Entry.Item.Slug, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Entry)];
    }

    public FrozenDictionary<string, TagGroup> TagsBySlug { get; }

    public static Entry<T> EntryOf<T>(Document document) where T : ContentItem
    {
        ArgumentNullException.ThrowIfNull(document);
        return new((T)document.Model!, document.Get<byte[]>(MetadataKeys.Body) ?? System.Text.Encoding.UTF8.GetBytes(document.Content), document.Get(MetadataKeys.WordCount), document);
    }
}

/// <summary>The articles that share one tag.</summary>
public sealed record TagGroup(string Slug, string Name, ImmutableArray<Entry<Article>> Articles)
{
    public string Url => $"/tags/{Slug}/";
}
