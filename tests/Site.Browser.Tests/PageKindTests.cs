using System.Globalization;
using Microsoft.Playwright;

namespace Site.Browser.Tests;

/// <summary>Every kind of page, on a phone and on a desktop: accessible, no sideways scrolling, no errors.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class PageKindTests(SiteFixture site)
{
    /// <summary>One page of every kind the site makes.</summary>
    public static readonly IReadOnlyList<(string Kind, string Path)> Kinds =
    [
        ("home", "/"),
        ("article", "/articles/proximal-hamstring-tendinopathy-in-runners/"),
        ("article-with-photo", "/articles/your-first-physiotherapy-appointment/"),
        ("article-index", "/articles/"),
        ("condition", "/conditions/proximal-hamstring-tendinopathy/"),
        ("conditions", "/conditions/"),
        ("author", "/authors/melissa/"),
        ("tag", "/tags/running/"),
        ("topics", "/tags/"),
        ("page", "/medical-disclaimer/"),
        ("service", "/services/running-injury-assessment/"),
        ("services", "/services/"),
        ("team", "/team/"),
        ("search", "/search/?q=hamstring"),
        ("not-found", "/no-such-page/"),
    ];

    /// <summary>The screens the theme is designed for: a phone, a tablet and a desktop.</summary>
    public static readonly IReadOnlyList<(int Width, int Height)> Screens = [(390, 844), (768, 1024), (1366, 900)];

    public static TheoryData<string, string, int, int> Pages()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var (kind, path) in Kinds)
        {
            foreach (var (width, height) in Screens)
            {
                data.Add(kind, path, width, height);
            }
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_kind_is_accessible_fits_the_screen_and_loads_cleanly(string kind, string path, int width, int height)
    {
        await using var visit = await PageVisit.OpenAsync(site, width, height);
        visit.AllowedErrors.Add("/no-such-page/");
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (kind == "search")
        {
            await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("match");
        }

        // The whole page as a reader scrolling to its end sees it: lazy pictures loaded.
        await ThemeTests.LoadEveryPicture(page);
        await page.EvaluateAsync("() => window.scrollTo({ top: 0, behavior: 'instant' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, $"{kind}-{width}x{height}.png"), FullPage = true });
        // What the reader sees before scrolling (docs/screenshots/ holds two of these, shown in the README).
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, $"{kind}-{width}x{height}-first-screen.png") });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {width}px wide");

        await PageVisit.AssertAccessibleAsync(page, $"{path} at {width}px");

        Assert.Empty(visit.Problems);
    }

    /// <summary>The check every page goes through finds a fault, on a page without frames and inside a frame.</summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_accessibility_check_finds_a_picture_without_a_text_alternative(bool inAFrame)
    {
        await using var visit = await PageVisit.OpenAsync(site);
        const string picture = "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' width='1' height='1'>";
        var content = inAFrame
            ? $"<iframe title='A frame' srcdoc=\"<!doctype html><html lang='en'><title>Framed</title><main>{picture}</main></html>\"></iframe>"
            : picture;
        await visit.Page.SetContentAsync($"<!doctype html><html lang='en'><title>A page</title><main>{content}</main></html>");
        Assert.Equal(inAFrame ? 2 : 1, visit.Page.Frames.Count);

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => PageVisit.AssertAccessibleAsync(visit.Page, "the page with a bare picture"));
        Assert.Contains("image-alt:", failure.Message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_skip_link_is_the_first_stop_and_focus_is_visible()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        var page = visit.Page;
        await page.GotoAsync("/articles/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [BrowserFact]
    public async Task The_article_page_is_light_and_never_blocks_rendering_on_scripts()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        long bytes = 0;
        var byType = new Dictionary<string, long>();
        visit.Page.Response += (_, response) =>
        {
            var length = response.Headers.TryGetValue("content-length", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
            bytes += length;
            var type = response.Request.ResourceType;
            byType[type] = byType.GetValueOrDefault(type) + length;
        };
        var page = visit.Page;
        await page.GotoAsync("/articles/proximal-hamstring-tendinopathy-in-runners/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('head script[src]:not([defer]):not([async]), body script[src]:not([defer]):not([async])').length"));
        Assert.InRange(byType.GetValueOrDefault("stylesheet"), 1, 24 * 1024);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main img')].filter(i => !i.getAttribute('width') || !i.getAttribute('height')).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.prose img')].filter(i => i.loading !== 'lazy').length"));

        var report = string.Join(", ", byType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value} B"));
        await File.WriteAllTextAsync(Path.Combine(site.ScreenshotFolder, "article-weight.txt"), $"article page: {bytes} B in total ({report})\n");
        Assert.InRange(bytes, 1, 100 * 1024);
    }
}
