using Site.Web.Checks;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public class LinkCheckTests
{
    private static async Task<BuildResult> BuildWithBody(string body, IDictionary<string, string?>? more = null)
    {
        var files = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["input/articles/linking.md"] = TestSite.ArticleCalled("Linking").Replace("Some text about hamstrings.", body, StringComparison.Ordinal),
        };
        using var site = new TestSite(files);
        return await site.BuildAsync();
    }

    [Fact]
    public async Task A_link_to_a_renamed_condition_is_reported_at_the_markdown_link_with_a_suggestion()
    {
        var error = TestSite.SingleError(await BuildWithBody("Intro.\n\nRead [the guide](/conditions/proximal-hamstring-tendinopathie/) first."));
        Assert.Equal(DiagnosticIds.BrokenLink, error.Id);
        Assert.Equal("input/articles/linking.md", error.Location?.File);
        Assert.Equal((11, 6), (error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean '/conditions/proximal-hamstring-tendinopathy/'?", error.Help);
    }

    [Fact]
    public async Task A_heading_anchor_that_no_longer_exists_is_reported_with_the_closest_one()
    {
        var error = TestSite.SingleError(await BuildWithBody("See [causes](/articles/hamstring-pain/#what-causes-this)."));
        Assert.Equal(DiagnosticIds.BrokenFragment, error.Id);
        Assert.Equal((9, 5), (error.Location!.Line, error.Location.Column));
        Assert.Equal("Did you mean '#what-causes-it'?", error.Help);
    }

    [Fact]
    public async Task A_same_page_fragment_is_checked()
    {
        var error = TestSite.SingleError(await BuildWithBody("Jump [down](#nowhere)."));
        Assert.Equal(DiagnosticIds.BrokenFragment, error.Id);
    }

    [Theory]
    [InlineData("[a](/articles/hamstring-pain)")]
    [InlineData("[a](../hamstring-pain/)")]
    [InlineData("[a](/articles/hamstring-pain/#what-causes-it)")]
    [InlineData("[a](https://test.example/articles/hamstring-pain/)")]
    [InlineData("[a](/feed.xml)")]
    [InlineData("[a](/404.html)")]
    [InlineData("[a](/articles/?page=2)")]
    [InlineData("[a](#what-causes-it)")]
    [InlineData("[a](mailto:hello@test.example)")]
    [InlineData("[a](tel:+61255500000)")]
    [InlineData("[a](https://elsewhere.example/page)")]
    public async Task Links_that_work_on_Netlify_pass(string link)
    {
        TestSite.AssertClean(await BuildWithBody($"Text {link} more."));
    }

    [Theory]
    [InlineData("[a](/Articles/hamstring-pain/)")]
    [InlineData("[a](/articles/hamstring-pain/index.htm)")]
    [InlineData("[a](https://test.example/nothing-here/)")]
    [InlineData("<img src=\"/assets/missing.png\" alt=\"x\">")]
    [InlineData("<img src=\"/404.html\" srcset=\"/assets/big.png 2x\" alt=\"x\">")]
    public async Task Links_that_would_404_on_Netlify_fail(string link)
    {
        var error = TestSite.SingleError(await BuildWithBody($"Text {link} more."));
        Assert.Equal(DiagnosticIds.BrokenLink, error.Id);
    }

    [Theory]
    [InlineData("[mail](mailto:hello.test.example)")]
    [InlineData("[call](tel:call-us-now)")]
    public async Task Malformed_contact_links_fail(string link)
    {
        var error = TestSite.SingleError(await BuildWithBody($"Text {link}."));
        Assert.Equal(DiagnosticIds.BadContactLink, error.Id);
        Assert.Equal(9, error.Location?.Line);
    }

    [Fact]
    public async Task A_broken_navigation_link_points_into_site_yml()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/site.yml"] = TestSite.SiteYml + "\nnavigation:\n  - title: About\n    url: /abuot/\n",
        });
        var result = await site.BuildAsync();
        var errors = result.Diagnostics.Where(d => d.Id == DiagnosticIds.BrokenLink).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(("input/site.yml", 19, 10), (e.Location!.File, e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public async Task A_broken_link_written_by_a_template_points_at_the_template_and_names_the_page()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/page.sbn"] = "<div data-site=\"body\">\n  <a href=\"/contact-us/\">Contact</a>\n{{ item.body }}</div>\n",
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.BrokenLink, error.Id);
        Assert.Equal(("theme/layouts/page.sbn", 2, 12), (error.Location!.File, error.Location.Line, error.Location.Column));
        Assert.Contains("/medical-disclaimer/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_front_matter_image_that_does_not_exist_points_at_its_line()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("tags: [running]", "tags: [running]\nimage: /assets/images/squat.jpg\nimage_alt: A squat", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.BrokenLink, error.Id);
        Assert.Equal((8, 8), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public async Task Duplicate_ids_on_a_page_are_a_warning()
    {
        var result = await BuildWithBody("<p id=\"twice\">One</p>\n\n<p id=\"twice\">Two</p>");
        Assert.Equal(0, result.Errors);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.DuplicateId);
        Assert.Contains("'twice'", warning.Message, StringComparison.Ordinal);
        Assert.Equal("input/articles/linking.md", warning.Location?.File);
    }

    [Fact]
    public async Task Every_broken_link_of_a_build_is_listed_sorted_by_file_and_line()
    {
        var result = await BuildWithBody("[one](/nope/)\n\n[two](/also-nope/)\n\n[three](#gone)");
        Assert.Equal([9, 11, 13], result.Diagnostics.Select(d => d.Location!.Line));
    }

    [Fact]
    public void The_scanner_finds_urls_in_every_place_a_page_can_hold_them()
    {
        const string html = """
            <link rel="canonical" href="https://test.example/a/"><meta property="og:image" content="/img/og.png">
            <!-- <a href="/commented-out/"> -->
            <img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x"><picture><source srcset="/s.webp"></picture>
            <script src="/app.js">var x = "<a href='/inside-script/'>";</script><video poster="/p.jpg"><source src="/v.mp4"></video>
            <iframe src="/frame/"></iframe><a href='/single&amp;quoted/' id=top>x</a><a name="legacy"></a>
            """;
        var scan = PageScan.Of("page.html", html);
        Assert.Equal(
            ["https://test.example/a/", "/img/og.png", "/i.png", "/i-1x.png", "/i-2x.png", "/s.webp", "/app.js", "/p.jpg", "/v.mp4", "/frame/", "/single&quoted/"],
            scan.Urls);
        Assert.Equal(["legacy", "top"], scan.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Feeds_and_sitemaps_are_scanned_too()
    {
        Assert.Equal(["https://x.example/a/", "https://x.example/feed.xml"], PageScan.Of("sitemap.xml", "<urlset><url><loc>https://x.example/a/</loc></url></urlset><link href=\"https://x.example/feed.xml\"/>").Urls);
        Assert.Equal(["https://x.example/"], PageScan.Of("feed.json", """{"home_page_url":"https://x.example/","items":[{"content_html":"<a href=\"/in-content/\">x</a>"}]}""").Urls);
    }
}
