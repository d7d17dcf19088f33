using System.Collections.Immutable;
using System.Globalization;
using Site.Engine.Diagnostics;
using Site.Web.Checks.Advertising;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>
/// The reading grade of each item whose kind has <c>readability: true</c> (articles, conditions, services):
/// above site.yml's target it is a warning naming the three hardest sentences at their lines, above the limit an
/// error. A body under <see cref="ShortestMeasured"/> words is too short to measure.
/// </summary>
public sealed class CheckReadability(SiteSettings settings, LinkOrigins origins) : IItemCheck
{
    public const int ShortestMeasured = 100;

    private readonly ImmutableArray<string> _glossary = [.. settings.Glossary.Select(g => g.Term.ToLowerInvariant())];

    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.ReadingGradeHigh, DiagnosticIds.ReadingGradeTooHigh];

    /// <summary>Where each measured grade is kept for the build report, when there is one.</summary>
    public BuildFacts? Facts { get; init; }


    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        if (!item.Item.Kind.Readability || item.Body(origins) is not { } body)
        {
            return;
        }

        var grade = Readability.Measure(body, _glossary);

        // The report needs the figures only: the sentences would keep every passage of every item alive.
        Facts?.Readability.TryAdd(item.Item.FrontMatter.File, (item.Item, grade with { Hardest = [] }));
        if (grade.Words < ShortestMeasured)
        {
            return;
        }

        var target = settings.Readability;
        if (grade.FleschKincaid <= target.Target)
        {
            return;
        }

        var file = item.Item.FrontMatter.File;
        var hardest = grade.Hardest.Select(s => (At: s.Passage.At(s.Start), s.Text)).ToList();
        var where = hardest.Count > 0 ? new SourceLocation(file, hardest[0].At.Line, hardest[0].At.Column) : item.Item.FrontMatter;
        var list = string.Join("; ", hardest.Select(h => $"line {h.At.Line}: \"{Shorten(h.Text)}\""));
        var over = grade.FleschKincaid > target.Limit;
        report.Add(new Diagnostic(
            over ? DiagnosticIds.ReadingGradeTooHigh : DiagnosticIds.ReadingGradeHigh,
            over ? Severity.Error : Severity.Warning,
            where,
            string.Create(CultureInfo.InvariantCulture, $"This {item.Item.Kind.Label.ToLowerInvariant()} reads at Year {grade.FleschKincaid:0.0} (Flesch-Kincaid; SMOG {grade.Smog:0.0}), above the {(over ? "limit" : "target")} of Year {(over ? target.Limit : target.Target):0.#} in site.yml. The hardest sentences: {list}."),
            "Split long sentences and use shorter, everyday words; add medical names the page explains to site.yml's glossary, where they count as one plain word."));
    }

    private static string Shorten(string sentence) => sentence.Length <= 90 ? sentence : sentence[..87].TrimEnd() + "...";
}
