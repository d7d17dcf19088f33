using System.Collections.Immutable;
using Site.Engine;
using Site.Web.Images;
using Site.Web.Content;
using Site.Web.Model;
using Site.Web.Modules;

namespace Site.Web.Rendering;

/// <summary>
/// A content item with its rendered body, as the page builders use it. A class, not a record: entries are
/// compared by identity, since value equality would hash whole article bodies in every set and Distinct.
/// </summary>
public sealed class Entry<T>(T item, StoredBody body, int wordCount, Document document) where T : ContentItem
{
    public T Item { get; } = item;

    /// <summary>The rendered body, decoded from the UTF-8 it is kept in on each use (a page, a feed entry).</summary>
    public string Body => System.Text.Encoding.UTF8.GetString(body.Bytes());

    /// <summary>The rendered body as the UTF-8 it is kept in, for writers that want bytes (the content API); read on each use.</summary>
    public ReadOnlySpan<byte> BodyUtf8 => body.Bytes();

    public int WordCount { get; } = wordCount;

    public Document Document { get; } = document;
}

/// <summary>
/// Every published content item of the build, with the content model they were bound with, the settings,
/// and, built on first use, the references between items (<see cref="Graph"/>) and the views layouts read
/// (<see cref="ItemViews"/>). Built once per build by IndexContent and published in the build context.
/// </summary>
public sealed class SiteIndex(SiteSettings settings, ContentModel model, IEnumerable<Document> items, PicturePlan? pictures = null)
{
    private readonly Lazy<ContentGraph> _graph = new(() => new ContentGraph(items));
    private ItemViews? _itemViews;

    public SiteSettings Settings { get; } = settings;

    /// <summary>The content model the items were bound with.</summary>
    public ContentModel Model { get; } = model;

    /// <summary>Every published item of every kind, as its document, in model order then file order.</summary>
    public ImmutableArray<Document> Items { get; } = [.. items];

    /// <summary>Picture sizes, for width and height attributes of image fields.</summary>
    public ImageSizes? Images { get; } = pictures?.Sizes;

    /// <summary>The files each photo is resized into.</summary>
    public PicturePlan? Pictures { get; } = pictures;

    /// <summary>The names of every kind of the content model, so a view can list "no items of this kind" too.</summary>
    public IEnumerable<string> KindNames => Model.Names;

    /// <summary>Items by kind and id, and who references whom; built on first use.</summary>
    public ContentGraph Graph => _graph.Value;

    /// <summary>The model-driven views of items, shared by every page of the build.</summary>
    public ItemViews ItemViews => LazyInitializer.EnsureInitialized(ref _itemViews, () => new ItemViews(this));

    /// <summary>
    /// Drops the views once every page is rendered: only layouts read them, and the cards they keep (every item's,
    /// some twice) would otherwise stay to the end of the build. A later read builds them again.
    /// </summary>
    public void ReleaseViews() => Volatile.Write(ref _itemViews, null);

    public static Entry<T> EntryOf<T>(Document document) where T : ContentItem
    {
        ArgumentNullException.ThrowIfNull(document);
        return new((T)document.Model!, document.Get(MetadataKeys.Body) ?? new StoredBody(System.Text.Encoding.UTF8.GetBytes(document.Content)), document.Get(MetadataKeys.WordCount), document);
    }
}
