using System.Text.Json;
using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Web.Modules.Api;

/// <summary>
/// Gathers the addresses on the site that each content API answer links to, before the answer is written
/// and its text dropped, for <see cref="Checks.CheckApiLinks"/>. Bodies are left out: their links were checked
/// on their page, at their Markdown line, and are not reported twice; so were the addresses writers put in
/// fields (an image), at their front-matter line.
/// </summary>
public sealed class ScanApiLinks(string baseUrl) : PerDocumentModule
{
    private readonly string _base = baseUrl.TrimEnd('/') + "/";

    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Destination is not { } destination || !destination.EndsWith(".json", StringComparison.Ordinal) || document.Bytes is not null)
        {
            yield return document;
            yield break;
        }

        using var json = JsonDocument.Parse(document.Content);
        var links = new List<string>();
        Walk(json.RootElement, null);
        yield return document.With(MetadataKeys.ApiLinks, [.. links]);

        void Walk(JsonElement element, string? property)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var child in element.EnumerateObject())
                    {
                        if (child.Name is not ("body_html" or "body_markdown" or "fields" or "servers"))
                        {
                            Walk(child.Value, child.Name);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var child in element.EnumerateArray())
                    {
                        Walk(child, property);
                    }

                    break;
                case JsonValueKind.String when element.GetString() is { } text && text.StartsWith(_base, StringComparison.Ordinal):
                    links.Add(text);
                    break;
            }
        }
    }
}
