using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Values that would leave their HTML attribute, or run script, are refused where they are written.</summary>
public class HostileValueTests
{
    [Theory]
    [InlineData("input/articles/hamstring-pain.md", "tags: [running]", "tags: [running]\nimage: '/x.svg\" alt=\"x\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/'\nimage_alt: An image", 8)]
    [InlineData("input/authors/melissa.md", "registration: PHY0000000001", "registration: PHY0000000001\nphoto: javascript:alert(1)\nphoto_alt: A photo", 6)]
    [InlineData("input/authors/melissa.md", "registration: PHY0000000001", "registration: PHY0000000001\nbooking_url: javascript:alert(1)", 6)]
    public async Task A_hostile_address_in_front_matter_is_an_error_at_its_line(string file, string find, string replace, int line)
    {
        var original = file.Contains("articles", StringComparison.Ordinal) ? TestSite.Article : TestSite.Author;
        using var site = new TestSite(new Dictionary<string, string?> { [file] = original.Replace(find, replace, StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.WrongType, file, line), (error.Id, error.Location!.File, error.Location.Line));
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("language: en-AU", "language: 'en\" onload=\"alert(1)'", "language")]
    [InlineData("description: A clinic", "social_image: '/x.png\" onerror=\"alert(1)'\nsocial_image_alt: Card\ndescription: A clinic", "social_image")]
    [InlineData("description: A clinic", "navigation:\n  - title: Evil\n    url: javascript:alert(1)\ndescription: A clinic", "navigation address")]
    [InlineData("phone: (02) 5550 0000", "phone: (02) 5550 0000\n  email: 'a@b.example\" onclick=\"alert(1)'", "clinic.email")]
    [InlineData("text: General information only.", "page: 'x\" onclick=\"alert(1)'\n  text: General information only.", "disclaimer.page")]
    public async Task A_hostile_value_in_site_yml_is_an_error(string find, string replace, string named)
    {
        var yml = TestSite.SiteYml.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(TestSite.SiteYml, yml);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.WrongType, "input/site.yml"), (error.Id, error.Location!.File));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags: [running]", "tags: [running, ..]", 7, "no letters or digits")]
    [InlineData("tags: [running]", "tags: [running, /]", 7, "no letters or digits")]
    [InlineData("tags: [running]", "tags: [running, Боль]", 7, "cannot become a web address")]
    [InlineData("tags: [running]", "tags: [running]\naliases: [\"/*\"]", 8, "without '*'")]
    [InlineData("tags: [running]", "tags: [running]\naliases: [/old/:slug/]", 8, "without '*'")]
    [InlineData("date: 2026-11-02", "date: 0001-01-01", 4, "between the years 1900 and 2200")]
    public async Task A_value_that_would_break_an_address_or_a_feed_is_an_error_at_its_line(string find, string replace, int line, string says)
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace(find, replace, StringComparison.Ordinal) });
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.Equal((DiagnosticIds.WrongType, "input/articles/hamstring-pain.md", line), (error.Id, error.Location!.File, error.Location.Line));
        Assert.Contains(says, error.Message + " " + error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_matter_that_is_opened_but_never_closed_says_so()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = "---\ntitle: Open\ndescription: Never closed.\n\nSome text.\n" });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.MissingFrontMatter, 1), (error.Id, error.Location!.Line));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }
}
