using System.Collections.Immutable;
using System.Text;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// Publishes the fingerprint every page shares (<c>site serve</c> only): the inputs of the whole build
/// (settings, model, theme, assets, options, the day) and, for every published item, its front matter and
/// reading time. A page's render depends on other items only through these (cards, lists, related articles,
/// reading times); <see cref="Of"/> adds the page's own body. Each item's part is hashed once per document
/// (<see cref="BuildCache.ItemFingerprint"/>): a file left unchanged is the same document at the next save.
/// </summary>
public sealed class ComputeFingerprint(string inputs, BuildCache cache) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Get(SiteKeys.Index).Items;
        var text = new StringBuilder(inputs, inputs.Length + (items.Length * 33));
        foreach (var item in items)
        {
            text.Append('\n').Append(cache.ItemFingerprint(item, ItemPartOnce));
        }

        context.Publish(SiteKeys.Fingerprint, Hash(Encoding.UTF8.GetBytes(text.ToString())));
        return ValueTask.FromResult(documents);
    }

    // One callback for every lookup: a lambda wrapping the method would be a new object per item at every save.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, string>.CreateValueCallback ItemPartOnce = ItemPart;

    /// <summary>What of one item every page may show: where it comes from, its front matter, its reading time.</summary>
    private static string ItemPart(Document item) =>
        Hash(Encoding.UTF8.GetBytes($"{item.Source}\n{item.Get(MetadataKeys.FrontMatter)}\n{Views.Minutes(item.Get(MetadataKeys.WordCount))}"));

    /// <summary>A page's fingerprint: the site's, its destination and, for a content page, its rendered body.</summary>
    public static string Of(Document page, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(context);
        var body = page.Get(MetadataKeys.Body);
        return context.Get(SiteKeys.Fingerprint) + "|" + page.Destination + "|" + (body is null ? "" : body.Hash);
    }

    /// <summary>
    /// A key for serve's caches: 128-bit XXH3. It only has to tell one text from the next, and it costs a small
    /// fraction of SHA-256 over every file and page at each save.
    /// </summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(bytes));
}
