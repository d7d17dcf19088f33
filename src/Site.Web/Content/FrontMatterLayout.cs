using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace Site.Web.Content;

/// <summary>
/// The one layout of a content file's front matter that the editor writes, so that a file saved by the editor
/// without changes keeps every byte and a change to one field changes only that field's lines.
/// <para>
/// The editor (Decap CMS 3) reads front matter with the <c>yaml</c> 1.x JavaScript library and writes it back
/// with that library's defaults: fields in the collection's order, lists one item per line (<c>  - item</c>),
/// text plain where YAML allows it and in double quotes where it does not (single quotes when the text holds a
/// double quote), lines folded at 80 columns, multi-line text as a block. <c>site format</c> gives hand-written
/// files this layout, so the first save from the editor does not rewrite a file that nobody changed. The body
/// after the closing <c>---</c> is never touched.
/// </para>
/// </summary>
public static partial class FrontMatterLayout
{
    private const int LineWidth = 80;
    private const int MinContentWidth = 20;

    // Quoted text shorter than this keeps its line breaks as \n.
    private const int MinMultiLineLength = 40;

    /// <summary>
    /// The file in the editor's layout, with fields in <paramref name="order"/> and unknown fields after them in
    /// their own order; or null, with the reason, when the file cannot be laid out without losing something
    /// (a comment, an anchor, nested fields) or has no front matter to lay out.
    /// </summary>
    public static string? Canonical(string text, IReadOnlyList<string> order, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(order);
        problem = null;
        // The editor writes line feeds and no byte order mark; so does this layout.
        var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

        if (!lf.StartsWith("---\n", StringComparison.Ordinal))
        {
            problem = "it does not start with front matter ('---' on the first line)";
            return null;
        }

        var close = lf.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var closeAtEnd = close < 0 && lf.EndsWith("\n---", StringComparison.Ordinal) ? lf.Length - 4 : -1;
        if (close < 0 && closeAtEnd < 0)
        {
            problem = "its front matter is never closed by a '---' line";
            return null;
        }

        var end = close >= 0 ? close : closeAtEnd;
        var yaml = lf[4..(end + 1)];
        var body = close >= 0 ? lf[(close + 5)..] : "";
        if (HasComment(yaml))
        {
            problem = "its front matter has comments ('# ...'), which the editor does not keep; move them into the field's help in input/model/ or delete them, then run this again";
            return null;
        }

        if (Fields(yaml, order, out problem) is not { } fields)
        {
            return null;
        }

        var result = new StringBuilder(text.Length + 64);
        result.Append("---\n").Append(fields);
        result.Append("---\n").Append(body);
        if (!body.EndsWith('\n'))
        {
            result.Append('\n');
        }

        return result.ToString();
    }

    /// <summary>
    /// A whole YAML file of settings (<c>site.yml</c>) in the layout the editor writes, fields in
    /// <paramref name="order"/> and nested fields in their own order; or null, with the reason.
    /// </summary>
    public static string? Document(string text, IReadOnlyList<string> order, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HasComment(text))
        {
            problem = "it has comments ('# ...'), which the editor does not keep; the editor's form shows each setting's help instead";
            return null;
        }

        return Fields(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF'), order, out problem);
    }

    /// <summary>The "name: value" lines of a block of fields, each ending in a line break; or null, with the reason.</summary>
    private static string? Fields(string yaml, IReadOnlyList<string> order, out string? problem)
    {
        problem = null;
        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                map = new YamlMappingNode();
            }
            else if (stream.Documents[0].RootNode is YamlMappingNode root)
            {
                map = root;
            }
            else
            {
                problem = "its fields are not a list of 'field: value' lines";
                return null;
            }
        }
        catch (YamlException ex)
        {
            problem = $"its fields are not valid YAML ({ex.Message}); run 'site build' to see where";
            return null;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !SimpleKey().IsMatch(key) || !keyNode.Anchor.IsEmpty)
            {
                problem = $"the field name '{keyNode}' is not a plain name";
                return null;
            }

            if (Value(valueNode, "", key.Length) is not { } written)
            {
                problem = $"the field '{key}' holds a list of lists, an anchor or a tag, which the editor would rewrite";
                return null;
            }

            pairs.Add((key, written));
        }

        // The editor puts the form's fields in the form's order; others keep their order, after them.
        var result = new StringBuilder();
        var ordered = pairs
            .Select((pair, index) => (pair, rank: order.IndexOf(pair.Key) is >= 0 and var known ? known : order.Count + index))
            .OrderBy(p => p.rank)
            .Select(p => p.pair);
        foreach (var (key, value) in ordered)
        {
            result.Append(key).Append(':').Append(value).Append('\n');
        }

        return result.ToString();
    }

    /// <summary>
    /// The text after "key:" for one value (a leading space or a line break included), for a field indented by
    /// <paramref name="indent"/>: nested fields and list items go two spaces further in.
    /// </summary>
    private static string? Value(YamlNode node, string indent, int keyLength)
    {
        if (!node.Anchor.IsEmpty || (!node.Tag.IsEmpty && node is not YamlScalarNode))
        {
            return null;
        }

        var inner = indent + "  ";
        switch (node)
        {
            case YamlScalarNode scalar:
                // The editor's library counts the column after "key: " without the indent, and so does this.
                if (Scalar(scalar, inner, keyLength + 2) is not { } one)
                {
                    return null;
                }

                return one.StartsWith('\n') ? one : " " + one;
            case YamlSequenceNode { Children.Count: 0 }:
                return " []";
            case YamlSequenceNode sequence:
                var lines = new StringBuilder();
                foreach (var item in sequence.Children)
                {
                    if (Item(item, inner) is not { } written)
                    {
                        return null;
                    }

                    lines.Append('\n').Append(inner).Append("- ").Append(written);
                }

                return lines.ToString();
            case YamlMappingNode { Children.Count: 0 }:
                return " {}";
            case YamlMappingNode map:
                return Record(map, inner, first: false);
            default:
                return null;
        }
    }

    /// <summary>One list item, written after its "- " at <paramref name="dash"/>.</summary>
    private static string? Item(YamlNode item, string dash)
    {
        if (!item.Anchor.IsEmpty || (!item.Tag.IsEmpty && item is not YamlScalarNode))
        {
            return null;
        }

        return item switch
        {
            YamlScalarNode scalar => Scalar(scalar, dash + "  ", null),
            // A list of records (suppress: [{id, reason}], opening hours): "- id: ..." then the others below it.
            YamlMappingNode { Children.Count: > 0 } record => Record(record, dash + "  ", first: true),
            YamlMappingNode => "{}",
            _ => null,
        };
    }

    /// <summary>
    /// Nested fields, each "name: value" on its own line at <paramref name="indent"/>; the first one on the
    /// current line when it follows a list item's dash.
    /// </summary>
    private static string? Record(YamlMappingNode record, string indent, bool first)
    {
        var text = new StringBuilder();
        foreach (var (keyNode, valueNode) in record.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !SimpleKey().IsMatch(key) || !keyNode.Anchor.IsEmpty
                || Value(valueNode, indent, key.Length) is not { } written)
            {
                return null;
            }

            if (!first)
            {
                text.Append('\n').Append(indent);
            }

            first = false;
            text.Append(key).Append(':').Append(written);
        }

        return text.ToString();
    }

    /// <summary>A scalar as the editor reads it (YAML 1.2 core types) and writes it back.</summary>
    private static string? Scalar(YamlScalarNode scalar, string indent, int? atStart)
    {
        var value = scalar.Value ?? "";
        if (!scalar.Tag.IsEmpty)
        {
            return null;
        }

        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            if (NullValue().IsMatch(value))
            {
                return "null";
            }

            if (BoolValue().IsMatch(value))
            {
                return value.StartsWith('t') || value.StartsWith('T') ? "true" : "false";
            }

            if (NumberText(value) is { } number)
            {
                return number;
            }

            if (Timestamp().IsMatch(value))
            {
                // Read as a moment and written back in full, with milliseconds.
                return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }
        }

        return Text(value, indent, atStart);
    }

    /// <summary>A number as JavaScript prints it after reading it, or null when the text is not a YAML 1.2 number.</summary>
    private static string? NumberText(string value)
    {
        double number;
        if (OctalValue().Match(value) is { Success: true } octal)
        {
            number = Convert.ToInt64(octal.Groups[1].Value, 8);
        }
        else if (HexValue().Match(value) is { Success: true } hex)
        {
            number = long.Parse(hex.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else if (IntValue().IsMatch(value) || FloatValue().IsMatch(value) || ExponentValue().IsMatch(value))
        {
            number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else if (SpecialFloat().Match(value) is { Success: true } special)
        {
            return special.Groups[1].Success ? ".nan" : value.StartsWith('-') ? "-.inf" : ".inf";
        }
        else
        {
            return null;
        }

        // As JavaScript prints a number: whole numbers in full below 10^21, others in the shortest form that reads
        // back the same, with a lower-case exponent without leading zeros.
        if (double.IsInteger(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("F0", CultureInfo.InvariantCulture);
        }

        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        return ExponentPart().Replace(shortest, m => "e" + (m.Groups[1].Value == "-" ? "-" : "+") + m.Groups[2].Value.TrimStart('0'));
    }

    /// <summary>Text, plain where YAML reads it back as the same text, quoted or as a block where it does not.</summary>
    private static string Text(string value, string indent, int? atStart)
    {
        if (value.Any(c => c is (< '\x20' and not '\t' and not '\n') or (>= '\x7f' and <= '\x9f')))
        {
            return DoubleQuoted(value, indent, atStart);
        }

        if (value.Length == 0 || NotPlain().IsMatch(value))
        {
            if (!value.Contains('\n', StringComparison.Ordinal))
            {
                return value.Contains('"', StringComparison.Ordinal) && !value.Contains('\'', StringComparison.Ordinal)
                    ? SingleQuoted(value, indent, atStart)
                    : DoubleQuoted(value, indent, atStart);
            }

            return Block(value, indent, atStart);
        }

        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return Block(value, indent, atStart);
        }

        // Text that would read back as another type (true, 42, null) is quoted.
        if (NullValue().IsMatch(value) || BoolValue().IsMatch(value) || NumberText(value) is not null)
        {
            return DoubleQuoted(value, indent, atStart);
        }

        return Fold(value, indent, Mode.Flow, atStart);
    }

    private static string SingleQuoted(string value, string indent, int? atStart)
    {
        if (SpaceAroundBreak().IsMatch(value))
        {
            return DoubleQuoted(value, indent, atStart);
        }

        var quoted = "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        return Fold(quoted, indent, Mode.Flow, atStart);
    }

    private static string DoubleQuoted(string value, string indent, int? atStart)
    {
        var json = JavaScriptString(value);
        var text = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == ' ' && i + 2 < json.Length && json[i + 1] == '\\' && json[i + 2] == 'n')
            {
                // A space before an escaped line break is escaped, or folding would eat it.
                text.Append("\\ ");
                continue;
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var next = json[i + 1];
            if (next == 'u')
            {
                var code = json.Substring(i + 2, 4);
                text.Append(code switch
                {
                    "0000" => "\\0",
                    "0007" => "\\a",
                    "000b" => "\\v",
                    "001b" => "\\e",
                    "0085" => "\\N",
                    "00a0" => "\\_",
                    "2028" => "\\L",
                    "2029" => "\\P",
                    _ when code.StartsWith("00", StringComparison.Ordinal) => "\\x" + code[2..],
                    _ => json.Substring(i, 6),
                });
                i += 5;
                continue;
            }

            // Line breaks inside quotes are written as folded lines, not \n, once the text is long enough.
            if (next == 'n' && i + 2 < json.Length && json[i + 2] != '"' && json.Length >= MinMultiLineLength)
            {
                text.Append("\n\n");
                i++;
                while (i + 2 < json.Length && json[i + 1] == '\\' && json[i + 2] == 'n' && i + 3 < json.Length && json[i + 3] != '"')
                {
                    text.Append('\n');
                    i += 2;
                }

                text.Append(indent);
                if (i + 1 < json.Length && json[i + 1] == ' ')
                {
                    text.Append('\\');
                }

                continue;
            }

            text.Append(c).Append(next);
            i++;
        }

        return Fold(text.ToString(), indent, Mode.Quoted, atStart);
    }

    /// <summary>Multi-line text as a literal block (<c>|</c>), or a folded one (<c>&gt;</c>) when a line is too long.</summary>
    private static string Block(string value, string indent, int? atStart)
    {
        if (TrailingSpaceLine().IsMatch(value) || value.All(char.IsWhiteSpace))
        {
            return DoubleQuoted(value, indent, atStart);
        }

        var literal = !LineOverLimit(value, indent.Length);
        var header = new StringBuilder(literal ? "|" : ">");
        var trailing = TrailingWhitespace().Match(value).Value;
        var breakAt = trailing.IndexOf('\n', StringComparison.Ordinal);
        if (breakAt < 0)
        {
            header.Append('-');
        }
        else if (trailing == value || breakAt != trailing.Length - 1)
        {
            header.Append('+');
        }

        var end = trailing.Length > 0 && trailing[^1] == '\n' ? trailing[..^1] : trailing;
        var content = value[..^trailing.Length];
        var leading = LeadingBlank().Match(content).Value;
        var start = leading;
        if (leading.Contains(' ', StringComparison.Ordinal))
        {
            header.Append('2');
        }

        var spaces = TrailingSpaces().Match(leading).Value;
        if (spaces.Length > 0)
        {
            start = leading[..^spaces.Length];
            content = spaces + content[leading.Length..];
        }
        else
        {
            content = content[leading.Length..];
        }

        if (end.Length > 0)
        {
            end = BreakRun().Replace(end, m => m.Index + m.Length < end.Length ? m.Value + indent : m.Value);
        }

        if (start.Length > 0)
        {
            start = Breaks().Replace(start, m => m.Value + indent);
        }

        if (literal)
        {
            return $"{header}\n{indent}{start}{Breaks().Replace(content, m => m.Value + indent)}{end}";
        }

        content = Breaks().Replace(content, m => "\n" + m.Value);
        content = MoreIndented().Replace(content, m => m.Groups[1].Value + m.Groups[2].Value);
        content = Breaks().Replace(content, m => m.Value + indent);
        return $"{header}\n{indent}{Fold(start + content + end, indent, Mode.Block, null)}";
    }

    private static bool LineOverLimit(string value, int indent)
    {
        var limit = LineWidth - indent;
        if (value.Length <= limit)
        {
            return false;
        }

        for (int i = 0, start = 0; i < value.Length; i++)
        {
            if (value[i] == '\n')
            {
                if (i - start > limit)
                {
                    return true;
                }

                start = i + 1;
                if (value.Length - start <= limit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private enum Mode
    {
        Flow,
        Quoted,
        Block,
    }

    /// <summary>
    /// Breaks a long line at spaces so no line passes 80 columns where that can be helped: a space between two
    /// other characters becomes a line break and the indent. Quoted text may also break inside a run of spaces,
    /// with an escaped line end.
    /// </summary>
    private static string Fold(string text, string indent, Mode mode, int? atStart)
    {
        var endStep = Math.Max(1 + MinContentWidth, 1 + LineWidth - indent.Length);
        if (text.Length <= endStep)
        {
            return text;
        }

        var folds = new List<int>();
        var escaped = new HashSet<int>();
        var end = LineWidth - indent.Length;
        if (atStart is { } column)
        {
            if (column > LineWidth - Math.Max(2, MinContentWidth))
            {
                folds.Add(0);
            }
            else
            {
                end = LineWidth - column;
            }
        }

        int? split = null;
        var prev = '\0';
        var escapeStart = -1;
        var escapeEnd = -1;
        var i = -1;
        if (mode == Mode.Block)
        {
            i = SkipMoreIndented(text, i);
            if (i != -1)
            {
                end = i + endStep;
            }
        }

        while (++i < text.Length)
        {
            var c = text[i];
            if (mode == Mode.Quoted && c == '\\')
            {
                escapeStart = i;
                i += (i + 1 < text.Length ? text[i + 1] : '\0') switch { 'x' => 3, 'u' => 5, 'U' => 9, _ => 1 };
                escapeEnd = i;
            }

            if (c == '\n')
            {
                if (mode == Mode.Block)
                {
                    i = SkipMoreIndented(text, i);
                }

                end = i + endStep;
                split = null;
            }
            else
            {
                if (c == ' ' && prev is not ('\0' or ' ' or '\n' or '\t') && i + 1 < text.Length && text[i + 1] is not (' ' or '\n' or '\t'))
                {
                    split = i;
                }

                if (i >= end)
                {
                    if (split is { } at)
                    {
                        folds.Add(at);
                        end = at + endStep;
                        split = null;
                    }
                    else if (mode == Mode.Quoted)
                    {
                        while (prev is ' ' or '\t')
                        {
                            prev = c;
                            c = ++i < text.Length ? text[i] : '\0';
                        }

                        var j = i > escapeEnd + 1 ? i - 2 : escapeStart - 1;
                        if (!escaped.Add(j))
                        {
                            return text;
                        }

                        folds.Add(j);
                        end = j + endStep;
                        split = null;
                    }
                }
            }

            prev = c;
        }

        if (folds.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + (folds.Count * (indent.Length + 2)));
        result.Append(text, 0, folds[0]);
        for (var f = 0; f < folds.Count; f++)
        {
            var fold = folds[f];
            var stop = f + 1 < folds.Count ? folds[f + 1] : text.Length;
            if (fold == 0)
            {
                result.Clear().Append('\n').Append(indent).Append(text, 0, stop);
                continue;
            }

            if (mode == Mode.Quoted && escaped.Contains(fold))
            {
                result.Append(text[fold]).Append('\\');
            }

            result.Append('\n').Append(indent).Append(text, fold + 1, stop - fold - 1);
        }

        return result.ToString();
    }

    /// <summary>In a folded block, lines indented further are kept as they are: skips past them.</summary>
    private static int SkipMoreIndented(string text, int i)
    {
        var c = i + 1 < text.Length ? text[i + 1] : '\0';
        while (c is ' ' or '\t')
        {
            do
            {
                i++;
                c = i < text.Length ? text[i] : '\0';
            }
            while (c != '\0' && c != '\n');

            c = i + 1 < text.Length ? text[i + 1] : '\0';
        }

        return i;
    }

    private static bool HasComment(string yaml)
    {
        try
        {
            var scanner = new Scanner(new StringReader(yaml), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment)
                {
                    return true;
                }
            }
        }
        catch (YamlException)
        {
            // Reported by the parse that follows.
        }

        return false;
    }

    /// <summary>The text as a JavaScript string literal, escaped exactly as <c>JSON.stringify</c> escapes it.</summary>
    private static string JavaScriptString(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    json.Append(c).Append(value[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        return json.Append('"').ToString();
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"E([-+]?)([0-9]+)")]
    private static partial Regex ExponentPart();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex SimpleKey();

    [GeneratedRegex(@"^(?:~|[Nn]ull|NULL)?\z")]
    private static partial Regex NullValue();

    [GeneratedRegex(@"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)\z")]
    private static partial Regex BoolValue();

    [GeneratedRegex(@"^0o([0-7]+)\z")]
    private static partial Regex OctalValue();

    [GeneratedRegex(@"^[-+]?[0-9]+\z")]
    private static partial Regex IntValue();

    [GeneratedRegex(@"^0x([0-9a-fA-F]+)\z")]
    private static partial Regex HexValue();

    [GeneratedRegex(@"^(?:[-+]?\.inf|(\.nan))\z", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialFloat();

    [GeneratedRegex(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+\z")]
    private static partial Regex ExponentValue();

    [GeneratedRegex(@"^[-+]?(?:\.([0-9]+)|[0-9]+\.([0-9]*))\z")]
    private static partial Regex FloatValue();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z\z")]
    private static partial Regex Timestamp();

    // Text YAML would not read back as the same plain text: an indicator first, '- ' or '? ' first, ': ' or
    // ' #' inside, a space or ':' last, or space around a line break.
    [GeneratedRegex(@"^[\n\t ,[\]{}#&*!|>'""%@`]|^[?-]\z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\z")]
    private static partial Regex NotPlain();

    [GeneratedRegex(@"[ \t]\n|\n[ \t]")]
    private static partial Regex SpaceAroundBreak();

    [GeneratedRegex(@"\n[\t ]+\z")]
    private static partial Regex TrailingSpaceLine();

    [GeneratedRegex(@"[\n\t ]*\z")]
    private static partial Regex TrailingWhitespace();

    [GeneratedRegex(@"^[\n ]*")]
    private static partial Regex LeadingBlank();

    [GeneratedRegex(@" +\z")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n+(?!\n|\z)")]
    private static partial Regex BreakRun();

    [GeneratedRegex(@"\n+")]
    private static partial Regex Breaks();

    [GeneratedRegex(@"(?:^|\n)([\t ][^\n\r\u2028\u2029]*)(?:([\n\t ]*)\n(?![\n\t ]))?")]
    private static partial Regex MoreIndented();
}
