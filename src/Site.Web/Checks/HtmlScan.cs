using System.Net;
using System.Text.RegularExpressions;

namespace Site.Web.Checks;

/// <summary>An element found in generated HTML: where it starts and what it holds.</summary>
public sealed record HtmlElement(int Start, string Tag, string OpeningTag, string Inner)
{
    /// <summary>The visible text, tags removed, entities decoded, white space folded.</summary>
    public string Text => HtmlScan.NormaliseText(Inner);
}

/// <summary>
/// Just enough HTML reading for checks over pages our own templates wrote: find an element by an attribute
/// and read its contents, counting nested elements of the same tag.
/// </summary>
public static partial class HtmlScan
{
    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    public static string NormaliseText(string html) =>
        Space().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    public static string NormaliseSpace(string text) => Space().Replace(text, " ").Trim();

    /// <summary>Every element whose opening tag has <c>name="value"</c>, in document order.</summary>
    public static IEnumerable<HtmlElement> WithAttribute(string html, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(html);
        var needle = $"{name}=\"{value}\"";
        var from = 0;
        while ((from = html.IndexOf(needle, from, StringComparison.Ordinal)) >= 0)
        {
            var open = html.LastIndexOf('<', from);
            var close = html.IndexOf('>', from);
            from += needle.Length;
            if (open < 0 || close < 0)
            {
                yield break;
            }

            var tagEnd = open + 1;
            while (tagEnd < html.Length && char.IsAsciiLetterOrDigit(html[tagEnd]))
            {
                tagEnd++;
            }

            var tag = html[(open + 1)..tagEnd];
            var end = FindClose(html, tag, close + 1);
            yield return new HtmlElement(open, tag, html[open..(close + 1)], end < 0 ? "" : html[(close + 1)..end]);
        }
    }

    private static int FindClose(string html, string tag, int from)
    {
        var depth = 1;
        var openTag = "<" + tag;
        var closeTag = "</" + tag + ">";
        var position = from;
        while (depth > 0)
        {
            var nextOpen = html.IndexOf(openTag, position, StringComparison.Ordinal);
            var nextClose = html.IndexOf(closeTag, position, StringComparison.Ordinal);
            if (nextClose < 0)
            {
                return -1;
            }

            if (nextOpen >= 0 && nextOpen < nextClose && IsTagBoundary(html, nextOpen + openTag.Length))
            {
                depth++;
                position = nextOpen + openTag.Length;
            }
            else
            {
                depth--;
                position = nextClose + closeTag.Length;
                if (depth == 0)
                {
                    return nextClose;
                }
            }
        }

        return -1;
    }

    private static bool IsTagBoundary(string html, int index) =>
        index < html.Length && (html[index] == '>' || char.IsWhiteSpace(html[index]));

    /// <summary>The values of one attribute across all tags of an HTML fragment.</summary>
    public static IEnumerable<string> AttributeValues(string html, string attribute)
    {
        ArgumentNullException.ThrowIfNull(html);
        var needle = " " + attribute + "=\"";
        var from = 0;
        while ((from = html.IndexOf(needle, from, StringComparison.Ordinal)) >= 0)
        {
            var start = from + needle.Length;
            var end = html.IndexOf('"', start);
            if (end < 0)
            {
                yield break;
            }

            yield return WebUtility.HtmlDecode(html[start..end]);
            from = end;
        }
    }

}
