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
public sealed class GenerateSearchIndex : IModule
{
    public const string Path = "search-index.json";

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.DocumentsOf(SitePipelines.Html).Select(d => d.Model).OfType<SiteIndex>().Single();
        var entries = index.Articles.AsParallel().AsOrdered().Select(e => Entry(e.Item, "Article", Text(e), e.Item.Tags)).ToList()
            .Concat(index.Conditions.Select(e => Entry(e.Item, "Condition", Text(e), [.. e.Item.AlsoKnownAs, .. e.Item.Symptoms, .. e.Item.Treatments])))
            .Concat(index.Authors.Select(e => Entry(e.Item, "Author", Text(e), [e.Item.Role, .. e.Item.Interests])))
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
                json.WriteStringValue(string.Join(' ', titleStems));
                json.WriteStringValue(string.Join(' ', textStems));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return ValueTask.FromResult(documents.Add(new Document(null, Path, Encoding.UTF8.GetString(stream.ToArray()))));
    }

    /// <summary>The words of the body, as RenderMarkdown collected them (no second pass over HTML).</summary>
    private static string Text<T>(Entry<T> entry) where T : ContentItem =>
        entry.Document.Get<string>(MetadataKeys.PlainText) ?? HtmlScan.NormaliseText(entry.Body);

    private static (string Url, string Title, string Kind, string Description, IEnumerable<string> TitleStems, IEnumerable<string> TextStems) Entry(
        ContentItem item, string kind, string body, IEnumerable<string> extra)
    {
        var titleStems = SearchText.Stems(item.Title).ToList();
        var inTitle = titleStems.ToHashSet(StringComparer.Ordinal);
        var text = string.Join(' ', extra.Append(item.Description).Append(body));
        var textStems = SearchText.Stems(text).Where(s => !inTitle.Contains(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return (item.Url, item.Title, kind, item.Description, titleStems, textStems);
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

    public static IEnumerable<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var ch in text.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (ch == '\'' || ch == '\u2019')
            {
                continue;
            }

            if (word.Length > 1 && !StopWords.Contains(word.ToString()))
            {
                yield return Stem(word.ToString());
            }

            word.Clear();
        }
    }

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
