using Microsoft.Playwright;

namespace Site.Browser.Tests;

[Collection(SiteInSecondBrowser.Name)]
public sealed class ReaderJourneyTests(SiteFixture site)
{
    private const string Article = "/articles/proximal-hamstring-tendinopathy-in-runners/";

    [BrowserFact]
    public async Task A_reader_goes_from_home_to_an_article_to_its_author_and_finds_the_booking_link()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        var page = visit.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proximal hamstring tendinopathy: a runner's guide to pain at the sitting bone" }).First.ClickAsync();
        Assert.EndsWith(Article, page.Url, StringComparison.Ordinal);
        Assert.Equal("Proximal hamstring tendinopathy: a runner's guide to pain at the sitting bone", await page.Locator("h1").InnerTextAsync());

        await page.Locator(".byline a[rel=author]").ClickAsync();
        Assert.EndsWith("/authors/melissa/", page.Url, StringComparison.Ordinal);
        var book = page.Locator("[data-site=book-now] a.button:not(.button--quiet)");
        Assert.Equal("https://book.physionorth.example/", await book.GetAttributeAsync("href"));
        Assert.True(await book.IsVisibleAsync());
        Assert.Empty(visit.Problems);
    }

    /// <summary>The header offers search once (its box), and its menu leads to services and the team.</summary>
    [BrowserFact]
    public async Task The_header_has_one_way_to_search_and_leads_to_services_and_the_team()
    {
        await using var visit = await PageVisit.OpenAsync(site, 1366, 900);
        await visit.Page.GotoAsync(Article);
        var header = visit.Page.Locator("header.site-header");
        Assert.Equal(0, await header.Locator("a[href='/search/']").CountAsync());
        Assert.Equal(1, await header.Locator("form[role=search]").CountAsync());
        var menu = await header.Locator("nav[aria-label=Main] a").AllInnerTextsAsync();
        Assert.Contains("Services", menu);
        Assert.Contains("Our team", menu);
    }

    /// <summary>The disclaimer is important information, not an alarm: no colour of its panel leans to red.</summary>
    [BrowserFact]
    public async Task The_disclaimer_reads_as_calm_information_not_as_an_error()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        await visit.Page.GotoAsync(Article);
        var colours = await visit.Page.Locator("section.disclaimer").EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.borderLeftColor]; }");
        foreach (var colour in colours)
        {
            var rgb = System.Text.RegularExpressions.Regex.Matches(colour, @"\d+").Take(3).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(rgb[0] <= rgb[1] && rgb[0] <= rgb[2], $"the disclaimer's {colour} leans to red, the colour of errors");
        }
    }

    [BrowserFact]
    public async Task A_practitioner_with_their_own_booking_page_links_to_it()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        await visit.Page.GotoAsync("/authors/nicole/");
        Assert.Equal("https://book.physionorth.example/nicole", await visit.Page.Locator("[data-site=book-now] a.button:not(.button--quiet)").GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task The_condition_page_lists_the_tendinopathy_article()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        await visit.Page.GotoAsync("/conditions/proximal-hamstring-tendinopathy/");
        var articles = visit.Page.Locator("section[aria-labelledby=articles-title] a");
        Assert.Contains(Article, await articles.EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"));
        Assert.Empty(visit.Problems);
    }

    [BrowserTheory]
    [InlineData("hamstring")]
    [InlineData("Hamstrings")]
    [InlineData("HAMSTRING tendon")]
    public async Task Searching_finds_the_tendinopathy_article_first(string query)
    {
        await using var visit = await PageVisit.OpenAsync(site);
        var page = visit.Page;
        await page.GotoAsync("/");
        // On a phone the search box is in the header's menu.
        await page.Locator("header summary").ClickAsync();
        await page.GetByLabel("Search the site").FillAsync(query);
        await page.GetByLabel("Search the site").PressAsync("Enter");
        await page.WaitForURLAsync("**/search/?q=*");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("match");
        var first = page.Locator("#search-results li a").First;
        Assert.Equal(Article, await first.GetAttributeAsync("href"));
        Assert.Empty(visit.Problems);
    }

    [BrowserFact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        await visit.Page.GotoAsync("/search/?q=sitting");
        await Assertions.Expect(visit.Page.Locator("#search-status")).ToContainTextAsync("match");
        var hrefs = await visit.Page.Locator("#search-results li a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.True(hrefs.Length > 1);
        Assert.Equal("/articles/sitting-at-work-with-hamstring-pain/", hrefs[0]);
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_page_still_links_to_every_article()
    {
        await using var visit = await PageVisit.OpenAsync(site, javaScript: false);
        await visit.Page.GotoAsync("/search/?q=hamstring");
        var hrefs = await visit.Page.Locator("#all-articles ~ ul a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var expected = Directory.EnumerateFiles(Path.Combine(SiteFixture.RepositoryRoot, "input", "articles"), "*.md")
            .Select(f => $"/articles/{Path.GetFileNameWithoutExtension(f)}/").Order(StringComparer.Ordinal);
        Assert.Equal(expected, hrefs.Order(StringComparer.Ordinal));
    }

    [BrowserFact]
    public async Task An_unknown_address_shows_the_404_page()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        visit.AllowedErrors.Add("/no-such-page/");
        var response = await visit.Page.GotoAsync("/no-such-page/");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await visit.Page.Locator("h1").InnerTextAsync());
        Assert.Empty(visit.Problems);
    }
}
