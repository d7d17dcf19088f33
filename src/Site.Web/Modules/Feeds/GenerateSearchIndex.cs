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
            .Select(e => Remembered(e, () => Entry(e.Item, e.Item.Kind.Label, Text(e), Words(e.Item))))
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

    /// <summary>The words of the body, as RenderMarkdown collected them (no second pass over HTML).</summary>
    private static string Text<T>(Entry<T> entry) where T : ContentItem =>
        entry.Document.Get<byte[]>(MetadataKeys.PlainText) is { } text ? Encoding.UTF8.GetString(text) : HtmlScan.NormaliseText(entry.Body);

    private static (string Url, string Title, string Kind, string Description, string TitleStems, string TextStems) Entry(
        ContentItem item, string kind, string body, IEnumerable<string> extra)
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

        foreach (var part in extra.Append(item.Description).Append(body))
        {
            SearchText.ForEachStem(part, Add);
        }

        var sorted = textStems.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return (item.Url, item.Title, kind, item.Description, string.Join(' ', titleStems), string.Join(' ', sorted));
    }
}

/// <summary>
/// Words to stems, the same way theme/assets/js/search.js does it: lower case, letters and digits only,
/// common words dropped, simple plurals folded ("hamstrings" and "hamstring" meet).
/// </summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have", "how", "i", "if", "in", "is",
        "it", "its", "of", "on", "or", "our", "so", "that", "the", "their", "them", "then", "there", "they", "this", "to", "up", "was",
        "we", "what", "when", "which", "who", "will", "with", "you", "your",
    };

    /// <summary>Called with each stem; the span is only valid during the call.</summary>
    public delegate void StemAction(ReadOnlySpan<char> stem);

    public static IEnumerable<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>();
        ForEachStem(text, stem => stems.Add(stem.ToString()));
        return stems;
    }

    /// <summary>
    /// Calls <paramref name="action"/> with the stem of every word of <paramref name="text"/>, in order, without
    /// allocating a string per word (a 10,000-article site has millions of words).
    /// </summary>
    public static void ForEachStem(ReadOnlySpan<char> text, StemAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var stopWords = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(64);
        try
        {
            var length = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var ch = i < text.Length ? text[i] : ' ';
                if (char.IsLetterOrDigit(ch))
                {
                    if (length == buffer.Length)
                    {
                        var larger = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    buffer[length++] = char.ToLowerInvariant(ch);
                    continue;
                }

                if (ch == '\'' || ch == '\u2019')
                {
                    continue;
                }

                var word = buffer.AsSpan(0, length);
                if (length > 1 && !stopWords.Contains(word))
                {
                    action(Stem(word));
                }

                length = 0;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Stem(word.ToCharArray()).ToString();
    }

    /// <summary>Folds simple plurals; may rewrite <paramref name="word"/> in place ("injuries" to "injury").</summary>
    private static ReadOnlySpan<char> Stem(Span<char> word)
    {
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.Length > 4 && (word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("sses") || word.EndsWith("xes")))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
        {
            return word[..^1];
        }

        return word;
    }
}
