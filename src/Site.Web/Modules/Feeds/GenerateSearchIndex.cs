using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Checks;
using Site.Web.Content;
using Site.Web.Rendering;

namespace Site.Web.Modules.Feeds;

/// <summary>
/// Writes <c>search-index.json</c> for the search page: per article, condition and author, its address, title,
/// kind and description, plus the distinct word stems of its title and of its headings, body and tags. Stems,
/// not full text, keep the file small enough for a phone; the same stemming runs in the browser.
/// </summary>
public sealed class GenerateSearchIndex(BuildCache? cache = null) : IModule
{
    // Documents are immutable, so an entry worked out for one document object holds for as long as it lives:
    // in site serve, an unchanged file keeps its document from the last build and is not stemmed again.
    // A one-off build remembers nothing: its documents live to the end of the build, and so would the entries.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, object>? _computed = cache?.SearchEntries;

    public const string Path = "search-index.json";

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Get(SiteKeys.Index);
        // Every kind the model lists in search, in model order, each newest first or by title.
        var entries = (index.Model?.Kinds ?? []).Where(k => k.Has(Model.Listings.Search))
            .SelectMany(k => index.Graph.ItemsOf(k.Name))
            .Select(SiteIndex.EntryOf<ContentItem>)
            .AsParallel().AsOrdered()
            .Select(e => Remembered(e, () => Json(Entry(e.Item, e.Item.Kind.Label, BodyStems(e), Words(e.Item)))))
            .ToList();

        // {"version":1,"pages":[entry,entry,...]}, as Utf8JsonWriter writes it unindented, put together from each
        // entry's own JSON in one array of the exact size: written whole at every save, the 7 MB index of a
        // 10,000-article site went through a growing buffer several times over.
        ReadOnlySpan<byte> head = "{\"version\":1,\"pages\":["u8;
        ReadOnlySpan<byte> tail = "]}"u8;
        var size = head.Length + tail.Length + Math.Max(0, entries.Count - 1);
        foreach (var entry in entries)
        {
            size += entry.Length;
        }

        var bytes = new byte[size];
        head.CopyTo(bytes);
        var at = head.Length;
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                bytes[at++] = (byte)',';
            }

            entries[i].CopyTo(bytes, at);
            at += entries[i].Length;
        }

        tail.CopyTo(bytes.AsSpan(at));

        // Written as the UTF-8 the writer made: as text it would be decoded, encoded again to be written and
        // parsed once more by ScanPages, which finds no links in it (its addresses sit in arrays).
        return ValueTask.FromResult(documents.Add(new Document(null, Path, "") { Bytes = bytes }));
    }

    // An entry is kept as the JSON the index writes for it: one array of bytes for each page it is remembered for.
    private byte[] Remembered<T>(Entry<T> entry, Func<byte[]> compute)
        where T : ContentItem =>
        _computed is null ? compute() : (byte[])_computed.GetValue(entry.Document, _ => compute());

    /// <summary>One entry as the index writes it: [url, title, kind, description, title stems, other stems].</summary>
    private static byte[] Json((string Url, string Title, string Kind, string Description, string TitleStems, string TextStems) entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(entry.TextStems.Length + entry.Description.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(entry.Url);
            json.WriteStringValue(entry.Title);
            json.WriteStringValue(entry.Kind);
            json.WriteStringValue(entry.Description);
            json.WriteStringValue(entry.TitleStems);
            json.WriteStringValue(entry.TextStems);
            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The values of the fields the model marks <c>search: true</c>.</summary>
    private static IEnumerable<string> Words(ContentItem item) => item.Kind.Fields
        .Where(f => f.Searchable)
        .SelectMany(f => f.IsList ? item.TextsOf(f.Name) : item.TextOf(f.Name) is { } text ? [text] : []);

    /// <summary>The body's distinct stems, as RenderMarkdown worked them out (no second pass over HTML).</summary>
    private static string BodyStems<T>(Entry<T> entry) where T : ContentItem =>
        Encoding.UTF8.GetString(entry.Document.Get<byte[]>(MetadataKeys.BodyStems) ?? SearchText.DistinctStems(HtmlScan.NormaliseText(entry.Body)));

    private static (string Url, string Title, string Kind, string Description, string TitleStems, string TextStems) Entry(
        ContentItem item, string kind, string bodyStems, IEnumerable<string> extra)
    {
        var titleStems = SearchText.Stems(item.Title).ToList();
        var inTitle = titleStems.ToHashSet(StringComparer.Ordinal);
        var textStems = new HashSet<string>(StringComparer.Ordinal);
        var lookup = textStems.GetAlternateLookup<ReadOnlySpan<char>>();
        void Add(ReadOnlySpan<char> stem)
        {
            if (!lookup.Contains(stem) && !inTitle.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem))
            {
                lookup.Add(stem);
            }
        }

        foreach (var part in extra.Append(item.Description))
        {
            SearchText.ForEachStem(part, Add);
        }

        foreach (var range in bodyStems.AsSpan().Split(' '))
        {
            if (range.End.Value > range.Start.Value)
            {
                Add(bodyStems.AsSpan(range));
            }
        }

        var sorted = textStems.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return (item.Url, item.Title, kind, item.Description, string.Join(' ', titleStems), string.Join(' ', sorted));
    }
}
