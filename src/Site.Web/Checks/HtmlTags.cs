using System.Net;

namespace Site.Web.Checks;

/// <summary>One start tag of an HTML page: its name, attributes and where it starts.</summary>
public sealed record HtmlTag(string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes, int Offset)
{
    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in Attributes)
            {
                if (key == name)
                {
                    return value;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// A forgiving scanner of start tags, enough to find every URL and id in a page: it skips comments and the
/// contents of script and style elements, and decodes attribute values.
/// </summary>
public static class HtmlTags
{
    public static IEnumerable<HtmlTag> Scan(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var i = 0;
        while (true)
        {
            i = html.IndexOf('<', i);
            if (i < 0 || i + 1 >= html.Length)
            {
                yield break;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            if (!char.IsAsciiLetter(html[i + 1]))
            {
                i++;
                continue;
            }

            var start = i;
            var p = i + 1;
            while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] == '-'))
            {
                p++;
            }

            var name = Lower(html.AsSpan(i + 1, p - i - 1));
            var attributes = new List<KeyValuePair<string, string>>();
            while (p < html.Length && html[p] != '>')
            {
                if (char.IsWhiteSpace(html[p]) || html[p] == '/')
                {
                    p++;
                    continue;
                }

                var nameStart = p;
                while (p < html.Length && !char.IsWhiteSpace(html[p]) && html[p] is not ('=' or '>' or '/'))
                {
                    p++;
                }

                var attribute = Lower(html.AsSpan(nameStart, p - nameStart));
                var value = "";
                if (p < html.Length && html[p] == '=')
                {
                    p++;
                    if (p < html.Length && html[p] is '"' or '\'')
                    {
                        var quote = html[p];
                        var close = html.IndexOf(quote, p + 1);
                        close = close < 0 ? html.Length : close;
                        value = html[(p + 1)..close];
                        p = Math.Min(html.Length, close + 1);
                    }
                    else
                    {
                        var valueStart = p;
                        while (p < html.Length && !char.IsWhiteSpace(html[p]) && html[p] != '>')
                        {
                            p++;
                        }

                        value = html[valueStart..p];
                    }
                }

                if (attribute.Length > 0)
                {
                    attributes.Add(KeyValuePair.Create(attribute, value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value));
                }
                else
                {
                    p++;
                }
            }

            yield return new HtmlTag(name, attributes, start);
            i = p;
            if (name is "script" or "style")
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
        }
    }

    /// <summary>A lower-case name, shared for the names pages use all the time, without allocating for them.</summary>
    private static string Lower(ReadOnlySpan<char> name)
    {
        foreach (var known in CommonNames)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name.ToString().ToLowerInvariant();
    }

    private static readonly string[] CommonNames =
    [
        "a", "p", "li", "ul", "ol", "div", "span", "h1", "h2", "h3", "strong", "em", "section", "img", "meta", "link", "time", "nav", "main",
        "href", "id", "class", "src", "alt", "rel", "name", "content", "property", "datetime", "aria-label", "aria-labelledby", "data-site",
    ];

    /// <summary>The URLs a tag refers to, with the attribute that holds each.</summary>
    public static IEnumerable<(string Attribute, string Url)> Urls(HtmlTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        foreach (var (name, value) in tag.Attributes)
        {
            switch (name)
            {
                case "href" when tag.Name is "a" or "area" or "link" or "base":
                case "src" when tag.Name is "img" or "script" or "iframe" or "source" or "audio" or "video" or "track" or "embed" or "input":
                case "poster" when tag.Name == "video":
                case "data" when tag.Name == "object":
                case "action" when tag.Name == "form":
                case "cite" when tag.Name is "blockquote" or "q" or "ins" or "del":
                    yield return (name, value.Trim());
                    break;
                case "srcset" when tag.Name is "img" or "source":
                    foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        yield return (name, candidate.Split(' ', 2)[0]);
                    }

                    break;
                case "content" when tag.Name == "meta" && (tag["property"] ?? tag["name"]) is "og:image" or "og:url" or "og:image:secure_url" or "twitter:image":
                    yield return (tag["property"] ?? tag["name"]!, value.Trim());
                    break;
            }
        }
    }
}
