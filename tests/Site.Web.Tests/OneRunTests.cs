using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Every problem in one run: one bad field hides no other problem of the same file, and an item that cannot be
/// published is still checked (its references, links and text) without dragging other items into errors.
/// </summary>
public sealed class OneRunTests
{
    private const string ThreeDefects = """
        ---
        title: Hamstring pain in runners
        description: Why runners get pain at the sitting bone and how physiotherapy helps them return.
        date: soon
        author: melisa
        conditions: [proximal-hamstring-tendinopathy]
        tags: [running]
        ---
        Read [our guide](/articles/increasing-running-safely/) before your next run.
        """;

    private static void AssertAt(BuildResult result, string id, string text, string words)
    {
        var (line, column) = TestSite.Position(text, words);
        Assert.True(
            result.Diagnostics.Any(d => d.Id == id && d.Severity == Severity.Error && d.Location!.File.EndsWith("hamstring-pain.md", StringComparison.Ordinal) && d.Location.Line == line && d.Location.Column == column),
            $"Expected {id} at ({line},{column}); got:\n" + string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task A_bad_date_a_misspelt_author_and_a_broken_link_in_one_file_are_all_reported_in_one_build()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = ThreeDefects });
        var result = await site.BuildAsync();
        AssertAt(result, DiagnosticIds.WrongType, ThreeDefects, "soon");
        AssertAt(result, DiagnosticIds.UnknownReference, ThreeDefects, "melisa");
        AssertAt(result, DiagnosticIds.BrokenLink, ThreeDefects, "[our guide]");
        Assert.False(site.OutputExists("articles/hamstring-pain/index.html"));
    }

    [Fact]
    public async Task Front_matter_that_is_not_yaml_still_has_its_body_checked()
    {
        var text = ThreeDefects.Replace("tags: [running]", "tags: [running", StringComparison.Ordinal).Replace("date: soon", "date: 2026-11-02", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = text });
        var result = await site.BuildAsync();
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.YamlSyntax);
        AssertAt(result, DiagnosticIds.BrokenLink, text, "[our guide]");
    }

    [Fact]
    public async Task An_author_with_a_bad_field_is_one_error_not_one_for_every_article_that_names_them()
    {
        var author = TestSite.Author.Replace("registration: PHY0000000001\n", "", StringComparison.Ordinal);
        // A page linking to the article that names the author: the article cannot be shown either, but that link
        // is not a second error.
        var about = TestSite.Disclaimer.Replace("title: Medical disclaimer", "title: About us", StringComparison.Ordinal)
            .Replace("General information only.", "Read [our article](/articles/hamstring-pain/).", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/authors/melissa.md"] = author, ["input/pages/about.md"] = about });
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.Equal(DiagnosticIds.RequiredField, error.Id);
        Assert.EndsWith("melissa.md", error.Location!.File, StringComparison.Ordinal);
        Assert.False(site.OutputExists("authors/melissa/index.html"));
        Assert.False(site.OutputExists("articles/hamstring-pain/index.html"));
    }
}
