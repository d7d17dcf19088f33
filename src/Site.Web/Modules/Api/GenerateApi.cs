using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Model;
using Site.Web.Modules.Html;
using Site.Web.Rendering;

namespace Site.Web.Modules.Api;

/// <summary>
/// The headless content API: static JSON under <c>/api/v1/</c>, generated from the content model, so a new kind
/// gets its endpoints with no code. Every URL in it is absolute on the build's base URL. Only the published
/// items of the build are in it (no drafts or future items unless the build includes them, as for pages).
/// Everything is deterministic except <c>built_at</c> and <c>commit</c> in <c>index.json</c>.
/// </summary>
public sealed class GenerateApi(SiteSettings settings, DateTimeOffset builtAt, string? commit) : IModule
{
    /// <summary>The folder of version 1 of the API in the output.</summary>
    public const string Root = "api/v1/";

    // Served as application/json, never inside HTML: quotes, apostrophes and angle brackets are written as
    // themselves, which keeps bodies readable; JSON's own escaping still applies.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Get(SiteKeys.Index);
        var result = documents.ToBuilder();
        var topicsFound = new List<(string Name, string Slug, int Count)>();
        var referringKinds = new List<(KindDefinition Of, KindDefinition Referring)>();
        // Where each item stands in its kind's list, to order the lists of referring items the same way.
        var positions = new Dictionary<Document, int>(ReferenceEqualityComparer.Instance);
        foreach (var kind in index.Model.Kinds)
        {
            var all = index.Graph.ItemsOf(kind.Name);
            for (var i = 0; i < all.Length; i++)
            {
                positions[all[i]] = i;
            }
        }

        foreach (var kind in index.Model.Kinds)
        {
            var items = index.Graph.ItemsOf(kind.Name);
            // Every answer but index.json is only a placeholder here: RenderApiAnswers writes them in parallel,
            // each followed by its WriteEarly, as holding 10,000 bodies as JSON at once would cost hundreds of
            // megabytes.
            foreach (var document in items)
            {
                result.Add(new Document(null, ItemPath(ContentGraph.Item(document)), "") { Model = new PendingItem(document) });
            }

            var pages = Math.Max(1, (items.Length + settings.ApiPageSize - 1) / settings.ApiPageSize);
            for (var page = 1; page <= pages; page++)
            {
                var slice = items.Skip((page - 1) * settings.ApiPageSize).Take(settings.ApiPageSize).Select(ContentGraph.Item).ToList();
                var number = page;
                result.Add(Answer(ListPath(kind, page), (json, links) => WriteList(json, links, kind, slice, number, pages, items.Length)));
            }

            result.Add(new Document(null, $"{Root}schema/{kind.Name}.json", ApiSchemas.ItemText(kind, settings)));

            // For each item, the items of every other kind that refer to it: /api/v1/condition/{id}/article.json,
            // in the order of that kind's own list.
            foreach (var document in items)
            {
                var item = ContentGraph.Item(document);
                foreach (var group in index.Graph.ReferencesTo(item).Select(r => r.Item).Distinct(ReferenceEqualityComparer.Instance).Cast<Document>().GroupBy(d => ContentGraph.Item(d).KindName, StringComparer.Ordinal))
                {
                    var other = index.Model.Kind(group.Key)!;
                    var list = group.OrderBy(d => positions[d]).Select(ContentGraph.Item).ToList();
                    {
                        referringKinds.Add((kind, other));
                        var about = Url(ItemPath(item));
                        result.Add(Answer(ReferringPath(item, other), (json, links) => WriteList(json, links, other, list, 1, 1, list.Count, about: about)));
                    }
                }
            }

            // Every topic of a taxonomy field: /api/v1/tags/{slug}.json, as the topic pages list them.
            foreach (var field in kind.Fields.Where(f => f.Taxonomy))
            {
                var topics = items.Select(ContentGraph.Item)
                    .SelectMany(i => i.TextsOf(field.Name).Select(t => (Slug: ContentUrls.Slugify(t), Name: t, Item: i)))
                    .GroupBy(t => t.Slug, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal);
                foreach (var topic in topics)
                {
                    var list = topic.Select(t => t.Item).Distinct<ContentItem>(ReferenceEqualityComparer.Instance).ToList(); // by reference: a record's own hash reads every field
                    var name = topic.First().Name;
                    result.Add(Answer(TopicPath(topic.Key), (json, links) => WriteList(json, links, kind, list, 1, 1, list.Count, topic: name)));
                    topicsFound.Add((name, topic.Key, list.Count));
                }
            }
        }

        result.Add(new Document(null, $"{Root}schema/list.json", ApiSchemas.ListText(settings)));
        result.Add(new Document(null, $"{Root}schema/index.json", ApiSchemas.IndexText(settings)));
        result.Add(new Document(null, $"{Root}schema/changes.json", ApiSchemas.ChangesText(settings)));
        result.Add(new Document(null, $"{Root}openapi.json", ApiDescription.Text(index.Model, settings, referringKinds, topicsFound.Count > 0)));
        result.Add(Written(new Document(null, $"{Root}index.json", ""), (json, links) => WriteIndex(json, links, index, topicsFound)));
        return ValueTask.FromResult(result.ToImmutable());
    }

    /// <summary>The output path of one item's JSON.</summary>
    public static string ItemPath(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{Root}{item.KindName}/{item.Slug}.json";
    }

    /// <summary>The output path of a page of one kind's list: index.json, then page/2.json and on.</summary>
    public static string ListPath(KindDefinition kind, int page)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return page == 1 ? $"{Root}{kind.Name}/index.json" : $"{Root}{kind.Name}/page/{page}.json";
    }

    private string Url(string outputPath) => settings.Absolute("/" + outputPath);

    /// <summary>A list answer as a placeholder: RenderApiAnswers writes it, in parallel with the others.</summary>
    private static Document Answer(string path, Action<Utf8JsonWriter, List<string>> write) =>
        new(null, path, "") { Model = new PendingList(write) };

    /// <summary>An answer written now, with the addresses on the site it links to (for CheckApiLinks).</summary>
    internal static Document Written(Document placeholder, Action<Utf8JsonWriter, List<string>> write)
    {
        var links = new List<string>();
        return (placeholder with { Bytes = Json(json => write(json, links)), Model = null }).With(MetadataKeys.ApiLinks, [.. links]);
    }

    /// <summary>The answer as the UTF-8 that is written: kept as bytes, never turned into a string and back.</summary>
    internal static byte[] Json(Action<Utf8JsonWriter> write)
    {
        // One growing buffer per thread, reused for every answer: only the finished answer is allocated.
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            write(json);
        }

        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Writes an address on the site and remembers it, so the link check sees every one.</summary>
    private static void Link(Utf8JsonWriter json, List<string> links, string name, string url)
    {
        json.WriteString(name, url);
        links.Add(url);
    }

    /// <summary>The output path of the list of <paramref name="kind"/>'s items that refer to <paramref name="item"/>.</summary>
    public static string ReferringPath(ContentItem item, KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(kind);
        return $"{Root}{item.KindName}/{item.Slug}/{kind.Name}.json";
    }

    /// <summary>The output path of the list of items on one topic.</summary>
    public static string TopicPath(string slug) => $"{Root}tags/{slug}.json";

    private void WriteIndex(Utf8JsonWriter json, List<string> links, SiteIndex index, List<(string Name, string Slug, int Count)> topics)
    {
        json.WriteStartObject();
        Link(json, links, "$schema", Url($"{Root}schema/index.json"));
        json.WriteString("version", "1");
        json.WriteStartObject("site");
        json.WriteString("name", settings.Name);
        json.WriteString("base_url", settings.Absolute("/"));
        json.WriteString("language", settings.Language);
        json.WriteString("time_zone", settings.TimeZone.Id);
        json.WriteEndObject();
        json.WriteString("built_at", builtAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (commit is not null)
        {
            json.WriteString("commit", commit);
        }

        Link(json, links, "changes", Url($"{Root}changes.json"));
        json.WriteStartArray("collections");
        foreach (var kind in index.Model.Kinds)
        {
            json.WriteStartObject();
            json.WriteString("kind", kind.Name);
            json.WriteString("label", kind.Label);
            json.WriteString("plural", kind.Plural);
            json.WriteNumber("count", index.Graph.ItemsOf(kind.Name).Length);
            Link(json, links, "items", Url(ListPath(kind, 1)));
            Link(json, links, "schema", Url($"{Root}schema/{kind.Name}.json"));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("topics");
        foreach (var (name, slug, count) in topics.OrderBy(t => t.Slug, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteNumber("count", count);
            Link(json, links, "items", Url(TopicPath(slug)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteList(Utf8JsonWriter json, List<string> links, KindDefinition kind, List<ContentItem> items, int page, int pages, int total, string? about = null, string? topic = null)
    {
        json.WriteStartObject();
        Link(json, links, "$schema", Url($"{Root}schema/list.json"));
        json.WriteString("kind", kind.Name);
        if (about is not null)
        {
            Link(json, links, "about", about);
        }

        if (topic is not null)
        {
            json.WriteString("topic", topic);
        }

        json.WriteNumber("total", total);
        json.WriteNumber("page", page);
        json.WriteNumber("pages", pages);
        json.WriteNumber("page_size", about is null && topic is null ? settings.ApiPageSize : Math.Max(1, total));
        if (page > 1)
        {
            Link(json, links, "previous", Url(ListPath(kind, page - 1)));
        }

        if (page < pages)
        {
            Link(json, links, "next", Url(ListPath(kind, page + 1)));
        }

        json.WriteStartArray("items");
        foreach (var item in items)
        {
            WriteSummary(json, links, item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes an item's summary, as lists and <c>included</c> carry it. An item is in many lists (its kind's page,
    /// each of its topics, each item it refers to), so its summary is written once and copied.
    /// </summary>
    private void WriteSummary(Utf8JsonWriter json, List<string> links, ContentItem item)
    {
        var summary = _summaries.GetOrAdd(item, RenderSummary);
        json.WriteRawValue(summary.Json, skipInputValidation: true);
        links.AddRange(summary.Links);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ContentItem, (byte[] Json, string[] Links)> _summaries = new(ReferenceEqualityComparer.Instance);

    private (byte[] Json, string[] Links) RenderSummary(ContentItem item)
    {
        // Every summary stands at the same depth (an element of an array that is a member of the answer's
        // object), so it is written at that depth, with the line break and indentation before it that the
        // writer does not add to a raw value, and is right wherever it is copied.
        var links = new List<string>();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer, Indented);
        json.WriteStartObject();
        json.WriteStartArray("items");
        json.Flush();
        var start = buffer.WrittenCount;
        WriteSummaryObject(json, links, item);
        json.Flush();
        return (buffer.WrittenSpan[start..].ToArray(), [.. links]);
    }

    private void WriteSummaryObject(Utf8JsonWriter json, List<string> links, ContentItem item)
    {
        json.WriteStartObject();
        WriteHead(json, links, item);
        json.WriteStartObject("references");
        foreach (var field in item.Kind.Fields.Where(f => f.IsReference))
        {
            WriteField(json, item, field);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteHead(Utf8JsonWriter json, List<string> links, ContentItem item)
    {
        json.WriteString("id", item.Slug);
        json.WriteString("kind", item.KindName);
        Link(json, links, "url", settings.Absolute(item.Url));
        Link(json, links, "api_url", Url(ItemPath(item)));
        json.WriteString("title", item.Title);
        json.WriteString("description", item.Description);
        if (item.PublishedOn is { } published)
        {
            json.WriteString("published", Date(published));
        }

        if (item.UpdatedOn is { } updated)
        {
            json.WriteString("updated", Date(updated));
        }
    }

    /// <summary>Writes one item's answer; called by RenderApiAnswers.</summary>
    internal void WriteItem(Utf8JsonWriter json, List<string> links, SiteIndex index, Entry<ContentItem> entry)
    {
        var item = entry.Item;
        json.WriteStartObject();
        Link(json, links, "$schema", Url($"{Root}schema/{item.KindName}.json"));
        WriteHead(json, links, item);
        json.WriteStartObject("fields");
        foreach (var field in item.Kind.Fields)
        {
            WriteField(json, item, field);
        }

        json.WriteEndObject();
        var html = t_html ??= new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        html.ResetWrittenCount();
        ContentUrls.AbsoluteLinks(entry.BodyUtf8, settings.BaseUrl, html);
        JsonText.Write(json, "body_html", html.WrittenSpan);

        // The text was dropped after rendering to save memory; the file is read again, once, for its body.
        var source = entry.Document.Get(MetadataKeys.SourcePath);
        JsonText.Write(json, "body_markdown", source is not null && File.Exists(source) ? BodyMarkdown(File.ReadAllBytes(source)) : []);

        // What the item refers to, one level deep, so a client renders the page from this one answer.
        json.WriteStartArray("included");
        var seen = new HashSet<(string, string)>();
        foreach (var field in item.Kind.Fields.Where(f => f.IsReference))
        {
            foreach (var id in ContentGraph.Targets(item, field))
            {
                if (index.Graph.Find(field.To!, id) is { } target && seen.Add((field.To!, id)))
                {
                    WriteSummary(json, links, ContentGraph.Item(target));
                }
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteField(Utf8JsonWriter json, ContentItem item, FieldDefinition field)
    {
        if (!item.Fields.TryGetValue(field.Name, out var value))
        {
            return;
        }

        switch (value)
        {
            case ImmutableArray<Located<string>> list:
                json.WriteStartArray(field.Name);
                foreach (var element in list)
                {
                    json.WriteStringValue(Text(field, element.Value));
                }

                json.WriteEndArray();
                break;
            case Located<string> reference:
                json.WriteString(field.Name, reference.Value);
                break;
            case DateOnly date:
                json.WriteString(field.Name, Date(date));
                break;
            case int number:
                json.WriteNumber(field.Name, number);
                break;
            case bool flag:
                json.WriteBoolean(field.Name, flag);
                break;
            case string text:
                json.WriteString(field.Name, Text(field, text));
                break;
        }
    }

    /// <summary>A field's text; addresses on this site (paths, images) become absolute.</summary>
    private string Text(FieldDefinition field, string value) =>
        field.Type is FieldType.Path or FieldType.Image && value.StartsWith('/') ? settings.Absolute(value) : value;

    /// <summary>changes.json: every item with the hash of its answer, by kind and id.</summary>
    internal static byte[] Changes(IEnumerable<(ContentItem Item, string Hash)> changes) => Json(json => WriteChanges(json, changes));

    private static void WriteChanges(Utf8JsonWriter json, IEnumerable<(ContentItem Item, string Hash)> changes)
    {
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var (item, hash) in changes.OrderBy(c => c.Item.KindName, StringComparer.Ordinal).ThenBy(c => c.Item.Slug, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("kind", item.KindName);
            json.WriteString("id", item.Slug);
            json.WriteString("hash", hash);
            if (item.UpdatedOn is { } updated)
            {
                json.WriteString("updated", Date(updated));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_html;

    /// <summary>The Markdown after the front matter, as the writer wrote it (UTF-8, with line feeds only).</summary>
    internal static ReadOnlySpan<byte> BodyMarkdown(ReadOnlySpan<byte> content)
    {
        var text = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        if (text.Contains((byte)'\r'))
        {
            text = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(text).ReplaceLineEndings("\n"));
        }

        if (!text.StartsWith("---\n"u8))
        {
            return text;
        }

        // The closing line is "---" alone: the first "\n---" followed by a line feed or the end.
        var from = 3;
        while (true)
        {
            var found = text[from..].IndexOf("\n---"u8);
            if (found < 0)
            {
                return [];
            }

            var close = from + found;
            if (close + 4 == text.Length || text[close + 4] == (byte)'\n')
            {
                return text[Math.Min(text.Length, close + 5)..].TrimStart((byte)'\n');
            }

            from = close + 1;
        }
    }
}

/// <summary>The model of an item's answer before it is written: the item's document in the content pipeline.</summary>
public sealed record PendingItem(Document Item);

/// <summary>The model of a list's answer before it is written: how to write it.</summary>
public sealed record PendingList(Action<Utf8JsonWriter, List<string>> Write);

/// <summary>The model of an item's written answer: which item it is, and the hash changes.json gives for it.</summary>
public sealed record ApiAnswer(ContentItem Item, string Hash);

/// <summary>
/// Writes the answers GenerateApi left as placeholders, in parallel and one at a time (so a large site never
/// holds every body as JSON at once), each with the addresses the link check sees; an item's answer also gets
/// the hash that changes.json lists.
/// </summary>
public sealed class RenderApiAnswers(GenerateApi api) : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        switch (document.Model)
        {
            case PendingItem pending:
                var index = context.Get(SiteKeys.Index);
                var entry = SiteIndex.EntryOf<ContentItem>(pending.Item);
                var written = GenerateApi.Written(document, (json, links) => api.WriteItem(json, links, index, entry));
                yield return written with { Model = new ApiAnswer(entry.Item, AnswerHash(written.Bytes!.Value.Span)) };
                break;
            case PendingList list:
                yield return GenerateApi.Written(document, list.Write);
                break;
            default:
                yield return document;
                break;
        }
    }

    /// <summary>
    /// The hash changes.json gives for an answer: 128-bit XXH3, as 32 hexadecimal digits. It only has to tell
    /// one version of an answer from the next, not resist forgery, and it is several times cheaper than SHA-256
    /// over 10,000 bodies.
    /// </summary>
    public static string AnswerHash(ReadOnlySpan<byte> json) => Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(json));
}

/// <summary>Writes <c>changes.json</c> from the hashes RenderApiAnswers left on each item's answer.</summary>
public sealed class GenerateApiChanges : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        var changes = documents.Select(d => d.Model).OfType<ApiAnswer>().Select(a => (a.Item, a.Hash));
        return ValueTask.FromResult(documents.Add(new Document(null, $"{GenerateApi.Root}changes.json", "") { Bytes = GenerateApi.Changes(changes) }));
    }
}
