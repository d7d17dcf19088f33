using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Severity per id in site.yml and suppression per item in front matter, applied in one place.</summary>
public class DiagnosticPolicyTests
{
    private const string ArticleFile = "input/articles/hamstring-pain.md";

    /// <summary>The test article with a description too short for search results: warning SITE1009 at line 3.</summary>
    private static string ShortDescription(string extra = "") => TestSite.Article
        .Replace("description: Why runners get pain at the sitting bone and how physiotherapy helps them return.", "description: Hamstring pain in runners.", StringComparison.Ordinal)
        .Replace("tags: [running]", "tags: [running]" + extra, StringComparison.Ordinal);

    private static Task<BuildResult> Build(string article, string siteYmlExtra = "")
    {
        var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/site.yml"] = TestSite.SiteYml + siteYmlExtra,
            [ArticleFile] = article,
        });
        return BuildAndDispose(site);
    }

    private static async Task<BuildResult> BuildAndDispose(TestSite site)
    {
        using (site)
        {
            return await site.BuildAsync();
        }
    }

    [Fact]
    public async Task Without_settings_a_short_description_is_a_warning_at_its_line()
    {
        var result = await Build(ShortDescription());
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.DescriptionLength, Severity.Warning, ArticleFile, 3), (warning.Id, warning.Severity, warning.Location!.File, warning.Location.Line));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public async Task Site_yml_can_make_a_warning_an_error()
    {
        var result = await Build(ShortDescription(), "\ndiagnostics:\n  SITE1009: error\n");
        var error = TestSite.SingleError(result);
        Assert.Equal((DiagnosticIds.DescriptionLength, 3), (error.Id, error.Location!.Line));
    }

    [Fact]
    public async Task Site_yml_can_turn_an_id_off_and_the_finding_is_still_counted()
    {
        var result = await Build(ShortDescription(), "\ndiagnostics:\n  SITE1009: off\n");
        TestSite.AssertClean(result);
        var hidden = Assert.Single(result.Suppressed);
        Assert.Equal(DiagnosticIds.DescriptionLength, hidden.Finding.Id);
        Assert.Contains("off in site.yml", hidden.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_or_level_in_site_yml_is_an_error_with_a_suggestion()
    {
        var result = await Build(TestSite.Article, "\ndiagnostics:\n  SITE1090: warning\n  SITE6005: of\n");
        var unknown = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnknownKey);
        Assert.Equal(("input/site.yml", 18, 3), (unknown.Location!.File, unknown.Location.Line, unknown.Location.Column));
        var level = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.WrongType);
        Assert.Equal((19, 13), (level.Location!.Line, level.Location.Column));
        Assert.Equal("Did you mean 'off'?", level.Help);
    }

    [Fact]
    public async Task An_error_that_means_broken_output_cannot_be_turned_down_or_suppressed()
    {
        var settings = await Build(TestSite.Article, "\ndiagnostics:\n  SITE4002: off\n  SITE1006: warning\n  SITE1009: error\n");
        Assert.Equal(2, settings.Errors);
        Assert.All(settings.Diagnostics, d => Assert.Contains("cannot be set to", d.Message, StringComparison.Ordinal));

        var item = await Build(TestSite.Article.Replace("author: melissa", "author: melisa\nsuppress: [{id: SITE1006, reason: trust me}]", StringComparison.Ordinal));
        Assert.Contains(item.Diagnostics, d => d.Id == DiagnosticIds.UnknownReference);
        Assert.Contains(item.Diagnostics, d => d.Message.Contains("SITE1006 cannot be suppressed", StringComparison.Ordinal));
        Assert.Empty(item.Suppressed);
    }

    [Fact]
    public async Task A_suppression_of_an_external_link_finding_is_not_unused_when_external_links_are_not_checked()
    {
        var result = await Build(TestSite.Article.Replace("tags: [running]", "tags: [running]\nsuppress: [{id: SITE2006, reason: The journal blocks robots}]", StringComparison.Ordinal));
        TestSite.AssertClean(result);
    }

    [Fact]
    public async Task An_item_suppresses_an_id_for_itself_with_a_reason()
    {
        var result = await Build(ShortDescription("\nsuppress:\n  - id: SITE1009\n    reason: Matches the printed handout's wording"));
        TestSite.AssertClean(result);
        var hidden = Assert.Single(result.Suppressed);
        Assert.Equal((DiagnosticIds.DescriptionLength, ArticleFile), (hidden.Finding.Id, hidden.Finding.Location!.File));
        Assert.Equal("Matches the printed handout's wording", hidden.Why);
    }

    [Fact]
    public async Task A_suppression_without_a_reason_is_a_warning_and_hides_nothing()
    {
        var result = await Build(ShortDescription("\nsuppress:\n  - id: SITE1009"));
        Assert.Equal(2, result.Warnings);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.DescriptionLength);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.SuppressionInvalid);
        Assert.Equal((ArticleFile, 9, 9), (warning.Location!.File, warning.Location.Line, warning.Location.Column));
        Assert.Contains("no reason", warning.Message, StringComparison.Ordinal);
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public async Task A_suppression_of_an_id_that_did_not_fire_is_a_warning()
    {
        var result = await Build(TestSite.Article.Replace("tags: [running]", "tags: [running]\nsuppress: [{id: SITE6002, reason: Same title as the handout}]", StringComparison.Ordinal));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.SuppressionInvalid, Severity.Warning, 8), (warning.Id, warning.Severity, warning.Location!.Line));
        Assert.Contains("SITE6002", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suppression_hides_the_id_only_in_its_own_file()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            [ArticleFile] = ShortDescription("\nsuppress: [{id: SITE1009, reason: Deliberately short}]"),
            ["input/articles/second.md"] = TestSite.ArticleCalled("Second article").Replace("description: Second article, or why runners get pain at the sitting bone and how physiotherapy helps them return.", "description: Too short.", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("input/articles/second.md", DiagnosticIds.DescriptionLength), (warning.Location!.File, warning.Id));
        Assert.Single(result.Suppressed);
    }

    [Fact]
    public async Task A_suppression_of_an_id_that_does_not_exist_gets_a_suggestion()
    {
        var result = await Build(TestSite.Article.Replace("tags: [running]", "tags: [running]\nsuppress: [{id: SITE10009, reason: typo}]", StringComparison.Ordinal));
        var error = TestSite.SingleError(result);
        Assert.Equal((DiagnosticIds.WrongType, 8, 17), (error.Id, error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean 'SITE1009'?", error.Help);
    }
}
