using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>
/// Bounds on one content file, so no file, however made, can take the build more than a moment or exhaust the
/// stack: a size cap, an indentation cap (deep lists cost time in proportion to the square of their depth),
/// and a located error when Markdig refuses a file as too deeply nested.
/// </summary>
public static class InputLimits
{
    /// <summary>The largest content file, in characters: about 150,000 words, far beyond any article.</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>The deepest indentation of a line, in columns: forty levels of nested list.</summary>
    public const int MaxIndent = 160;

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFFFE\uFFFF");

    /// <summary>A control character or bidirectional override that no writer means to type (see <see cref="Check"/>).</summary>
    public static bool IsInvisible(char ch) => Invisible.Contains(ch);

    /// <summary>Reports the first limit the text breaks, if any, and returns false.</summary>
    public static bool Check(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (text.Length > MaxLength)
        {
            diagnostics.Error(
                DiagnosticIds.TooLarge,
                new SourceLocation(file, 1, 1),
                $"This file is {text.Length / 1024:N0} KB of text; a content file may be at most {MaxLength / 1024:N0} KB.",
                "Split it into several articles, or move large material (a PDF, a data table) into input/assets/ and link to it.");
            return false;
        }

        // Characters no writer means to type and HTML forbids: C0 and C1 controls other than tab and line breaks,
        // and the bidirectional overrides that make text read differently from what it is.
        if (text.AsSpan().IndexOfAny(Invisible) is var bad and >= 0)
        {
            var before = text.AsSpan(0, bad);
            diagnostics.Error(
                DiagnosticIds.InvalidEncoding,
                new SourceLocation(file, before.Count('\n') + 1, bad - (before.LastIndexOf('\n') + 1) + 1),
                $"This line contains an invisible control character (U+{(int)text[bad]:X4}), which would end up in the page.",
                "Delete it: retype the sentence around it, or paste it as plain text.");
            return false;
        }

        // Line by line with a vectorised search for the line break; only each line's leading run is counted.
        var rest = text.AsSpan();
        for (var line = 1; !rest.IsEmpty; line++)
        {
            var indent = 0;
            for (var i = 0; i < rest.Length && rest[i] is ' ' or '\t' or '>'; i++)
            {
                indent += rest[i] == '\t' ? 4 : 1;
            }

            if (indent > MaxIndent)
            {
                diagnostics.Error(
                    DiagnosticIds.TooLarge,
                    new SourceLocation(file, line, 1),
                    $"This line is indented more than {MaxIndent} columns (lists or quotes nested far too deep to read).",
                    "Flatten the list: a few levels of nesting are plenty.");
                return false;
            }

            var end = rest.IndexOf('\n');
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return true;
    }

    /// <summary>
    /// For a file Markdig refused as too deeply nested: the line most likely at fault, the one with the deepest
    /// run of brackets, emphasis marks or quote markers.
    /// </summary>
    public static SourceLocation DeepestLine(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var best = 0;
        var bestLine = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = 0;
            var deepest = 0;
            foreach (var ch in lines[i])
            {
                depth = ch is '[' or '(' or '*' or '_' or '>' or '<' or '`' or '|' ? depth + 1 : ch is ']' or ')' ? Math.Max(0, depth - 1) : depth;
                deepest = Math.Max(deepest, depth);
            }

            if (deepest > best)
            {
                (best, bestLine) = (deepest, i + 1);
            }
        }

        return new SourceLocation(file, bestLine, 1);
    }
}
