using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Raw HTML in Markdown: harmless inline tags pass; anything that could run code is an error at its line.</summary>
public class RawHtmlTests
{
    private const string File = "input/articles/hamstring-pain.md";

    /// <summary>The test article with <paramref name="body"/> added after its text, which ends on line 12.</summary>
    private static async Task<BuildResult> Build(string body)
    {
        using var site = new TestSite(new Dictionary<string, string?> { [File] = TestSite.Article + "\n\n" + body + "\n" });
        return await site.BuildAsync();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", 14, "<script>")]
    [InlineData("A picture: <img src=\"/x.png\" alt=\"x\" onerror=\"alert(1)\"> here.", 14, "'onerror'")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", 14, "<iframe>")]
    [InlineData("A picture: <img src=\" javascript:alert(1)\" alt=\"x\"> here.", 14, "javascript:")]
    [InlineData("Open <a href=\"data:text/html,<b>hi</b>\">this guide to stretching</a>.", 14, "data:")]
    [InlineData("<div class=\"note\">\n<p>Fine so far</p>\n<style>body{display:none}</style>\n</div>", 16, "<style>")]
    public async Task Html_that_could_run_code_is_an_error_at_its_line(string body, int line, string names)
    {
        var result = await Build(body);
        var error = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnsafeHtml);
        Assert.Equal((File, line), (error.Location!.File, error.Location.Line));
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harmless_inline_html_is_fine()
    {
        TestSite.AssertClean(await Build("Press <kbd>Ctrl</kbd> and <kbd>F</kbd> to search, twice<sup>2</sup>.<br>\n<abbr title=\"Australian Health Practitioner Regulation Agency\">Ahpra</abbr> registers physiotherapists."));
    }
}
