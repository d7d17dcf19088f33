using System.Buffers;
using System.Text.RegularExpressions;
using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>Rules for slugs and web addresses written in content.</summary>
public static partial class ContentUrls
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    /// <summary>An address on this site: starts with one '/', no spaces, quotes, angle brackets or backslashes.</summary>
    public static bool IsSitePath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Any(ch => char.IsWhiteSpace(ch) || ch is '"' or '\'' or '<' or '>' or '`' or '\\');
    }

    /// <summary>
    /// Rendered HTML with its root-relative <c>href</c>, <c>src</c> and <c>srcset</c> addresses made absolute on
    /// <paramref name="baseUrl"/>, for copies read away from the site (feed readers, the content API).
    /// </summary>
    public static string AbsoluteLinks(string html, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var into = new ArrayBufferWriter<byte>(html.Length + 256);
        AbsoluteLinks(System.Text.Encoding.UTF8.GetBytes(html), baseUrl, into);
        return System.Text.Encoding.UTF8.GetString(into.WrittenSpan);
    }

    /// <summary>The same, on the UTF-8 the rendered bodies are kept in, written into <paramref name="into"/>.</summary>
    public static void AbsoluteLinks(ReadOnlySpan<byte> html, string baseUrl, IBufferWriter<byte> into)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(into);
        var origin = System.Text.Encoding.UTF8.GetBytes(baseUrl.TrimEnd('/'));
        var copied = 0;
        // A vectorised search for '="/' and a look at the attribute name before it, instead of a regular
        // expression over every body (the content API does this for each item).
        for (var at = html.IndexOf("=\"/"u8); at >= 0; at = NextFrom(html, at + 3))
        {
            var slash = at + 2;
            var isRootRelative = slash + 1 >= html.Length || html[slash + 1] != '/';
            var attribute = at >= 5 && html.Slice(at - 4, 4).SequenceEqual("href"u8) && IsSpace(html[at - 5])
                || at >= 4 && html.Slice(at - 3, 3).SequenceEqual("src"u8) && IsSpace(html[at - 4]);
            var sourceSet = at >= 7 && html.Slice(at - 6, 6).SequenceEqual("srcset"u8) && IsSpace(html[at - 7]);
            if (isRootRelative && attribute)
            {
                into.Write(html[copied..slash]);
                into.Write(origin);
                copied = slash;
            }
            else if (sourceSet)
            {
                // A <picture>'s srcset lists several addresses ("/a-320.avif 320w, /a-640.avif 640w"): each one.
                var end = html[slash..].IndexOf((byte)'"');
                end = end < 0 ? html.Length : slash + end;
                for (var candidate = slash; candidate < end;)
                {
                    if (html[candidate] == (byte)'/' && (candidate + 1 >= end || html[candidate + 1] != (byte)'/'))
                    {
                        into.Write(html[copied..candidate]);
                        into.Write(origin);
                        copied = candidate;
                    }

                    var comma = html[candidate..end].IndexOf((byte)',');
                    if (comma < 0)
                    {
                        break;
                    }

                    candidate += comma + 1;
                    while (candidate < end && IsSpace(html[candidate]))
                    {
                        candidate++;
                    }
                }
            }
        }

        into.Write(html[copied..]);

        static int NextFrom(ReadOnlySpan<byte> html, int from)
        {
            var found = html[from..].IndexOf("=\"/"u8);
            return found < 0 ? -1 : from + found;
        }

        static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
    }

    /// <summary>Lower-case, hyphen-separated slug for a tag or title.</summary>
    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new System.Text.StringBuilder();
        foreach (var ch in text.Normalize(System.Text.NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                chars.Append(ch);
            }
            else if ((char.IsWhiteSpace(ch) || ch is '-' or '_' or '/') && chars.Length > 0 && chars[^1] != '-')
            {
                chars.Append('-');
            }
        }

        return chars.ToString().Trim('-');
    }

    /// <summary>Reads an absolute http(s) URL field.</summary>
    public static string? ReadAbsolute(YamlFields f, string key, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        var text = f.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !text.Any(ch => char.IsWhiteSpace(ch) || ch is '"' or '\'' or '<' or '>' or '`'))
        {
            return text;
        }

        f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf(key), $"'{key}' must be a full web address starting with https://, but it is '{text}'.", $"For example: {key}: https://book.physionorth.example/");
        return null;
    }
}
