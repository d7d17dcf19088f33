using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Clinical review dates: articles and conditions are reviewed by a registered practitioner on site.yml's
/// schedule; a review falling due is a warning, an overdue one an error, and pages say when the next one is due.
/// The test site builds on 2026-11-24.
/// </summary>
public sealed class ReviewTests
{
    private static string Reviewed(string date, string by = "melissa") => TestSite.Article.Replace(
        "author: melissa\n", $"author: melissa\nlast_reviewed: {date}\nreviewed_by: {by}\n", StringComparison.Ordinal);

    private static string ReviewedCondition => TestSite.Condition.Replace("treatments: [Strength training]\n", "treatments: [Strength training]\nlast_reviewed: 2026-11-02\nreviewed_by: melissa\n", StringComparison.Ordinal);

    private static async Task<BuildResult> Build(string article, string? siteYml = null, string? author = null)
    {
        using var site = new TestSite(
            new Dictionary<string, string?>
            {
                ["input/articles/hamstring-pain.md"] = article,
                ["input/conditions/proximal-hamstring-tendinopathy.md"] = ReviewedCondition,
                ["input/site.yml"] = siteYml ?? TestSite.SiteYml,
                ["input/authors/melissa.md"] = author ?? TestSite.Author,
            },
            reviews: true);
        return await site.BuildAsync();
    }

    [Fact]
    public async Task An_article_without_a_review_is_an_error_naming_both_fields()
    {
        var result = await Build(TestSite.Article);
        var error = TestSite.SingleError(result);
        Assert.Equal(DiagnosticIds.ReviewMissing, error.Id);
        Assert.Contains("'last_reviewed' and 'reviewed_by' are missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_review_is_clean_and_the_page_says_when_the_next_is_due()
    {
        using var site = new TestSite(
            new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = Reviewed("2026-06-30"), ["input/conditions/proximal-hamstring-tendinopathy.md"] = ReviewedCondition },
            reviews: true);
        TestSite.AssertClean(await site.BuildAsync());
        var html = site.ReadOutput("articles/hamstring-pain/index.html");
        Assert.Contains("Last reviewed <time datetime=\"2026-06-30\">30 June 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("Next review due <time datetime=\"2027-06-30\">30 June 2027</time>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-12-20", "SITE8203", Severity.Warning)] // due 2026-12-20, 26 days after the build
    [InlineData("2025-11-20", "SITE8204", Severity.Error)] // due 2026-11-20, four days before it
    [InlineData("2025-12-25", null, Severity.Info)] // due 2026-12-25, 31 days after: not yet
    public async Task A_review_falling_due_is_a_warning_and_an_overdue_one_an_error(string date, string? id, Severity severity)
    {
        var article = Reviewed(date);
        var result = await Build(article);
        var found = result.Diagnostics.Where(d => d.Id.StartsWith("SITE820", StringComparison.Ordinal)).ToList();
        if (id is null)
        {
            Assert.Empty(found);
            return;
        }

        var finding = Assert.Single(found);
        Assert.Equal((id, severity), (finding.Id, finding.Severity));
        Assert.Equal(6, finding.Location!.Line); // the last_reviewed line
    }

    [Fact]
    public async Task A_review_dated_after_today_is_an_error_at_its_date()
    {
        var error = TestSite.SingleError(await Build(Reviewed("2062-11-02")));
        Assert.Equal((DiagnosticIds.ReviewMissing, 6), (error.Id, error.Location!.Line));
        Assert.Contains("after today", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_yml_sets_the_schedule()
    {
        var yml = TestSite.SiteYml + "\nreview:\n  every_months: 6\n  warn_days: 10\n";
        var result = await Build(Reviewed("2026-05-30"), yml); // due 2026-11-30, six days after the build
        Assert.Equal(DiagnosticIds.ReviewDueSoon, Assert.Single(result.Diagnostics, d => d.Id.StartsWith("SITE820", StringComparison.Ordinal)).Id);
        result = await Build(Reviewed("2026-05-20"), yml); // due 2026-11-20
        Assert.Equal(DiagnosticIds.ReviewOverdue, TestSite.SingleError(result).Id);
    }

    [Fact]
    public async Task A_reviewer_without_an_ahpra_number_is_an_error_at_the_reviewer()
    {
        var author = TestSite.Author.Replace("registration: PHY0000000001", "registration: pending", StringComparison.Ordinal);
        var result = await Build(Reviewed("2026-11-02"), author: author);
        var errors = result.Diagnostics.Where(d => d.Id == DiagnosticIds.ReviewerNotRegistered).ToList();
        Assert.Equal(2, errors.Count); // the article and the condition
        Assert.Contains(errors, e => e.Location!.File.EndsWith("hamstring-pain.md", StringComparison.Ordinal) && e.Location.Line == 7); // reviewed_by
    }
}
