using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>
/// Markdown that did not become what the writer meant, so readers would see its raw syntax: a link or image
/// whose address has a space (Markdown then treats the whole thing as text, brackets and all), and a heading
/// written without the space after its '#'. Each is an error at its line and column that says what went wrong
/// and how to write it; code blocks and code spans are left alone.
/// </summary>
public sealed partial class CheckUnrenderedMarkdown(LinkOrigins origins) : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.UnrenderedMarkdown];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        if (item.Lines(origins) is not { } lines)
        {
            return;
        }

        var file = item.Item.FrontMatter.File;
        var body = ItemToCheck.BodyStart(lines);
        string? fence = null;
        for (var i = body; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (Fence().Match(trimmed) is { Success: true } opened)
            {
                fence = fence is null ? opened.Value[..3] : trimmed.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }

            if (fence is not null || line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'))
            {
                continue;
            }

            var visible = CodeSpan().Replace(line, m => new string(' ', m.Length));
            foreach (var (start, address, image) in LinksWithSpaces(visible))
            {
                var fix = image || address.StartsWith('/')
                    ? $"Rename the file so its name has no spaces (for example '{Path.GetFileName(address)}' → '{Renamed(address)}') and change the address to match, or write each space as %20."
                    : "Write each space in the address as %20, or check the address: web addresses have no spaces.";
                report.Error(
                    DiagnosticIds.UnrenderedMarkdown,
                    new Engine.Diagnostics.SourceLocation(file, i + 1, start + 1),
                    $"This {(image ? "image" : "link")} will show as plain text with its brackets, because the address '{address}' has a space in it.",
                    fix);
            }

            if (HeadingWithoutSpace().Match(visible) is { Success: true } heading)
            {
                report.Error(
                    DiagnosticIds.UnrenderedMarkdown,
                    new Engine.Diagnostics.SourceLocation(file, i + 1, heading.Index + 1),
                    $"'{heading.Value.Trim()}' will show as text with its '#' signs, not as a heading: a heading needs a space after the '#'.",
                    $"Write '{heading.Groups[1].Value} {heading.Groups[2].Value}'.");
            }
        }
    }

    /// <summary>
    /// Each <c>[text](address)</c> or <c>![alt](address)</c> on the line whose address has a space that is not
    /// the gap before a quoted title. Scanned by hand, each candidate looking at most a few hundred characters
    /// ahead, so a line of thousands of brackets costs no more than its length.
    /// </summary>
    private static IEnumerable<(int Start, string Address, bool Image)> LinksWithSpaces(string line)
    {
        const int Longest = 400;
        for (var at = line.IndexOf("](", StringComparison.Ordinal); at >= 0; at = line.IndexOf("](", at + 2, StringComparison.Ordinal))
        {
            var from = at + 2;
            var close = line.IndexOf(')', from, Math.Min(Longest, line.Length - from));
            if (close < 0)
            {
                continue;
            }

            var inside = line[from..close].Trim();
            var gap = inside.IndexOfAny([' ', '\t']);
            if (gap < 0 || inside.StartsWith('<'))
            {
                continue; // no space, or an address in <angle brackets>, which may hold spaces
            }

            var rest = inside[gap..].TrimStart();
            if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
            {
                continue; // the address, then a title in quotes
            }

            var open = line.LastIndexOf('[', at, Math.Min(Longest, at + 1));
            if (open < 0 || line.IndexOf(']', open, at - open + 1) != at)
            {
                continue;
            }

            var image = open > 0 && line[open - 1] == '!';
            yield return (image ? open - 1 : open, inside, image);
        }
    }

    /// <summary>A name for the file without spaces or capitals, as the site's own file names are written.</summary>
    private static string Renamed(string address)
    {
        var name = Path.GetFileNameWithoutExtension(address);
        return ContentUrls.Slugify(name) + Path.GetExtension(address).ToLowerInvariant();
    }

    [GeneratedRegex(@"^(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`+[^`]*`+", RegexOptions.NonBacktracking)]
    private static partial Regex CodeSpan();

    // ##Heading: one to six '#' at the start of a line, then a letter with no space.
    [GeneratedRegex(@"^\s{0,3}(#{1,6})(\p{L}[^\n]*)")]
    private static partial Regex HeadingWithoutSpace();
}
