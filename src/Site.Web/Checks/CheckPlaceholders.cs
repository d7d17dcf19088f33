using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Site.Web.Diagnostics;
using Site.Web.Model;

namespace Site.Web.Checks;

/// <summary>
/// Text that was never meant to be published: the sentences <c>site new</c> writes into a new item's body
/// (from each kind's <c>scaffold_body</c>), its "Replace with ..." field values, and the usual placeholders
/// (TODO, FIXME, lorem ipsum), anywhere in an item that is not a draft. Each is an error at its line and column,
/// so a scaffold whose draft flag was removed too early cannot reach readers.
/// </summary>
public sealed partial class CheckPlaceholders(ContentModel model, LinkOrigins origins) : IItemCheck
{
    private readonly Dictionary<string, string[]> _scaffolds = model.Kinds.ToDictionary(
        k => k.Name,
        k => k.ScaffoldBody.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).Where(l => l.Length >= 12).Distinct(StringComparer.Ordinal).ToArray(),
        StringComparer.Ordinal);

    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.Placeholder];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        if (item.Item.Draft || item.Lines(origins) is not { } lines)
        {
            return;
        }

        var file = item.Item.FrontMatter.File;
        var scaffold = _scaffolds.GetValueOrDefault(item.Item.Kind.Name, []);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var sentence in scaffold)
            {
                var at = line.IndexOf(sentence, StringComparison.Ordinal);
                if (at >= 0)
                {
                    report.Error(
                        DiagnosticIds.Placeholder,
                        new Engine.Diagnostics.SourceLocation(file, i + 1, at + 1),
                        $"This is the example text 'site new' wrote into the new {item.Item.Kind.Label.ToLowerInvariant()}: \"{sentence}\".",
                        "Replace it with the real text, or keep 'draft: true' until it is written.");
                }
            }

            foreach (Match match in Generic().Matches(line))
            {
                report.Error(
                    DiagnosticIds.Placeholder,
                    new Engine.Diagnostics.SourceLocation(file, i + 1, match.Index + 1),
                    $"'{match.Value.Trim()}' marks text that was never finished: {Excerpt(line, match.Index)}",
                    "Write the real text here, or keep 'draft: true' until it is written.");
            }
        }
    }

    private static string Excerpt(string line, int at)
    {
        var start = Math.Max(0, at - 10);
        var excerpt = line[start..Math.Min(line.Length, at + 60)].Trim();
        return $"\"{(start > 0 ? "…" : "")}{excerpt}{(at + 60 < line.Length ? "…" : "")}\"";
    }

    // "Replace with" as the scaffolds write it (capitalised), TODO and FIXME as words in capitals, lorem ipsum.
    [GeneratedRegex(@"\bReplace with\b|\bTODO\b|\bFIXME\b|\blorem ipsum\b", RegexOptions.CultureInvariant)]
    private static partial Regex Generic();
}
