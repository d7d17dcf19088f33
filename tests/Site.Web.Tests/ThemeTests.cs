using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public class ThemeTests
{
    private static string Theme(string file) => File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", file));

    [Fact]
    public async Task A_layout_that_drops_the_disclaimer_fails_the_build()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/article.sbn"] = Theme("layouts/article.sbn").Replace("{{ include \"disclaimer\" }}", "", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.DisclaimerMissing, error.Id);
        Assert.Equal("input/articles/hamstring-pain.md", error.Location?.File);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_disclaimer_edited_in_the_theme_is_caught()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/partials/disclaimer.sbn"] = Theme("partials/disclaimer.sbn").Replace("{{ disclaimer.title | html.escape }}", "Some friendly words.", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        Assert.Equal(2, result.Errors);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.DisclaimerMissing, d.Id));
    }

    [Fact]
    public async Task A_disclaimer_moved_after_the_call_to_action_is_caught()
    {
        var layout = Theme("layouts/condition.sbn").Replace("      {{ include \"disclaimer\" }}\n      {{ include \"book-now\" }}", "      {{ include \"book-now\" }}\n      {{ include \"disclaimer\" }}", StringComparison.Ordinal);
        Assert.NotEqual(Theme("layouts/condition.sbn"), layout);
        using var site = new TestSite(new Dictionary<string, string?> { ["theme/layouts/condition.sbn"] = layout });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.DisclaimerMisplaced, error.Id);
    }

    [Fact]
    public async Task A_layout_without_the_booking_call_to_action_fails_the_build()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/author.sbn"] = Theme("layouts/author.sbn").Replace("{{ include \"book-now\" }}", "", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.BookingLinkMissing, error.Id);
        Assert.Equal("input/authors/melissa.md", error.Location?.File);
    }

    [Fact]
    public async Task A_template_syntax_error_points_at_the_template_line()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["theme/layouts/page.sbn"] = "<h1>{{ item.title </h1>\n" });
        var result = await site.BuildAsync();
        var error = result.Diagnostics.First();
        Assert.Equal(DiagnosticIds.TemplateSyntax, error.Id);
        Assert.Equal("theme/layouts/page.sbn", error.Location?.File);
        Assert.Equal(1, error.Location?.Line);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_misspelt_template_variable_fails_with_the_page_named()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["theme/layouts/page.sbn"] = "<h1 data-site=\"body\">\n{{ item.titel }}</h1>\n" });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.TemplateRender, error.Id);
        Assert.Equal("theme/layouts/page.sbn", error.Location?.File);
        Assert.Equal(2, error.Location?.Line);
        Assert.Contains("input/pages/medical-disclaimer.md", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../input/site.yml")]
    [InlineData("/etc/passwd")]
    [InlineData("../layouts/base")]
    public async Task Includes_cannot_leave_the_partials_folder(string name)
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["theme/layouts/page.sbn"] = $"<div data-site=\"body\">{{{{ include \"{name}\" }}}}</div>" });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.TemplateRender, error.Id);
        Assert.Contains("theme/partials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_layout_is_named()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["theme/layouts/author.sbn"] = null });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.TemplateMissing, error.Id);
        Assert.Equal("theme/layouts/author.sbn", error.Location?.File);
    }
}
