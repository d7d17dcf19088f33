using System.Collections.Immutable;
using System.Globalization;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Site.Web.Content;

/// <summary>
/// Reads typed fields out of one YAML mapping, reporting wrong types and missing fields at their true file
/// position, and — in <see cref="ReportUnknownKeys"/> — every key nobody asked for, with a did-you-mean.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly string _what;

    public YamlFields(YamlMappingNode map, YamlSource source, DiagnosticBag diagnostics, string what)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        Source = source;
        Diagnostics = diagnostics;
        _what = what;
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                if (_values.ContainsKey(name))
                {
                    diagnostics.Error(DiagnosticIds.YamlSyntax, source.At(key.Start), $"The field '{name}' is written twice in {what}.", "Keep one of them.");
                }

                _values[name] = value;
                _keys[name] = key;
            }
        }
    }

    public YamlSource Source { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Where the mapping itself starts; used for "missing field" errors.</summary>
    public SourceLocation Location => Source.At(_map.Start);

    /// <summary>Where a field's value starts, or the mapping when the field is absent.</summary>
    public SourceLocation LocationOf(string key) =>
        _values.TryGetValue(key, out var node) ? Source.At(node.Start) : Location;

    public bool Has(string key) => _values.ContainsKey(key) && !IsNull(_values[key]);

    public string? Text(string key, bool required = false)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return scalar.Value!.Trim();
            case YamlScalarNode:
                if (required)
                {
                    Missing(key);
                }

                return null;
            default:
                WrongType(key, node, "a single line of text", $"{key}: Some text");
                return null;
        }
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } &&
            DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is >= 1900 and <= 2200)
            {
                return date;
            }

            Diagnostics.Error(DiagnosticIds.WrongType, Source.At(node.Start), $"'{key}' is {text.Trim()}, which cannot be right for this site.", "Write a date between the years 1900 and 2200.");
            return null;
        }

        WrongType(key, node, "a date written as YYYY-MM-DD", $"{key}: 2026-11-24");
        return null;
    }

    public bool Flag(string key, bool fallback)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE" or "YES":
                    return true;
                case "FALSE" or "NO":
                    return false;
            }
        }

        WrongType(key, node, "true or false", $"{key}: true");
        return fallback;
    }

    public int? Number(string key, int min, int max)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } &&
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        WrongType(key, node, $"a whole number from {min} to {max}", $"{key}: {min}");
        return null;
    }

    /// <summary>A list of text values, with the location of each item.</summary>
    public ImmutableArray<Located<string>> List(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            var shown = node is YamlScalarNode { Value: { } v } ? v : "value";
            WrongType(key, node, "a list", $"{key}: [{shown}]");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<Located<string>>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add(new Located<string>(text.Trim(), Source.At(item.Start)));
            }
            else
            {
                Diagnostics.Error(DiagnosticIds.WrongType, Source.At(item.Start), $"Each item of '{key}' must be a single line of text.", $"Write it as: {key}: [first, second]");
            }
        }

        if (required && items.Count == 0)
        {
            Missing(key);
        }

        return items.ToImmutable();
    }

    /// <summary>The keys as written, in file order.</summary>
    public IEnumerable<string> Keys => _keys.OrderBy(k => k.Value.Start.Index).Select(k => k.Key);

    /// <summary>Where a key itself is written, or the mapping when it is absent.</summary>
    public SourceLocation KeyLocation(string key) =>
        _keys.TryGetValue(key, out var node) ? Source.At(node.Start) : Location;

    /// <summary>One text or a list of texts; <paramref name="isList"/> says which was written.</summary>
    public ImmutableArray<string>? TextOrList(string key, out bool isList)
    {
        isList = _values.TryGetValue(key, out var node) && node is YamlSequenceNode;
        if (isList)
        {
            return [.. List(key).Select(i => i.Value)];
        }

        return Text(key) is { } text ? [text] : null;
    }

    /// <summary>A nested mapping, read with its own field reader.</summary>
    public YamlFields? Map(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return new YamlFields(map, Source, Diagnostics, $"'{key}'");
        }

        WrongType(key, node, "a group of indented fields", $"{key}:\n  field: value");
        return null;
    }

    /// <summary>A list of mappings, each read with its own field reader.</summary>
    public ImmutableArray<YamlFields> MapList(string key)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            WrongType(key, node, "a list of groups of fields", $"{key}:\n  - field: value");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<YamlFields>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map)
            {
                result.Add(new YamlFields(map, Source, Diagnostics, $"an item of '{key}'"));
            }
            else
            {
                Diagnostics.Error(DiagnosticIds.WrongType, Source.At(item.Start), $"Each item of '{key}' must be a group of fields.", $"Write it as:\n  - field: value");
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Reports each key that no reader asked for. Call after reading every known field.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (name, keyNode) in _keys.OrderBy(k => k.Value.Start.Line))
        {
            if (!_asked.Contains(name))
            {
                Diagnostics.Error(
                    DiagnosticIds.UnknownKey,
                    Source.At(keyNode.Start),
                    $"'{name}' is not a field of {_what}.",
                    Suggest.DidYouMean(name, _asked) ?? $"Known fields: {string.Join(", ", _asked.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    private YamlNode? Get(string key, bool required)
    {
        _asked.Add(key);
        if (_values.TryGetValue(key, out var node) && !IsNull(node))
        {
            return node;
        }

        if (required)
        {
            Missing(key);
        }

        return null;
    }

    private void Missing(string key) =>
        Diagnostics.Error(DiagnosticIds.RequiredField, _values.ContainsKey(key) ? LocationOf(key) : Location, $"{Capitalise(_what)} needs the field '{key}'.", $"Add a line such as: {key}: ...");

    private void WrongType(string key, YamlNode node, string expected, string example)
    {
        var found = node is YamlScalarNode { Value: { } value } ? $"'{value}'" : node is YamlSequenceNode ? "a list" : "a group of fields";
        Diagnostics.Error(DiagnosticIds.WrongType, Source.At(node.Start), $"'{key}' must be {expected}, but it is {found}.", $"For example: {example}");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>A value with the place it was written.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);

/// <summary>A YAML text and where it sits in its file, to turn YAML positions into file positions.</summary>
/// <param name="File">Display path of the file.</param>
/// <param name="LineOffset">Number of file lines before the first YAML line.</param>
public sealed record YamlSource(string File, int LineOffset)
{
    public SourceLocation At(Mark mark)
    {
        return new SourceLocation(File, (int)mark.Line + LineOffset, (int)mark.Column);
    }

    /// <summary>Parses YAML text into its root mapping, reporting syntax errors at the file position.</summary>
    public YamlMappingNode? Parse(string yaml, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            if (yaml.Length > MaxLength)
            {
                diagnostics.Error(
                    DiagnosticIds.YamlSyntax,
                    new SourceLocation(File, LineOffset + 1, 1),
                    $"These fields are {yaml.Length / 1024:N0} KB long; the most a block of fields may be is {MaxLength / 1024:N0} KB.",
                    "Move long text into the body of the file, below the closing '---'.");
                return null;
            }

            if (FirstUnprintable(yaml) is { } bad)
            {
                var (line, column) = LineAndColumn(yaml, bad);
                diagnostics.Error(
                    DiagnosticIds.YamlSyntax,
                    new SourceLocation(File, LineOffset + line, column),
                    $"This line contains an invisible character (U+{(int)yaml[bad]:X4}) that fields may not hold.",
                    "Delete it: retype the value, or paste it as plain text.");
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(yaml)), MaxDepth));

            // Escapes in quoted values ("\x01", "\0", "\u202E") make the same characters: look at the values too.
            if (stream.Documents.Count > 0 && FirstUnprintableValue(stream.Documents[0].RootNode) is { } hidden)
            {
                diagnostics.Error(
                    DiagnosticIds.YamlSyntax,
                    At(hidden.Node.Start),
                    $"This value makes an invisible character (U+{(int)hidden.Character:X4}) that fields may not hold.",
                    "Remove the escape (such as \\x01 or \\u202E) from the value.");
                return null;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new YamlMappingNode();
            }

            if (stream.Documents[0].RootNode is YamlMappingNode map)
            {
                return map;
            }

            diagnostics.Error(DiagnosticIds.YamlSyntax, At(stream.Documents[0].RootNode.Start), "The front matter must be a list of 'field: value' lines.");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's own guard failing on input it did not expect: still the writer's file, still located.
            diagnostics.Error(
                DiagnosticIds.YamlSyntax,
                new SourceLocation(File, LineOffset + 1, 1),
                "The fields between the '---' lines cannot be read; a character or mark in them confuses the YAML reader.",
                "Undo the last change to this block of fields, or retype it.");
            return null;
        }
        catch (YamlException ex)
        {
            // A tab is the most common cause, and YamlDotNet reports it where the parse gave up (often the
            // start of the block), not where the tab is: point at the tab itself.
            var lines = yaml.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var column = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (column >= 0)
                {
                    diagnostics.Error(
                        DiagnosticIds.YamlSyntax,
                        new SourceLocation(File, LineOffset + i + 1, column + 1),
                        "This line contains a tab character; front matter must use spaces, never tabs.",
                        "Replace the tab with spaces.");
                    return null;
                }
            }

            diagnostics.Error(
                DiagnosticIds.YamlSyntax,
                At(ex.Start),
                $"The front matter cannot be read: {Explain(ex)}",
                "Check for a missing closing quote, or a colon inside an unquoted value (wrap such values in \"quotes\").");
            return null;
        }
    }

    /// <summary>
    /// The index of the first character YAML does not allow in a file (controls other than tab and line breaks,
    /// a lone surrogate, U+FFFE and U+FFFF) or that reorders text invisibly (bidirectional overrides), or null.
    /// </summary>
    private static int? FirstUnprintable(string text)
    {
        // Most fields are plain ASCII: skip over it with a vectorised search, and look closely only at the rest.
        for (var i = 0; i < text.Length; i++)
        {
            var skip = text.AsSpan(i).IndexOfAnyExcept(PlainText);
            if (skip < 0)
            {
                return null;
            }

            i += skip;
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            // YAML's printable set, less what content may not hold either (controls, bidirectional overrides).
            var allowed = (ch is '\t' or '\n' or '\r' || (ch >= ' ' && ch <= '~') || (ch >= '\u00A0' && ch <= '\uD7FF') || (ch >= '\uE000' && ch <= '\uFFFD'))
                && !InputLimits.IsInvisible(ch);
            if (!allowed)
            {
                return i;
            }
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> PlainText = System.Buffers.SearchValues.Create("\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The first scalar whose value holds a character <see cref="FirstUnprintable"/> refuses, and that character.</summary>
    private static (YamlNode Node, char Character)? FirstUnprintableValue(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } value } when FirstUnprintable(value) is { } at:
                return (node, value[at]);
            case YamlMappingNode map:
                foreach (var (key, child) in map.Children)
                {
                    if ((FirstUnprintableValue(key) ?? FirstUnprintableValue(child)) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    if (FirstUnprintableValue(child) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        return (line, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    /// <summary>The most characters one block of YAML may have: far beyond any real front matter or model file.</summary>
    public const int MaxLength = 256 * 1024;

    /// <summary>The deepest nesting of lists and groups allowed; real files use three or four levels.</summary>
    public const int MaxDepth = 32;

    private static string Explain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.') + ".";
    }
}

/// <summary>
/// Passes a YAML parser's events through, and stops with a located error when lists and groups nest deeper than
/// the limit, before YamlDotNet's recursive node builder could exhaust the stack (100,000 '[' used to kill the
/// process).
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > maxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, $"Lists and groups are nested more than {maxDepth} levels deep here");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
