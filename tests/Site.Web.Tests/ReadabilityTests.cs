using Site.Engine.Diagnostics;
using Site.Web.Checks.Advertising;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Reading grade: Flesch-Kincaid and SMOG over the prose of articles, conditions and services, against
/// site.yml's target and limit, with headings, link lists and glossary terms left out.
/// </summary>
public sealed class ReadabilityTests
{
    private const string Plain = "You can run with a sore tendon if the pain stays low. Keep your runs short and flat for now. Rest a day between runs. Do the calf and hip exercises on the other days. Tell us if the pain gets worse the next morning. ";

    private const string Hard = "Proximal hamstring tendinopathy is characterised by localised discomfort at the ischial tuberosity, exacerbated by prolonged sitting and by activities necessitating substantial hip flexion under considerable load. ";

    private static string ArticleWith(string body) => TestSite.Article.Replace("Some text about hamstrings.", body, StringComparison.Ordinal);

    [Theory]
    [InlineData("make", 1)]
    [InlineData("runner", 2)]
    [InlineData("exercises", 4)]
    [InlineData("physiotherapy", 5)]
    [InlineData("tendinopathy", 5)]
    [InlineData("moved", 1)]
    [InlineData("table", 2)]
    public void Syllables_are_counted_by_vowel_sounds(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void The_grade_is_the_flesch_kincaid_formula()
    {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45, shown to one decimal.
        var grade = Readability.Measure(ReaderText.FromMarkdown(["The cat sat on the mat."], 0), []);
        Assert.Equal((6, 1), (grade.Words, grade.Sentences));
        Assert.InRange(grade.FleschKincaid, -1.5, -1.4);
    }

    [Fact]
    public void Headings_and_lists_of_links_are_not_measured_and_glossary_terms_count_as_one_word()
    {
        string[] body = ["## Understanding proximal hamstring tendinopathy rehabilitation considerations", "", "Keep your runs short.", "", "- [Comprehensive rehabilitation considerations](/articles/x/)"];
        var grade = Readability.Measure(ReaderText.FromMarkdown(body, 0), []);
        Assert.Equal((4, 1), (grade.Words, grade.Sentences));
        var withTerm = Readability.Measure(ReaderText.FromMarkdown(["Proximal hamstring tendinopathy hurts."], 0), ["proximal hamstring tendinopathy"]);
        Assert.Equal(2, withTerm.Words); // the term and "hurts"
        var endsWithTerm = Readability.Measure(ReaderText.FromMarkdown(["- Physiotherapy for proximal hamstring tendinopathy"], 0), ["proximal hamstring tendinopathy"]);
        Assert.Equal((3, 1), (endsWithTerm.Words, endsWithTerm.Sentences));
        Assert.True(withTerm.FleschKincaid < Readability.Measure(ReaderText.FromMarkdown(["Proximal hamstring tendinopathy hurts."], 0), []).FleschKincaid);
    }

    [Fact]
    public async Task Plain_text_builds_clean_and_hard_text_is_a_warning_at_its_hardest_sentence()
    {
        using var plain = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = ArticleWith(string.Concat(Enumerable.Repeat(Plain, 4))) });
        TestSite.AssertClean(await plain.BuildAsync());

        var text = ArticleWith(string.Concat(Enumerable.Repeat(Plain, 3)) + "\n\n" + Hard + Hard + Hard);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = text });
        var finding = Assert.Single((await site.BuildAsync()).Diagnostics, d => d.Id.StartsWith("SITE830", StringComparison.Ordinal));
        Assert.Equal((DiagnosticIds.ReadingGradeHigh, Severity.Warning), (finding.Id, finding.Severity));
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.StartsWith("Proximal", StringComparison.Ordinal)) + 1, finding.Location!.Line);
        Assert.Contains("The hardest sentences: line", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Proximal hamstring tendinopathy is characterised", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Above_the_limit_is_an_error_and_site_yml_sets_both_and_the_glossary()
    {
        var text = ArticleWith(string.Concat(Enumerable.Repeat(Hard, 6)));
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = text });
        Assert.Equal(DiagnosticIds.ReadingGradeTooHigh, TestSite.SingleError(await site.BuildAsync()).Id);

        site.Write("input/site.yml", TestSite.SiteYml + "\nreadability:\n  target: 30\n  limit: 30\n");
        Assert.DoesNotContain((await site.BuildAsync()).Diagnostics, d => d.Id.StartsWith("SITE830", StringComparison.Ordinal));
    }
}
