using System.Text;

namespace Site.Web.Checks.Advertising;

/// <summary>
/// A run of text a reader sees as one block (a paragraph, a heading, a list item, a field's value), built from
/// the source file's lines with Markdown syntax blanked out, and able to tell the line and column in the file of
/// any of its characters.
/// </summary>
public sealed class Passage
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, int Line, int Column)> _segments = [];
    private string? _built;
    private List<Word>? _words;

    /// <summary>The block links to another website (a citation, for the rules that accept one).</summary>
    public bool Cited { get; set; }

    /// <summary>A Markdown heading.</summary>
    public bool Heading { get; set; }

    /// <summary>A list item or table row that is nothing but links (a list of further reading).</summary>
    public bool LinksOnly { get; set; }

    public string Text => _built ??= _text.ToString();

    public List<Word> Words => _words ??= Advertising.Words.Split(Text);

    public bool IsEmpty => _text.Length == 0 || Text.AsSpan().IsWhiteSpace();

    /// <summary>Adds a piece of one line: <paramref name="column"/> is where it starts in the file (1-based).</summary>
    public void Append(string piece, int line, int column)
    {
        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _segments.Add((_text.Length, line, column));
        _text.Append(piece);
        _built = null;
        _words = null;
    }

    /// <summary>The line and column in the file of the character at <paramref name="index"/>.</summary>
    public (int Line, int Column) At(int index)
    {
        var low = 0;
        var high = _segments.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_segments[middle].Offset <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var (offset, line, column) = _segments[low];
        return (line, column + index - offset);
    }
}

/// <summary>
/// Finds the text readers see in a source file: the values of the given YAML keys (front matter or site.yml)
/// and the prose of a Markdown body. Code, link addresses, HTML tags and Markdown marks are blanked, so the
/// words keep their columns.
/// </summary>
public static class ReaderText
{
    /// <summary>The text values in YAML lines [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="isText">Whether a key's value is text readers see; <paramref name="topLevelOnly"/>: only keys at the start of a line count.</param>
    public static List<Passage> FromYaml(string[] lines, int from, int to, Func<string, bool> isText, bool topLevelOnly)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(isText);
        var passages = new List<Passage>();
        Passage? current = null;
        var inText = false;
        for (var i = from; i < to && i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var dash = trimmed.StartsWith("- ", StringComparison.Ordinal) ? 2 : 0;

            // In front matter only keys at the start of a line are fields: an indented "Results: ..." inside a
            // folded value or a list item is text.
            var keyEnd = topLevelOnly && indent > 0 && inText ? -1 : KeyEnd(trimmed, dash);
            if (keyEnd > 0)
            {
                var key = trimmed[dash..keyEnd];
                inText = isText(key) && (!topLevelOnly || indent == 0);
                current = null;
                var valueAt = keyEnd + 1;
                while (valueAt < trimmed.Length && trimmed[valueAt] == ' ')
                {
                    valueAt++;
                }

                if (inText && valueAt < trimmed.Length && trimmed[valueAt] is not ('|' or '>'))
                {
                    current = Add(passages, trimmed[valueAt..], i + 1, indent + valueAt + 1);
                }

                continue;
            }

            if (!inText)
            {
                continue;
            }

            if (dash > 0)
            {
                current = Add(passages, trimmed[dash..], i + 1, indent + dash + 1);
            }
            else if (current is null)
            {
                current = Add(passages, trimmed, i + 1, indent + 1);
            }
            else
            {
                current.Append(Unquote(trimmed, out var skipped), i + 1, indent + 1 + skipped);
            }
        }

        return passages;
    }

    private static Passage Add(List<Passage> passages, string value, int line, int column)
    {
        var passage = new Passage();
        passage.Append(Unquote(value, out var skipped), line, column + skipped);
        passages.Add(passage);
        return passage;
    }

    /// <summary>The value without its quotes or list brackets, blanked in place so columns stay right.</summary>
    private static string Unquote(string value, out int skipped)
    {
        skipped = 0;
        var chars = value.ToCharArray();
        if (chars.Length > 0 && chars[0] is '"' or '\'' or '[')
        {
            var close = chars[0] == '[' ? ']' : chars[0];
            chars[0] = ' ';
            if (chars.Length > 1 && chars[^1] == close)
            {
                chars[^1] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>The end of a YAML key at the start of <paramref name="text"/> (after a list dash), or -1.</summary>
    private static int KeyEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' ') ? i : -1;
    }

    /// <summary>The prose of a Markdown body starting at line index <paramref name="from"/>.</summary>
    public static List<Passage> FromMarkdown(string[] lines, int from)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var passages = new List<Passage>();
        Passage? current = null;
        string? fence = null;
        var inComment = false;
        var inList = false;
        void Flush()
        {
            if (current is { IsEmpty: false })
            {
                passages.Add(current);
            }

            current = null;
        }

        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                fence = fence is null ? trimmed[..3] : trimmed.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            var indented = line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t');
            if (current is null && indented && !inList)
            {
                continue; // indented code; inside a list, an indented paragraph belongs to the item
            }

            inList = ListMarker(trimmed) > 0 || (inList && indented);

            var masked = Mask(line, ref inComment, out var cited);
            var block = trimmed[0] is '#' or '|' || ListMarker(trimmed) > 0;
            if (block)
            {
                Flush();
            }

            current ??= new Passage { Heading = trimmed[0] == '#', LinksOnly = (trimmed[0] == '|' || ListMarker(trimmed) > 0) && OnlyLinks(trimmed) };
            current.Append(masked, i + 1, 1);
            current.Cited |= cited;
            if (trimmed[0] is '#' or '|')
            {
                Flush();
            }
        }

        Flush();
        return passages;
    }

    /// <summary>Whether a list item or table row has no words outside its links' brackets.</summary>
    private static bool OnlyLinks(string line)
    {
        var links = 0;
        var depth = 0;
        var lastClose = line.LastIndexOf(')');
        for (var i = ListMarker(line); i < line.Length; i++)
        {
            switch (line[i])
            {
                case '[':
                    depth++;
                    break;
                case ']' when depth > 0:
                    depth--;
                    links++;
                    // An address with no ')' after it anywhere is not looked for again at every bracket.
                    if (i + 1 < line.Length && line[i + 1] == '(' && lastClose > i)
                    {
                        i = line.IndexOf(')', i);
                    }

                    break;
                default:
                    if (depth == 0 && char.IsLetter(line[i]))
                    {
                        return false;
                    }

                    break;
            }
        }

        return links > 0;
    }

    private static int ListMarker(string trimmed)
    {
        if (trimmed.Length > 1 && trimmed[0] is '-' or '*' or '+' && trimmed[1] == ' ')
        {
            return 2;
        }

        var digits = 0;
        while (digits < trimmed.Length && digits < 9 && char.IsDigit(trimmed[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < trimmed.Length && trimmed[digits] is '.' or ')' && trimmed[digits + 1] == ' ' ? digits + 2 : 0;
    }

    /// <summary>
    /// The line with everything that is not prose blanked: code spans, HTML comments and tags, link addresses,
    /// bare web addresses, emphasis marks, brackets and block markers. <paramref name="cited"/>: it links to
    /// another website.
    /// </summary>
    private static string Mask(string line, ref bool inComment, out bool cited)
    {
        cited = false;
        var c = line.ToCharArray();
        var start = line.Length - line.TrimStart().Length;
        var marker = ListMarker(line[start..]);
        for (var k = start; k < start + marker; k++)
        {
            c[k] = ' ';
        }

        for (var k = start; k < c.Length && c[k] is '#' or '>'; k++)
        {
            c[k] = ' ';
        }

        var i = 0;
        while (i < c.Length)
        {
            if (inComment)
            {
                var end = line.IndexOf("-->", i, StringComparison.Ordinal);
                var stop = end < 0 ? c.Length : end + 3;
                Blank(c, i, stop);
                inComment = end < 0;
                i = stop;
                continue;
            }

            switch (c[i])
            {
                case '<' when line.AsSpan(i).StartsWith("<!--"):
                    inComment = true;
                    Blank(c, i, i + 4);
                    i += 4;
                    continue;
                case '<' when i + 1 < c.Length && (char.IsLetter(c[i + 1]) || c[i + 1] == '/'):
                {
                    var close = line.IndexOf('>', i);
                    var stop = close < 0 ? c.Length : close + 1;
                    cited |= line.AsSpan(i, stop - i).Contains("http", StringComparison.OrdinalIgnoreCase);
                    Blank(c, i, stop);
                    i = stop;
                    continue;
                }

                case '`':
                {
                    var run = 1;
                    while (i + run < c.Length && c[i + run] == '`')
                    {
                        run++;
                    }

                    var close = line.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                    var stop = close < 0 ? i + run : close + run;
                    Blank(c, i, stop);
                    i = stop;
                    continue;
                }

                case ']' when i + 1 < c.Length && c[i + 1] == '(':
                {
                    var close = line.IndexOf(')', i + 2);
                    var stop = close < 0 ? c.Length : close + 1;
                    cited |= line.AsSpan(i + 2, stop - i - 2).TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase);
                    Blank(c, i, stop);
                    i = stop;
                    continue;
                }

                case 'h' when (i == 0 || !char.IsLetterOrDigit(c[i - 1])) && (line.AsSpan(i).StartsWith("http://") || line.AsSpan(i).StartsWith("https://")):
                {
                    var stop = i;
                    while (stop < c.Length && !char.IsWhiteSpace(c[stop]))
                    {
                        stop++;
                    }

                    cited = true;
                    Blank(c, i, stop);
                    i = stop;
                    continue;
                }

                case '!' when i + 1 < c.Length && c[i + 1] == '[':
                case '[' or ']' or '*' or '_' or '|' or '\\':
                    c[i] = ' ';
                    break;
            }

            i++;
        }

        return new string(c);
    }

    private static void Blank(char[] chars, int from, int to)
    {
        for (var k = from; k < to && k < chars.Length; k++)
        {
            chars[k] = ' ';
        }
    }
}
