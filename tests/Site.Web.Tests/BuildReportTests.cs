using System.Text.Json;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// The build report: problems by id, scheduled items, clinical reviews due and overdue, suppressions with their
/// reasons, reading grades and external links, as Markdown and as JSON. The test site builds on 2026-11-24.
/// </summary>
public sealed class BuildReportTests
{
    private static async Task<BuildResult> BuildReported()
    {
        var overdue = TestSite.Article
            .Replace("author: melissa\n", "author: melissa\nlast_reviewed: 2025-10-01\nreviewed_by: melissa\n", StringComparison.Ordinal)
            .Replace("tags: [running]", "tags: [running]\nsuppress:\n  - id: SITE8106\n    reason: Quoting the 2025 award citation, approved by the practice owner", StringComparison.Ordinal)
            .Replace("Some text about hamstrings.", "Some text about hamstrings. The best physio in town, said the award.", StringComparison.Ordinal);
        var scheduled = TestSite.ArticleCalled("Calf strength for runners", "2026-12-15")
            .Replace("author: melissa\n", "author: melissa\nlast_reviewed: 2026-11-20\nreviewed_by: melissa\n", StringComparison.Ordinal);
        var condition = TestSite.Condition.Replace("treatments: [Strength training]\n", "treatments: [Strength training]\nlast_reviewed: 2026-11-02\nreviewed_by: melissa\n", StringComparison.Ordinal);
        using var site = new TestSite(
            new Dictionary<string, string?>
            {
                ["input/articles/hamstring-pain.md"] = overdue,
                ["input/articles/calf-strength.md"] = scheduled,
                ["input/conditions/proximal-hamstring-tendinopathy.md"] = condition,
            },
            reviews: true);
        return await site.BuildAsync();
    }

    [Fact]
    public async Task The_json_report_lists_what_a_reviewer_of_the_pull_request_needs()
    {
        var result = await BuildReported();
        using var report = JsonDocument.Parse(BuildReport.Json(result));
        var root = report.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        var byId = root.GetProperty("by_id").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("count").GetInt32());
        Assert.Equal(1, byId[DiagnosticIds.ReviewOverdue]);

        var scheduled = Assert.Single(root.GetProperty("scheduled").EnumerateArray());
        Assert.Equal(("2026-12-15", "Calf strength for runners"), (scheduled.GetProperty("date").GetString(), scheduled.GetProperty("title").GetString()));

        var reviews = root.GetProperty("reviews").EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("status").GetString());
        Assert.Equal("overdue", reviews.Single(r => r.Key.EndsWith("hamstring-pain.md", StringComparison.Ordinal)).Value);
        Assert.Equal("current", reviews.Single(r => r.Key.EndsWith("proximal-hamstring-tendinopathy.md", StringComparison.Ordinal)).Value);

        var suppression = Assert.Single(root.GetProperty("suppressions").EnumerateArray());
        Assert.Equal(DiagnosticIds.AdSuperlative, suppression.GetProperty("id").GetString());
        Assert.Equal("Quoting the 2025 award citation, approved by the practice owner", suppression.GetProperty("reason").GetString());

        // The article and the condition are measured; the scheduled article is not built.
        var grades = root.GetProperty("readability").EnumerateArray().ToDictionary(e => Path.GetFileName(e.GetProperty("file").GetString()!), e => e.GetProperty("words").GetInt32());
        Assert.Equal(["hamstring-pain.md", "proximal-hamstring-tendinopathy.md"], grades.Keys.Order(StringComparer.Ordinal));
        // "Some text about hamstrings." 4, "The best physio in town, said the award." 8, "Training changes." 2; the heading is left out.
        Assert.Equal(14, grades["hamstring-pain.md"]);

        Assert.False(root.GetProperty("external_links_checked").GetBoolean());
    }

    [Fact]
    public async Task The_markdown_report_has_each_section_with_its_findings()
    {
        var markdown = BuildReport.Markdown(await BuildReported());
        Assert.StartsWith("# Build report\n\n**Failed**", markdown, StringComparison.Ordinal);
        Assert.Contains("| SITE8204 | error | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2026-12-15 | Calf strength for runners | `input/articles/calf-strength.md` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| overdue | 2026-10-01 | 2025-10-01 | melissa |", markdown, StringComparison.Ordinal);
        Assert.Contains("| SITE8106 | `input/articles/hamstring-pain.md(", markdown, StringComparison.Ordinal);
        Assert.Contains("Not checked in this build", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_fails_the_report_as_it_fails_a_build_with_warnaserror()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("description: Why runners get pain at the sitting bone and how physiotherapy helps them return.", "description: Sitting bone pain in runners.", StringComparison.Ordinal) });
        var result = await site.BuildAsync();
        Assert.Equal((0, 1), (result.Errors, result.Warnings));
        Assert.StartsWith("# Build report\n\nPassed", BuildReport.Markdown(result), StringComparison.Ordinal);
        Assert.StartsWith("# Build report\n\n**Failed**", BuildReport.Markdown(result, warningsAsErrors: true), StringComparison.Ordinal);
    }
}
