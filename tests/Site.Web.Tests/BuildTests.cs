using System.Security.Cryptography;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public class BuildTests
{
    [Fact]
    public async Task A_small_site_builds_every_kind_of_page()
    {
        using var site = new TestSite();
        var result = await site.BuildAsync();
        TestSite.AssertClean(result);
        foreach (var page in new[]
        {
            "index.html", "articles/index.html", "articles/hamstring-pain/index.html", "conditions/index.html",
            "conditions/proximal-hamstring-tendinopathy/index.html", "authors/melissa/index.html", "tags/running/index.html",
            "medical-disclaimer/index.html", "search/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "feed.json",
            "_redirects", "_headers",
        })
        {
            Assert.True(site.OutputExists(page), page);
        }

        Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "_assets", "css"), "site.*.css"));
    }

    [Fact]
    public async Task Pages_show_the_configured_booking_link_and_disclaimer()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var article = site.ReadOutput("articles/hamstring-pain/index.html");
        Assert.Contains("href=\"https://book.test.example/\"", article, StringComparison.Ordinal);
        Assert.Contains("General information only. Get advice before any new exercise.", article, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/authors/melissa/\" rel=\"author\">Melissa Hartley</a>, Physiotherapist", article, StringComparison.Ordinal);
        var condition = site.ReadOutput("conditions/proximal-hamstring-tendinopathy/index.html");
        Assert.Contains("href=\"/articles/hamstring-pain/\"", condition, StringComparison.Ordinal);
        Assert.True(
            condition.IndexOf("data-site=\"body\"", StringComparison.Ordinal) < condition.IndexOf("data-site=\"disclaimer\"", StringComparison.Ordinal)
            && condition.IndexOf("data-site=\"disclaimer\"", StringComparison.Ordinal) < condition.IndexOf("data-site=\"book-now\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_author_with_a_booking_url_gets_their_own_call_to_action()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/authors/melissa.md"] = TestSite.Author.Replace("registration: PHY0000000001", "registration: PHY0000000001\nbooking_url: https://book.test.example/melissa", StringComparison.Ordinal),
        });
        TestSite.AssertClean(await site.BuildAsync());
        Assert.Contains("href=\"https://book.test.example/melissa\">Book with Melissa", site.ReadOutput("authors/melissa/index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"https://book.test.example/melissa\"", site.ReadOutput("articles/hamstring-pain/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_byte_for_byte()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var before = Snapshot(site.Output);

        site.Write("input/articles/hamstring-pain.md", TestSite.Article.Replace("date: 2026-11-02", "date: soon", StringComparison.Ordinal));
        site.Write("input/articles/new-article.md", TestSite.ArticleCalled("New article"));
        var failed = await site.BuildAsync();

        Assert.Equal(1, failed.Errors);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Single(Directory.EnumerateDirectories(site.Root), d => Path.GetFileName(d).Contains("output", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_from_an_earlier_build_that_are_no_longer_produced_are_removed()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/old-news.md"] = TestSite.ArticleCalled("Old news") });
        TestSite.AssertClean(await site.BuildAsync());
        Assert.True(site.OutputExists("articles/old-news/index.html"));

        site.Write("input/articles/old-news.md", null);
        TestSite.AssertClean(await site.BuildAsync());
        Assert.False(site.OutputExists("articles/old-news/index.html"));
    }

    [Theory]
    [InlineData("input")]
    [InlineData("theme")]
    [InlineData("src")]
    [InlineData(".")]
    public async Task An_output_folder_that_is_or_contains_sources_is_refused(string folder)
    {
        using var site = new TestSite();
        Directory.CreateDirectory(Path.Combine(site.Root, "src"));
        var before = Snapshot(site.Root);
        var result = await SiteBuilder.BuildAsync(new BuildOptions
        {
            Input = Path.Combine(site.Root, "input"),
            Theme = Path.Combine(site.Root, "theme"),
            Output = Path.Combine(site.Root, folder),
            DisplayRoot = site.Root,
        });
        Assert.Equal(DiagnosticIds.OutputRefused, TestSite.SingleError(result).Id);
        Assert.Equal(before, Snapshot(site.Root));
    }

    [Fact]
    public async Task A_page_that_would_replace_a_generated_page_is_a_collision_naming_the_file()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/pages/search.md"] = TestSite.Disclaimer.Replace("title: Medical disclaimer", "title: Search tips", StringComparison.Ordinal).Replace("description: The", "description: Search tips. The", StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal("SITE0004", error.Id);
        Assert.Contains("'search/index.html'", error.Message, StringComparison.Ordinal);
        Assert.Contains("input/pages/search.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_left_out_unless_asked_for()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/draft.md"] = TestSite.ArticleCalled("Draft").Replace("tags: [running]", "tags: [running]\ndraft: true", StringComparison.Ordinal),
        });
        TestSite.AssertClean(await site.BuildAsync());
        Assert.False(site.OutputExists("articles/draft/index.html"));
        Assert.DoesNotContain("/articles/draft/", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);

        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { Drafts = true }));
        Assert.True(site.OutputExists("articles/draft/index.html"));
    }

    [Theory]
    [InlineData("2026-11-24T12:59:00Z", false)] // 23:59 on the 24th in Sydney (UTC+11): not yet.
    [InlineData("2026-11-24T13:00:00Z", true)] // Midnight on the 25th in Sydney, still the 24th in UTC.
    public async Task A_future_article_appears_on_its_date_in_the_clinic_time_zone(string now, bool published)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/tomorrow.md"] = TestSite.ArticleCalled("Tomorrow", "2026-11-25"),
        });
        var result = await site.BuildAsync(new BuildOptions { Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(0, result.Errors);
        Assert.Equal(published, site.OutputExists("articles/tomorrow/index.html"));
        Assert.Equal(!published, result.Diagnostics.Any(d => d.Id == DiagnosticIds.NextScheduled));

        var future = await site.BuildAsync(new BuildOptions { Future = true, Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(0, future.Errors);
        Assert.True(site.OutputExists("articles/tomorrow/index.html"));
    }

    [Fact]
    public async Task Article_index_is_paginated()
    {
        var files = Enumerable.Range(1, 5).ToDictionary(
            i => $"input/articles/article-{i}.md",
            i => (string?)TestSite.ArticleCalled($"Article {i}", $"2026-11-0{i}"));
        files["input/site.yml"] = TestSite.SiteYml + "\narticles_per_page: 2\n";
        using var site = new TestSite(files);
        TestSite.AssertClean(await site.BuildAsync());
        Assert.True(site.OutputExists("articles/page/3/index.html"));
        Assert.False(site.OutputExists("articles/page/4/index.html"));
        var first = site.ReadOutput("articles/index.html");
        Assert.Contains("Article 5", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/page/2/\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/page/2/\" rel=\"prev\"", site.ReadOutput("articles/page/3/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_page_over_a_megabyte_is_written_whole()
    {
        var files = Enumerable.Range(1, 1500).ToDictionary(
            i => $"input/articles/a-{i:D4}.md",
            i => (string?)TestSite.Article
                .Replace("title: Hamstring pain in runners", $"title: Article {i} {new string('x', 600)}", StringComparison.Ordinal)
                .Replace("description: Why runners", $"description: Article number {i}, why runners", StringComparison.Ordinal)
                .Replace("Number", "Article number", StringComparison.Ordinal));
        using var site = new TestSite(files);
        TestSite.AssertClean(await site.BuildAsync());
        var search = site.ReadOutput("search/index.html");
        Assert.True(search.Length > 1024 * 1024, $"only {search.Length} characters");
        Assert.EndsWith("</html>\n", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_of_the_same_content_are_identical()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var first = Snapshot(site.Output);
        TestSite.AssertClean(await site.BuildAsync());
        Assert.Equal(first, Snapshot(site.Output));
    }

    [Fact]
    public async Task Check_mode_runs_everything_and_writes_nothing()
    {
        using var site = new TestSite();
        var result = await site.BuildAsync(new BuildOptions { WriteOutput = false });
        TestSite.AssertClean(result);
        Assert.False(Directory.Exists(site.Output));
        Assert.Single(Directory.EnumerateDirectories(site.Root).Select(Path.GetFileName), n => n == "input");
    }

    internal static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
