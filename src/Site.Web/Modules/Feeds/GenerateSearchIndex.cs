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
            .Select(e => Remembered(e, () => Entry(e.Item, e.Item.Kind.Label, BodyStems(e), Words(e.Item))))
            .ToList();

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("pages");
            foreach (var (url, title, kind, description, titleStems, textStems) in entries)
            {
                json.WriteStartArray();
                json.WriteStringValue(url);
                json.WriteStringValue(title);
                json.WriteStringValue(kind);
                json.WriteStringValue(description);
                json.WriteStringValue(titleStems);
                json.WriteStringValue(textStems);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Written as the UTF-8 the writer made: as text it would be decoded, encoded again to be written and
        // parsed once more by ScanPages, which finds no links in it (its addresses sit in arrays).
        return ValueTask.FromResult(documents.Add(new Document(null, Path, "") { Bytes = stream.ToArray() }));
    }

    // An entry keeps its stems joined, as the index writes them: one string, not several hundred, for each page
    // it is remembered for.
    private (string Url, string Title, string Kind, string Description, string TitleStems, string TextStems) Remembered<T>(
        Entry<T> entry, Func<(string Url, string Title, string Kind, string Description, string TitleStems, string TextStems)> compute)
        where T : ContentItem =>
        _computed is null ? compute() : ((string, string, string, string, string, string))_computed.GetValue(entry.Document, _ => compute());

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
