using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Web.Checks;

/// <summary>
/// What the checks need to know about one generated file, read in a single pass right after rendering:
/// its ids and outgoing URLs, and for HTML the head facts search engines read.
/// </summary>
public sealed partial record PageScan(FrozenSet<string> Ids, IReadOnlyList<string> DuplicateIds, IReadOnlyList<string> Urls)
{
    public static readonly PageScan Empty = new(FrozenSet<string>.Empty, [], []);

    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Canonicals { get; init; } = [];

    /// <summary>The src of each image that has no alt attribute at all.</summary>
    public IReadOnlyList<string> ImagesWithoutAlt { get; init; } = [];

    /// <summary>The href (or "") of each link a crawler cannot follow.</summary>
    public IReadOnlyList<string> UnfollowableLinks { get; init; } = [];

    [GeneratedRegex("<(loc|uri)>([^<]+)</(loc|uri)>", RegexOptions.CultureInvariant)]
    private static partial Regex XmlUrl();

    // content_html repeats a page's body, whose links the page's own check already covers.
    private static readonly FrozenSet<string> JsonUrlProperties =
        new[] { "url", "home_page_url", "feed_url", "external_url", "image", "banner_image", "icon", "favicon", "avatar" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Scans one generated file.</summary>
    /// <param name="destination">Its path in the output, whose extension says how to read it.</param>
    /// <param name="content">Its text.</param>
    /// <param name="shared">Gives one copy of a URL or id many pages repeat (a build keeps every page's scan).</param>
    public static PageScan Of(string destination, string content, Func<string, string>? shared = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.EndsWith(".html", StringComparison.Ordinal))
        {
            return Html(content, shared ?? (s => s));
        }

        if (destination.EndsWith(".xml", StringComparison.Ordinal))
        {
            var urls = XmlUrl().Matches(content).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value.Trim()))
                .Concat(Html(content, s => s).Urls).ToList();
            return Empty with { Urls = urls };
        }

        if (destination.EndsWith(".json", StringComparison.Ordinal))
        {
            var urls = new List<string>();
            try
            {
                using var json = JsonDocument.Parse(content);
                Collect(json.RootElement, urls);
            }
            catch (JsonException)
            {
                // Not ours to judge here; a malformed feed is caught by the feed tests.
            }

            return Empty with { Urls = urls };
        }

        return Empty;
    }

    private static PageScan Html(string content, Func<string, string> shared)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        var urls = new List<string>();
        var canonicals = new List<string>();
        var imagesWithoutAlt = new List<string>();
        var unfollowable = new List<string>();
        string? description = null;
        foreach (var tag in HtmlTags.Scan(content))
        {
            switch (tag.Name)
            {
                case "link" when tag["rel"] == "canonical":
                    canonicals.Add(tag["href"] ?? "");
                    break;
                case "meta" when tag["name"] == "description":
                    description = tag["content"];
                    break;
                case "img" when tag["alt"] is null:
                    imagesWithoutAlt.Add(tag["src"] ?? "");
                    break;
                case "a" when tag["href"] is not { } href ? tag["id"] is null && tag["name"] is null : href.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase):
                    unfollowable.Add(tag["href"] ?? "");
                    break;
            }

            var id = tag["id"] ?? (tag.Name == "a" ? tag["name"] : null);
            if (!string.IsNullOrEmpty(id) && !ids.Add(shared(id)))
            {
                duplicates.Add(id);
            }

            foreach (var (_, url) in HtmlTags.Urls(tag))
            {
                urls.Add(shared(url));
            }
        }

        return new PageScan(ids.ToFrozenSet(StringComparer.Ordinal), duplicates, urls.ToArray())
        {
            Title = TitleOf(content),
            Description = description,
            Canonicals = canonicals,
            ImagesWithoutAlt = imagesWithoutAlt,
            UnfollowableLinks = unfollowable,
        };
    }

    private static string? TitleOf(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</title>", start, StringComparison.Ordinal);
        return end < 0 ? null : HtmlScan.NormaliseText(html[(start + 7)..end]);
    }

    private static void Collect(JsonElement element, List<string> urls)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && JsonUrlProperties.Contains(property.Name))
                    {
                        urls.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, urls);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, urls);
                }

                break;
        }
    }
}
