using System.Text.RegularExpressions;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>The home page's heading and photo from site.yml, the clinic's directions link, and the index of topics.</summary>
public sealed partial class HomeAndTopicsTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    [Fact]
    public void The_home_page_says_what_the_clinic_does_beside_a_resized_photo_that_loads_first()
    {
        var html = sample.Read("index.html");
        Assert.Equal("Physiotherapy for runners and active people in Northville", Heading1().Match(html).Groups[1].Value);
        var hero = Regex.Match(html, "<img src=\"(/_assets/[^\"]+)\"[^>]*class=\"hero__image\"[^>]*>").Value;
        Assert.Contains("treatment-room", hero, StringComparison.Ordinal);
        Assert.Contains("fetchpriority=\"high\"", hero, StringComparison.Ordinal);
        Assert.DoesNotContain("loading=\"lazy\"", hero, StringComparison.Ordinal);
        Assert.Contains("sizes=\"(min-width: 64rem) 30rem, 100vw\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.google.com/maps/search/42+Riverbank+Road+Northville+NSW+2999\">Get directions", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_home_heading_the_clinics_name_is_the_h1_and_there_is_no_directions_link()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var html = site.ReadOutput("index.html");
        Assert.Equal("Test Clinic", Heading1().Match(html).Groups[1].Value);
        Assert.DoesNotContain("Get directions", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("home:\n  heading: Physiotherapy, massage, pilates, hydrotherapy and exercise classes for everyone in Testville and nearby\n", "Physiotherapy, massage", "90")]
    [InlineData("home:\n  image: https://elsewhere.example/room.jpg\n  image_alt: A room\n", "https://elsewhere.example", "starting with '/'")]
    [InlineData("home:\n  headline: Physio in Testville\n", "headline", "heading")]
    public async Task A_mistake_in_site_yml_home_is_reported_at_its_line(string block, string at, string message)
    {
        var yml = TestSite.SiteYml + "\n" + block;
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(TestSite.Position(yml, at), (error.Location!.Line, error.Location.Column));
        Assert.Contains(message, error.Message + " " + error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directions_link_that_is_not_an_https_address_is_refused_at_its_line()
    {
        var yml = TestSite.SiteYml.Replace("  phone: (02) 5550 0000", "  phone: (02) 5550 0000\n  directions_url: maps.example/clinic", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.WrongType, error.Id);
        Assert.Equal(TestSite.Position(yml, "maps.example/clinic"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void The_topics_page_lists_every_topic_with_its_count_and_each_topic_page_leads_back_to_it()
    {
        var html = sample.Read("tags/index.html");
        Assert.Equal("Topics", Heading1().Match(html).Groups[1].Value);
        var topics = Regex.Matches(html, "<a class=\"chip\" href=\"(/tags/[^\"]+/)\">([^<]+) <span class=\"chip__count\">([^<]+)</span>").Select(m => (Url: m.Groups[1].Value, Name: m.Groups[2].Value, Count: m.Groups[3].Value)).ToList();
        var pages = Directory.GetDirectories(Path.Combine(sample.Output, "tags")).Select(d => $"/tags/{Path.GetFileName(d)}/").Order(StringComparer.Ordinal);
        Assert.Equal(pages, topics.Select(t => t.Url).Order(StringComparer.Ordinal));
        Assert.Contains(("/tags/running/", "running"), topics.Select(t => (t.Url, t.Name)));
        foreach (var (url, _, count) in topics)
        {
            var listed = Regex.Count(sample.Read(url.TrimStart('/') + "index.html"), "<li class=\"card card--article\">");
            Assert.Equal($"{listed} {(listed == 1 ? "article" : "articles")}", count);
        }

        var running = sample.Read("tags/running/index.html");
        Assert.Matches("<nav class=\"breadcrumbs wrap\" aria-label=\"Breadcrumb\">\\s*<ol>\\s*<li><a href=\"/\">Home</a></li>\\s*<li><a href=\"/tags/\">Topics</a></li>", running);
        Assert.Contains("\"@type\":\"CollectionPage\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_without_topics_has_no_topics_page()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("tags: [running]\n", "", StringComparison.Ordinal) });
        TestSite.AssertClean(await site.BuildAsync());
        Assert.False(site.OutputExists("tags/index.html"));
    }

    [GeneratedRegex("<h1[^>]*>([^<]*)</h1>")]
    private static partial Regex Heading1();
}
