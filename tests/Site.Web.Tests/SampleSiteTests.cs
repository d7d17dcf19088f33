using System.Xml.Linq;

namespace Site.Web.Tests;

/// <summary>The real sample content in input/ builds clean and produces every page of the site map.</summary>
public sealed class SampleSiteTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private readonly string _output = sample.Output;
    private readonly BuildResult _result = sample.Result;

    [Fact]
    public void The_sample_builds_with_no_errors_and_no_warnings() => TestSite.AssertClean(_result);

    [Fact]
    public void Every_page_of_the_site_map_exists()
    {
        string[] pages =
        [
            "index.html", "articles/index.html", "conditions/index.html", "search/index.html", "404.html",
            "sitemap.xml", "robots.txt", "feed.xml", "feed.json", "about/index.html", "privacy/index.html", "medical-disclaimer/index.html",
            "conditions/proximal-hamstring-tendinopathy/index.html", "authors/melissa/index.html", "authors/nicole/index.html",
            "articles/proximal-hamstring-tendinopathy-in-runners/index.html", "tags/running/index.html", "tags/hamstring/index.html",
        ];
        Assert.All(pages, page => Assert.True(File.Exists(Path.Combine(_output, page)), page));

        // Twelve articles to a page (site.yml): the sample's articles fit on one, with no empty second page.
        Assert.False(File.Exists(Path.Combine(_output, "articles", "page", "2", "index.html")));
        foreach (var article in Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input", "articles"), "*.md"))
        {
            Assert.True(File.Exists(Path.Combine(_output, "articles", Path.GetFileNameWithoutExtension(article), "index.html")), article);
        }
    }

    [Fact]
    public void Every_article_condition_and_author_page_has_the_booking_link_and_the_disclaimer()
    {
        var settings = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "input", "site.yml"));
        Assert.Contains("url: https://book.physionorth.example/", settings, StringComparison.Ordinal);
        // The disclaimer as site.yml writes it, folded over lines, and as readers see it, on one.
        const string disclaimer = "The exercises and information on this page are general in nature and are not a substitute for advice about your own situation.";
        Assert.Contains(disclaimer, string.Join(' ', settings.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal);

        foreach (var folder in new[] { "articles", "conditions", "authors" })
        {
            foreach (var page in Directory.EnumerateDirectories(Path.Combine(_output, folder)).Where(d => Path.GetFileName(d) != "page"))
            {
                var html = File.ReadAllText(Path.Combine(page, "index.html"));
                Assert.Matches("href=\"https://book\\.physionorth\\.example/[a-z]*\"", html);
                if (folder != "authors")
                {
                    Assert.Contains(disclaimer, html, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void The_sitemap_lists_each_indexable_page_with_content_dates()
    {
        var sitemap = XDocument.Load(Path.Combine(_output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        Assert.Equal("2026-11-02", urls["https://www.physionorth.example/articles/proximal-hamstring-tendinopathy-in-runners/"]);
        Assert.Equal("2026-10-05", urls["https://www.physionorth.example/articles/your-first-physiotherapy-appointment/"]);
        Assert.DoesNotContain(urls.Keys, u => u.EndsWith("404.html", StringComparison.Ordinal));
        var htmlPages = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories).Count(f => !f.EndsWith("404.html", StringComparison.Ordinal) && !f.Contains("/admin/", StringComparison.Ordinal));
        Assert.Equal(htmlPages, urls.Count);
    }
}
