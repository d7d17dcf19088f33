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
    /// Rendered HTML with its root-relative <c>href</c> and <c>src</c> addresses made absolute on
    /// <paramref name="baseUrl"/>, for copies read away from the site (feed readers, the content API).
    /// </summary>
    public static string AbsoluteLinks(string html, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var origin = baseUrl.TrimEnd('/');
        System.Text.StringBuilder? result = null;
        var copied = 0;
        // A vectorised search for '="/' and a look at the attribute name before it, instead of a regular
        // expression over every body (the content API does this for each item).
        for (var at = html.IndexOf("=\"/", StringComparison.Ordinal); at >= 0; at = html.IndexOf("=\"/", at + 3, StringComparison.Ordinal))
        {
            var slash = at + 2;
            var isRootRelative = slash + 1 >= html.Length || html[slash + 1] != '/';
            var attribute = at >= 5 && html.AsSpan(at - 4, 4).SequenceEqual("href") && char.IsWhiteSpace(html[at - 5])
                || at >= 4 && html.AsSpan(at - 3, 3).SequenceEqual("src") && char.IsWhiteSpace(html[at - 4]);
            if (isRootRelative && attribute)
            {
                result ??= new System.Text.StringBuilder(html.Length + 256);
                result.Append(html, copied, slash - copied).Append(origin);
                copied = slash;
            }
        }

        return result is null ? html : result.Append(html, copied, html.Length - copied).ToString();
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
