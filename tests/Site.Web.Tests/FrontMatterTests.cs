using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public class FrontMatterTests
{
    private static async Task<Engine.Diagnostics.Diagnostic> ErrorFor(string article)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = article,
            ["input/assets/images/squat.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        });
        var result = await site.BuildAsync();
        return TestSite.SingleError(result);
    }

    [Fact]
    public async Task A_date_that_does_not_parse_is_reported_at_its_line_and_column()
    {
        var error = await ErrorFor(TestSite.Article.Replace("date: 2026-11-02", "date: soon", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.WrongType, error.Id);
        Assert.Equal("input/articles/hamstring-pain.md", error.Location?.File);
        Assert.Equal((4, 7), (error.Location!.Line, error.Location.Column));
        Assert.Contains("'date' must be a date written as YYYY-MM-DD", error.Message, StringComparison.Ordinal);
        Assert.Contains("'soon'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_in_the_australian_order_is_a_wrong_type()
    {
        var error = await ErrorFor(TestSite.Article.Replace("date: 2026-11-02", "date: 02/11/2026", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.WrongType, error.Id);
        Assert.Equal(4, error.Location?.Line);
    }

    [Fact]
    public async Task An_unknown_key_gets_a_did_you_mean()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("author: melissa", "autor: melissa", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();

        // The missing 'author' is reported too, but the typo, with its fix, is what the writer must see.
        Assert.Equal(2, result.Errors);
        var typo = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnknownKey);
        Assert.Equal((5, 1), (typo.Location!.Line, typo.Location.Column));
        Assert.Equal("Did you mean 'author'?", typo.Help);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.RequiredField && d.Message.Contains("'author'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelt_key_is_reported_at_its_line_with_the_suggestion()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("tags: [running]", "tgas: [running]", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.UnknownKey, error.Id);
        Assert.Equal((7, 1), (error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean 'tags'?", error.Help);
    }

    [Fact]
    public async Task A_misspelt_author_id_is_an_unknown_reference_with_a_suggestion()
    {
        var error = await ErrorFor(TestSite.Article.Replace("author: melissa", "author: melisa", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.UnknownReference, error.Id);
        Assert.Equal((5, 9), (error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean 'melissa'?", error.Help);
    }

    [Fact]
    public async Task A_renamed_condition_is_an_unknown_reference_at_the_list_item()
    {
        var error = await ErrorFor(TestSite.Article.Replace("conditions: [proximal-hamstring-tendinopathy]", "conditions: [proximal-hamstring-tendinopathie]", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.UnknownReference, error.Id);
        Assert.Equal((6, 14), (error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean 'proximal-hamstring-tendinopathy'?", error.Help);
    }

    [Fact]
    public async Task A_tab_in_the_yaml_is_reported_where_the_tab_is()
    {
        var error = await ErrorFor(TestSite.Article.Replace("tags: [running]", "tags:\n\t- running", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.YamlSyntax, error.Id);
        Assert.Equal((8, 1), (error.Location!.Line, error.Location.Column));
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_quote_is_a_yaml_syntax_error_inside_the_front_matter()
    {
        var error = await ErrorFor(TestSite.Article.Replace("title: Hamstring pain in runners", "title: \"Hamstring pain in runners", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.YamlSyntax, error.Id);
        Assert.InRange(error.Location!.Line, 2, 9);
    }

    [Fact]
    public async Task A_string_where_a_list_belongs_is_a_wrong_type()
    {
        var error = await ErrorFor(TestSite.Article.Replace("tags: [running]", "tags: running", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.WrongType, error.Id);
        Assert.Equal((7, 7), (error.Location!.Line, error.Location.Column));
        Assert.Contains("tags: [running]", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_field_names_the_field()
    {
        var error = await ErrorFor(TestSite.Article.Replace("title: Hamstring pain in runners\n", "", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.RequiredField, error.Id);
        Assert.Contains("'title'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public async Task A_file_without_front_matter_is_reported_at_its_first_line()
    {
        var error = await ErrorFor("# Just a heading\n\nNo front matter here.\n");
        Assert.Equal(DiagnosticIds.MissingFrontMatter, error.Id);
        Assert.Equal((1, 1), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public async Task An_image_without_alt_text_is_reported_at_the_markdown_position()
    {
        var error = await ErrorFor(TestSite.Article.Replace("Some text about hamstrings.", "Some text.\n\nSee ![](/assets/images/squat.svg) here.", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.MissingAltText, error.Id);
        Assert.Equal((11, 5), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public async Task A_front_matter_image_without_alt_is_reported()
    {
        var error = await ErrorFor(TestSite.Article.Replace("tags: [running]", "tags: [running]\nimage: /assets/images/squat.svg", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.MissingAltText, error.Id);
        Assert.Equal(8, error.Location?.Line);
    }

    [Fact]
    public async Task A_file_name_that_cannot_be_an_address_is_refused_with_a_suggestion()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/Knee Pain.md"] = TestSite.ArticleCalled("Knee pain") });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.InvalidFileName, error.Id);
        Assert.Contains("knee-pain.md", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_description_is_a_warning_not_an_error()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("description: Why runners get pain at the sitting bone and how physiotherapy helps them return.", "description: Too short.", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        Assert.Equal(0, result.Errors);
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == Engine.Diagnostics.Severity.Warning);
        Assert.Equal(DiagnosticIds.DescriptionLength, warning.Id);
        Assert.Equal((3, 14), (warning.Location!.Line, warning.Location.Column));

        var strict = await site.BuildAsync(new BuildOptions { WarningsAsErrors = true, Output = "strict" });
        Assert.False(Directory.Exists(Path.Combine(site.Root, "strict")));
        Assert.Equal(0, strict.FilesWritten);
    }

    [Fact]
    public async Task Errors_in_site_yml_point_into_site_yml()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/site.yml"] = TestSite.SiteYml.Replace("time_zone: Australia/Sydney", "time_zone: Australia/Sidney", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal("input/site.yml", error.Location?.File);
        Assert.Equal((4, 12), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public async Task Every_problem_of_a_build_is_reported_in_one_run()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/one.md"] = TestSite.ArticleCalled("One").Replace("date: 2026-11-02", "date: soon", StringComparison.Ordinal),
            ["input/articles/two.md"] = TestSite.ArticleCalled("Two").Replace("author: melissa", "author: nobody", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        Assert.Equal(["input/articles/one.md", "input/articles/two.md"], result.Diagnostics.Select(d => d.Location?.File));
    }
}
