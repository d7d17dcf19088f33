using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public sealed partial class SeoTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private const string Base = "https://www.physionorth.example";

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    private static List<JsonElement> Graph(string html)
    {
        var scripts = JsonLd().Matches(html);
        Assert.Single(scripts);
        using var json = JsonDocument.Parse(scripts[0].Groups[1].Value);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        return [.. json.RootElement.GetProperty("@graph").EnumerateArray().Select(e => e.Clone())];
    }

    private static JsonElement Node(List<JsonElement> graph, string type) =>
        Assert.Single(graph, n => Types(n).Contains(type));

    private static string[] Types(JsonElement node) => node.GetProperty("@type").ValueKind == JsonValueKind.Array
        ? [.. node.GetProperty("@type").EnumerateArray().Select(t => t.GetString()!)]
        : [node.GetProperty("@type").GetString()!];

    private static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                if (properties.Count == 1 && properties[0].Name == "@id")
                {
                    yield return properties[0].Value.GetString()!;
                }

                foreach (var property in properties.Where(p => p.Name != "@id"))
                {
                    foreach (var reference in References(property.Value))
                    {
                        yield return reference;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var reference in References(item))
                    {
                        yield return reference;
                    }
                }

                break;
        }
    }

    [Fact]
    public void Every_page_has_one_graph_whose_references_all_resolve_and_no_ratings()
    {
        foreach (var page in sample.HtmlPages())
        {
            var html = sample.Read(page);
            var graph = Graph(html);
            var ids = graph.Select(n => n.GetProperty("@id").GetString()!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(graph.SelectMany(References), r => Assert.Contains(r, ids));
            Assert.DoesNotContain("aggregateRating", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"review\"", html, StringComparison.Ordinal);
            Node(graph, "MedicalClinic");
            Node(graph, "WebSite");

            // A trail of at least two items, or none (the home and 404 pages): search engines refuse one item.
            var trails = graph.Where(n => n.GetProperty("@type").ToString() == "BreadcrumbList").ToList();
            Assert.True(trails.Count == (page is "index.html" or "404.html" ? 0 : 1), $"{page} has {trails.Count} BreadcrumbLists");
            Assert.All(trails, t => Assert.True(t.GetProperty("itemListElement").GetArrayLength() >= 2, page));
        }
    }

    [Fact]
    public async Task The_home_page_title_is_site_yml_home_title_and_one_too_long_for_search_results_is_refused()
    {
        var title = Regex.Match(sample.Read("index.html"), "<title>(.*?)</title>").Groups[1].Value;
        Assert.Equal("Physionorth: physiotherapy for runners in Northville", title);

        var yml = TestSite.SiteYml + "\nhome_title: Physionorth, physiotherapy for runners, walkers and everyone else in Northville\n";
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(TestSite.Position(yml, "Physionorth, physio"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("60", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": physiotherapy in your suburb", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_page_says_what_it_lists_once_and_its_items_are_the_next_heading_level()
    {
        foreach (var (page, title) in new[] { ("articles/index.html", "Articles"), ("tags/running/index.html", "Articles about running") })
        {
            var html = sample.Read(page);
            var headings = Regex.Matches(html, @"<h([1-6])[^>]*>(.*?)</h\1>").Select(m => (Level: m.Groups[1].Value, Text: Regex.Replace(m.Groups[2].Value, "<[^>]+>", ""))).ToList();
            Assert.Equal(("1", title), headings[0]);
            Assert.All(headings.Skip(1), h => Assert.Equal("2", h.Level));
            Assert.DoesNotContain(headings.Skip(1), h => h.Text == "Articles");
        }
    }

    [Fact]
    public void The_clinic_is_a_physiotherapy_medical_clinic_with_address_hours_and_booking()
    {
        var clinic = Node(Graph(sample.Read("index.html")), "Physiotherapy");
        Assert.Equal(["Physiotherapy", "MedicalClinic"], Types(clinic));
        Assert.Equal("(02) 5550 1234", clinic.GetProperty("telephone").GetString());
        Assert.Equal("Northville", clinic.GetProperty("address").GetProperty("addressLocality").GetString());
        var hours = clinic.GetProperty("openingHoursSpecification");
        Assert.Equal("07:00", hours[0].GetProperty("opens").GetString());
        Assert.Equal(5, hours[0].GetProperty("dayOfWeek").GetArrayLength());
        var action = clinic.GetProperty("potentialAction");
        Assert.Equal("ReserveAction", action.GetProperty("@type").GetString());
        Assert.Equal("https://book.physionorth.example/", action.GetProperty("target").GetProperty("urlTemplate").GetString());
    }

    [Fact]
    public void An_article_is_a_blog_posting_on_a_reviewed_medical_web_page_about_its_condition()
    {
        var html = sample.Read("articles/proximal-hamstring-tendinopathy-in-runners/index.html");
        var graph = Graph(html);
        var page = Node(graph, "MedicalWebPage");
        Assert.Equal("2026-11-02", page.GetProperty("lastReviewed").GetString());
        Assert.Equal(Base + "/authors/nicole/#person", page.GetProperty("reviewedBy").GetProperty("@id").GetString());
        Assert.Equal(Base + "/conditions/proximal-hamstring-tendinopathy/#condition", page.GetProperty("about")[0].GetProperty("@id").GetString());
        var posting = Node(graph, "BlogPosting");
        Assert.Equal("2026-11-02T00:00:00+11:00", posting.GetProperty("datePublished").GetString());
        Assert.StartsWith("Proximal hamstring tendinopathy", posting.GetProperty("headline").GetString(), StringComparison.Ordinal);
        var author = graph.Single(n => n.GetProperty("@id").GetString() == posting.GetProperty("author").GetProperty("@id").GetString());
        Assert.Equal("Melissa Hartley", author.GetProperty("name").GetString());
        Assert.Equal("Running and sports physiotherapist", author.GetProperty("jobTitle").GetString());
        Assert.Equal(Base + "/authors/melissa/", author.GetProperty("url").GetString());

        // People can see every fact the graph states.
        Assert.Contains("Last reviewed <time datetime=\"2026-11-02\">2 November 2026</time> by <a href=\"/authors/nicole/\">Nicole Tran</a>, Sports physiotherapist. Next review due <time datetime=\"2027-11-02\">2 November 2027</time>.", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"author\">Melissa Hartley</a>, Running and sports physiotherapist", html, StringComparison.Ordinal);
        Assert.Contains("Published <time datetime=\"2026-11-02\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated <time", html, StringComparison.Ordinal);
        Assert.Contains("Updated <time datetime=\"2026-10-05\">", sample.Read("articles/your-first-physiotherapy-appointment/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_page_marks_up_symptoms_risk_factors_and_treatments_it_shows()
    {
        var html = sample.Read("conditions/proximal-hamstring-tendinopathy/index.html");
        var condition = Node(Graph(html), "MedicalCondition");
        var symptoms = condition.GetProperty("signOrSymptom").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Equal(6, symptoms.Count);
        Assert.All(symptoms, s => Assert.Contains(System.Net.WebUtility.HtmlEncode(s), html, StringComparison.Ordinal));
        Assert.Equal("MedicalRiskFactor", condition.GetProperty("riskFactor")[0].GetProperty("@type").GetString());
        Assert.Equal("MedicalTherapy", condition.GetProperty("possibleTreatment")[0].GetProperty("@type").GetString());
    }

    [Fact]
    public void An_author_page_is_a_profile_page_about_its_person()
    {
        var graph = Graph(sample.Read("authors/nicole/index.html"));
        var profile = Node(graph, "ProfilePage");
        Assert.Equal(Base + "/authors/nicole/#person", profile.GetProperty("mainEntity").GetProperty("@id").GetString());
        Assert.Equal("Nicole Tran", Node(graph, "Person").GetProperty("name").GetString());
    }

    [Fact]
    public void Breadcrumbs_in_the_graph_match_the_visible_ones()
    {
        var html = sample.Read("articles/increasing-your-running-safely/index.html");
        var items = Node(Graph(html), "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Home", "Articles", "How to increase your running without getting injured"], items.Select(i => i.GetProperty("name").GetString()));
        foreach (var item in items)
        {
            var path = item.GetProperty("item").GetString()![Base.Length..];
            Assert.Contains($"<a href=\"{path}\"", html[html.IndexOf("aria-label=\"Breadcrumb\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_head_has_a_unique_title_and_description_one_canonical_and_open_graph()
    {
        var titles = new HashSet<string>();
        var descriptions = new HashSet<string>();
        foreach (var page in sample.HtmlPages().Where(p => p != "404.html"))
        {
            var html = sample.Read(page);
            var url = Base + "/" + (page == "index.html" ? "" : page[..^"index.html".Length]);
            Assert.StartsWith("<!doctype html>\n<html lang=\"en-AU\">", html, StringComparison.Ordinal);
            Assert.True(titles.Add(Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value), page);
            Assert.True(descriptions.Add(Regex.Match(html, "<meta name=\"description\" content=\"(.*?)\">").Groups[1].Value), page);
            Assert.Single(Regex.Matches(html, "rel=\"canonical\""));
            Assert.Contains($"<link rel=\"canonical\" href=\"{url}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<meta property=\"og:url\" content=\"{url}\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta property=\"og:locale\" content=\"en_AU\">", html, StringComparison.Ordinal);
            // Every page shares a 1200 x 630 card made from its photo or the clinic's social image, and says its size.
            var card = Regex.Match(html, "<meta property=\"og:image\" content=\"https://www.physionorth.example/(_assets/images/[a-z0-9-]+-card\\.[0-9a-f]{10}\\.jpg)\">");
            Assert.True(card.Success, page);
            Assert.True(sample.Exists(card.Groups[1].Value), card.Groups[1].Value);
            Assert.Contains("<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta name=\"twitter:card\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/feed.xml\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/feed.json\"", html, StringComparison.Ordinal);
        }

        var article = sample.Read("articles/your-first-physiotherapy-appointment/index.html");
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", article, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:published_time\" content=\"2026-09-15T00:00:00+10:00\">", article, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:modified_time\" content=\"2026-10-05T00:00:00+11:00\">", article, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", sample.Read("404.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sitemap_robots_and_feeds_list_exactly_the_expected_urls()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(sample.Read("sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        var expected = sample.HtmlPages().Where(p => p != "404.html").Select(p => Base + "/" + (p == "index.html" ? "" : p[..^"index.html".Length])).Order(StringComparer.Ordinal);
        Assert.Equal(expected, locs);
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", sample.Read("robots.txt"), StringComparison.Ordinal);

        var articles = Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input", "articles"), "*.md")
            .Select(f => $"{Base}/articles/{Path.GetFileNameWithoutExtension(f)}/").Order(StringComparer.Ordinal).ToList();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(sample.Read("feed.xml")).Root!.Elements(atom + "entry").ToList();
        Assert.Equal(articles, entries.Select(e => e.Element(atom + "id")!.Value).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.NotEmpty(e.Element(atom + "author")!.Element(atom + "name")!.Value));
        using var json = JsonDocument.Parse(sample.Read("feed.json"));
        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(articles, json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lastmod_and_feed_dates_do_not_change_between_builds_of_unchanged_content()
    {
        var second = Path.Combine(Path.GetDirectoryName(sample.Output)!, "second");
        var result = await SampleBuild.Build(second);
        Assert.Equal(0, result.Errors);
        foreach (var file in new[] { "sitemap.xml", "feed.xml", "feed.json" })
        {
            Assert.Equal(sample.Read(file), File.ReadAllText(Path.Combine(second, file)));
        }
    }
}

public class SeoCheckTests
{
    [Fact]
    public async Task Two_pages_with_the_same_title_are_both_reported()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/copy.md"] = TestSite.Article.Replace("description: Why runners", "description: Another look at why runners", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        var errors = result.Diagnostics.Where(d => d.Id == DiagnosticIds.TitleDuplicate).ToList();
        Assert.Equal(["input/articles/copy.md", "input/articles/hamstring-pain.md"], errors.Select(e => e.Location!.File));
        Assert.Equal(0, result.Errors);
        Assert.Equal(2, result.Warnings);
    }

    [Fact]
    public async Task Generic_link_text_is_a_warning_at_the_markdown_link()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("Some text about hamstrings.", "For the condition, [click here](/conditions/proximal-hamstring-tendinopathy/).", StringComparison.Ordinal),
        });
        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(DiagnosticIds.GenericLinkText, warning.Id);
        Assert.Equal((9, 20), (warning.Location!.Line, warning.Location.Column));
    }

    [Fact]
    public async Task A_javascript_link_is_reported()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("Some text about hamstrings.", "Open <a href=\"javascript:openChat()\">the chat</a> now.", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.UnfollowableLink, error.Id);
        Assert.Equal(9, error.Location?.Line);
    }

    [Fact]
    public async Task A_template_image_without_alt_is_reported_at_the_template()
    {
        var layout = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "layouts", "page.sbn"));
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/page.sbn"] = layout.Replace("<h1>", "<img src=\"/assets/images/photo.svg\">\n  <h1>", StringComparison.Ordinal),
            ["input/assets/images/photo.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.ImageWithoutAlt, error.Id);
        Assert.Equal("theme/layouts/page.sbn", error.Location?.File);
        Assert.Equal(2, error.Location?.Line);
    }

    [Fact]
    public async Task A_theme_that_loses_the_canonical_link_is_reported()
    {
        var layout = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "layouts", "base.sbn"));
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/base.sbn"] = layout.Replace("<link rel=\"canonical\" href=\"{{ page.canonical | html.escape }}\">", "<link rel=\"canonical\" href=\"{{ page.url }}\">", StringComparison.Ordinal),
        });
        Assert.NotEqual(layout, File.ReadAllText(Path.Combine(site.Root, "theme", "layouts", "base.sbn")));
        var result = await site.BuildAsync();
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.CanonicalInvalid, d.Id));
    }
}
