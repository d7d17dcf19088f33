using System.Globalization;
using Microsoft.Playwright;

namespace Site.Browser.Tests;

/// <summary>
/// The theme as a patient on a phone meets it: a compact header that stays in reach with the phone number and
/// booking, the article's first words without scrolling, nothing that moves while the page loads, no sideways
/// scrolling on the narrowest phones, a clean printout, a dark scheme as readable as the light one, and pages
/// light enough for a mobile connection.
/// </summary>
[Collection(SiteInSecondBrowser.Name)]
public sealed class ThemeTests(SiteFixture site)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    /// <summary>The most a page of each kind may download on a 3x phone, HTML, CSS, scripts and every picture included (bytes).</summary>
    public static readonly IReadOnlyDictionary<string, int> WeightBudgets = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["home"] = 170_000,
        ["article"] = 140_000,
        ["article-with-photo"] = 140_000,
        ["article-index"] = 170_000,
        ["condition"] = 140_000,
        ["conditions"] = 50_000,
        ["author"] = 100_000,
        ["tag"] = 100_000,
        ["topics"] = 50_000,
        ["page"] = 50_000,
        ["service"] = 140_000,
        ["services"] = 50_000,
        ["team"] = 50_000,
        ["search"] = 80_000,
        ["not-found"] = 130_000,
    };

    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, path) in PageKindTests.Kinds)
        {
            data.Add(kind, path);
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task On_a_phone_the_header_is_compact_stays_in_reach_and_offers_the_phone_and_booking(string kind, string path)
    {
        await using var visit = await Open(kind);
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.True(header.Height <= 64, $"{path}: the header is {header.Height}px tall on a {PhoneWidth}px phone");

        await AssertInView(page, "header.site-header a[href^='tel:']", path);
        await AssertInView(page, "header.site-header a[href='https://book.physionorth.example/']", path);

        // Still there at the end of the page: the header sticks to the top.
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForFunctionAsync("() => window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight");
        var scrolled = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.NotNull(scrolled);
        Assert.True(Math.Abs(scrolled.Y) < 1, $"{path}: the header scrolled away (top at {scrolled.Y}px)");
        await AssertInView(page, "header.site-header a[href^='tel:']", path);
        Assert.Empty(visit.Problems);
    }

    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task On_a_desktop_the_phone_number_and_booking_are_in_the_header(string kind, string path)
    {
        await using var visit = await PageVisit.OpenAsync(site, 1366, 900);
        visit.AllowedErrors.Add("/no-such-page/");
        var page = visit.Page;
        await page.GotoAsync(path);
        var call = page.Locator("header.site-header a[href^='tel:']");
        await AssertInView(page, "header.site-header a[href^='tel:']", path, 900, 1366);
        Assert.Contains("(02) 5550 1234", await call.InnerTextAsync(), StringComparison.Ordinal);
        var number = await page.Locator("header .header-call__number").BoundingBoxAsync();
        Assert.True(number is { Width: > 40 }, $"{kind} {path}: the phone number is not shown in the desktop header");
        await AssertInView(page, "header.site-header a[href='https://book.physionorth.example/']", path, 900, 1366);
        Assert.Equal("Book an appointment", (await page.Locator("header.site-header a[href='https://book.physionorth.example/']").InnerTextAsync()).Trim());
        Assert.Empty(visit.Problems);
    }

    [BrowserFact]
    public async Task The_menu_opens_on_a_phone_and_the_navigation_sits_in_the_bar_on_a_desktop()
    {
        await using (var phone = await PageVisit.OpenAsync(site))
        {
            await phone.Page.GotoAsync("/articles/");
            var services = phone.Page.Locator("header nav[aria-label=Main] a[href='/services/']");
            Assert.False(await services.IsVisibleAsync(), "the navigation is open before the menu is");
            await phone.Page.Locator("header summary").ClickAsync();
            Assert.True(await services.IsVisibleAsync(), "the menu did not open");
            Assert.True(await phone.Page.Locator("#header-search-query").IsVisibleAsync(), "the menu has no search box");
            await services.ClickAsync();
            Assert.EndsWith("/services/", phone.Page.Url, StringComparison.Ordinal);
        }

        await using var desktop = await PageVisit.OpenAsync(site, 1366, 900);
        await desktop.Page.GotoAsync("/articles/");
        Assert.False(await desktop.Page.Locator("header summary").IsVisibleAsync(), "a desktop shows a menu button");
        foreach (var name in new[] { "Services", "Conditions", "Articles", "Our team", "About" })
        {
            var link = desktop.Page.Locator("header nav[aria-label=Main]").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            Assert.True(await link.IsVisibleAsync(), $"'{name}' is not in the desktop header");
        }

        Assert.True(await desktop.Page.Locator("#header-search-query").IsVisibleAsync());
        var bar = await desktop.Page.Locator("header.site-header").BoundingBoxAsync();
        Assert.True(bar!.Height <= 72, $"the desktop header wraps onto a second line ({bar.Height}px)");
    }

    [BrowserTheory]
    [InlineData("/articles/proximal-hamstring-tendinopathy-in-runners/")]
    [InlineData("/articles/your-first-physiotherapy-appointment/")]
    [InlineData("/articles/sitting-at-work-with-hamstring-pain/")]
    public async Task On_a_phone_the_article_starts_above_the_fold_under_a_one_line_breadcrumb(string path)
    {
        await using var visit = await PageVisit.OpenAsync(site, PhoneWidth, PhoneHeight);
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        var first = await page.Locator("main .prose > p").First.BoundingBoxAsync();
        Assert.NotNull(first);
        var line = await page.Locator("main .prose > p").First.EvaluateAsync<double>("p => parseFloat(getComputedStyle(p).lineHeight)");
        Assert.True(first.Y + line <= PhoneHeight, $"{path}: the first line of the text is at {first.Y}px, below the {PhoneHeight}px fold");

        var crumbs = page.Locator("nav.breadcrumbs ol");
        var lines = await crumbs.EvaluateAsync<double>("ol => ol.getBoundingClientRect().height / parseFloat(getComputedStyle(ol).lineHeight)");
        Assert.True(lines < 1.5, $"{path}: the breadcrumb takes {lines:0.0} lines");
        Assert.Equal(0, await crumbs.EvaluateAsync<int>("ol => ol.scrollWidth - ol.clientWidth > 1 && getComputedStyle(ol).overflowX !== 'hidden' ? 1 : 0"));
        Assert.Equal("Articles", await page.Locator("nav.breadcrumbs li:nth-child(2) a").InnerTextAsync());
    }

    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task Nothing_scrolls_sideways_on_a_320px_phone(string kind, string path)
    {
        await using var visit = await PageVisit.OpenAsync(site, 320, 640);
        visit.AllowedErrors.Add("/no-such-page/");
        await visit.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var overflow = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{kind} {path} scrolls sideways by {overflow}px at 320px wide");
        await AssertInView(visit.Page, "header.site-header a[href^='tel:']", path, 640, 320);
        await AssertInView(visit.Page, "header.site-header a[href='https://book.physionorth.example/']", path, 640, 320);
        await AssertInView(visit.Page, "header summary", path, 640, 320);
    }

    /// <summary>
    /// A slow phone can draw a page before its parser has read all of it (Chromium yields mid-document, and a
    /// slow network delivers it in pieces); what it drew must not move when the rest arrives. The page is cut
    /// before every tag from the body's start to the end of the first heading in <c>main</c>, and each piece is
    /// shown on its own: every part of the header and breadcrumbs, and <c>main</c> itself, is drawn where the
    /// whole page puts it or not at all. (The load test below saw these shifts only now and then: the menu drawn
    /// without its summary as the browser's own "Details" toggle, a header link pushed aside by the next one, and
    /// <c>main</c> moved down by its first heading's margin.)
    /// </summary>
    [BrowserTheory]
    [InlineData("/tags/", PhoneWidth)]
    [InlineData("/tags/", 1366)]
    [InlineData("/articles/proximal-hamstring-tendinopathy-in-runners/", PhoneWidth)]
    public async Task Nothing_drawn_from_a_half_read_page_moves_when_the_rest_arrives(string path, int width)
    {
        await using var visit = await PageVisit.OpenAsync(site, width, PhoneHeight);
        var page = visit.Page;
        var html = await (await page.APIRequest.GetAsync(path)).TextAsync();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var whole = await PageFrame(page);
        Assert.True(whole.Keys.Count(key => key.Contains("header-", StringComparison.Ordinal)) >= 2 && whole.ContainsKey("main"),
            $"{path}: the whole page's frame is only {string.Join(", ", whole.Keys)}");

        var start = html.IndexOf("<body", StringComparison.Ordinal);
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</h1>", main, StringComparison.Ordinal);
        Assert.True(start > 0 && main > start && end > main, $"{path} has no body, main or heading");
        var piece = "";
        await page.RouteAsync("**/half-read/", route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = piece }));
        var cuts = 0;
        for (var cut = html.IndexOf('<', start + 1); cut > 0 && cut <= end; cut = html.IndexOf('<', cut + 1))
        {
            piece = html[..cut];
            await page.GotoAsync("/half-read/");
            foreach (var (part, place) in await PageFrame(page))
            {
                Assert.True(whole.TryGetValue(part, out var final) && final == place,
                    $"{path} at {width}px, cut before \"{html.Substring(cut, Math.Min(40, html.Length - cut))}\": {part} is drawn at {place}; the whole page puts it at {final ?? "no place"}");
            }

            cuts++;
        }

        Assert.True(cuts > 30, $"only {cuts} cuts before {path}'s first heading");
    }

    /// <summary>Where each drawn element of the header and the breadcrumbs, and <c>main</c>, starts (x,y), by its place in the page.</summary>
    private static async Task<Dictionary<string, string>> PageFrame(IPage page) =>
        (await page.EvaluateAsync<string[][]>(
            """
            () => {
              const found = [];
              const visit = (element, name, deep) => {
                const r = element.getBoundingClientRect();
                if (r.width > 0 && r.height > 0) found.push([name, r.x.toFixed(1) + ',' + r.y.toFixed(1)]);
                if (deep) [...element.children].forEach((child, i) => visit(child, `${name}/${i}.${child.localName}.${child.getAttribute('class') || ''}`, true));
              };
              document.querySelectorAll('body > header, body > nav.breadcrumbs').forEach(part => visit(part, part.localName, true));
              document.querySelectorAll('body > main').forEach(main => visit(main, 'main', false));
              return found;
            }
            """)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    /// <summary>Cumulative layout shift from the browser's own layout-shift entries, for the whole load of each page.</summary>
    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task Nothing_moves_while_the_page_loads(string kind, string path)
    {
        await using var visit = await Open(kind);
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (kind == "search")
        {
            await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("match");
        }

        var shifts = await page.EvaluateAsync<string[]>(
            """
            () => new Promise(resolve => {
              const found = [];
              const take = entries => { for (const e of entries) if (!e.hadRecentInput) found.push(e); };
              const observer = new PerformanceObserver(list => take(list.getEntries()));
              observer.observe({ type: 'layout-shift', buffered: true });
              take(observer.takeRecords());
              // Buffered entries arrive in a task of their own: wait for it, then two frames.
              setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => {
                take(observer.takeRecords());
                observer.disconnect();
                const rect = r => `${r.x},${r.y} ${r.width}x${r.height}`;
                resolve(found.map(e => e.value.toFixed(4) + ' at ' + e.startTime.toFixed(0) + ' ms: ' + e.sources.map(s =>
                  (s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?') + ' from ' + rect(s.previousRect) + ' to ' + rect(s.currentRect)).join(', ')));
              })), 0);
            })
            """);
        Assert.True(shifts.Length == 0, $"{path} shifted while loading: {string.Join("; ", shifts)}");
    }

    [BrowserFact]
    public async Task A_printed_article_has_the_advice_the_clinics_contact_details_and_the_disclaimer_but_no_navigation()
    {
        await using var visit = await PageVisit.OpenAsync(site, 1366, 900);
        var page = visit.Page;
        await page.GotoAsync("/articles/proximal-hamstring-tendinopathy-in-runners/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { "header nav[aria-label=Main]", "header summary", "header.site-header a[href^='tel:']", "#header-search-query", "nav.breadcrumbs", "[data-site=book-now]", ".related", ".skip-link" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"'{hidden}' is printed");
        }

        var contact = page.Locator("header .print-contact");
        Assert.True(await contact.IsVisibleAsync(), "the clinic's contact line is not printed");
        var text = await contact.InnerTextAsync();
        Assert.Contains("(02) 5550 1234", text, StringComparison.Ordinal);
        Assert.Contains("42 Riverbank Road", text, StringComparison.Ordinal);
        Assert.True(await page.Locator("header .brand").IsVisibleAsync(), "the clinic's name is not printed");
        Assert.True(await page.Locator("[data-site=disclaimer]").IsVisibleAsync(), "the disclaimer is not printed");
        Assert.True(await page.Locator("main .prose").IsVisibleAsync());

        // On screen, the contact line is not shown twice (the footer has it).
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.False(await contact.IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.PdfAsync(new() { Path = Path.Combine(site.ScreenshotFolder, "article-print.pdf"), Format = "A4" });
    }

    /// <summary>The dark scheme, for readers whose phone is set to it: axe's checks, contrast included, on every kind of page.</summary>
    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task The_dark_scheme_is_as_accessible_as_the_light_one(string kind, string path)
    {
        await using var visit = await PageVisit.OpenAsync(site, PhoneWidth, PhoneHeight, colorScheme: ColorScheme.Dark);
        visit.AllowedErrors.Add("/no-such-page/");
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual("rgb(255, 255, 255)", background);
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, $"{kind}-dark-{PhoneWidth}x{PhoneHeight}.png"), FullPage = true });

        await PageVisit.AssertAccessibleAsync(page, $"{path} in the dark scheme");
    }

    /// <summary>What a 3x phone downloads for each kind of page, after scrolling to the end (lazy pictures included).</summary>
    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task Each_page_kind_keeps_to_its_weight_budget_on_a_phone(string kind, string path)
    {
        await using var visit = await PageVisit.OpenAsync(site, PhoneWidth, PhoneHeight, scale: 3);
        visit.AllowedErrors.Add("/no-such-page/");
        var page = visit.Page;
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await LoadEveryPicture(page);
        var sizes = await page.EvaluateAsync<Dictionary<string, double>>(
            """
            () => {
              const by = {};
              const add = (type, n) => by[type] = (by[type] || 0) + n;
              add('html', performance.getEntriesByType('navigation')[0].encodedBodySize);
              for (const r of performance.getEntriesByType('resource')) {
                const type = r.initiatorType === 'link' || r.name.endsWith('.css') ? 'css' : r.initiatorType === 'img' ? 'images' : r.initiatorType === 'script' ? 'scripts' : r.initiatorType === 'css' ? 'fonts' : r.initiatorType === 'fetch' ? 'data' : r.initiatorType;
                add(type, r.encodedBodySize);
              }
              return by;
            }
            """);
        var total = (int)sizes.Values.Sum();
        var report = string.Join(", ", sizes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value.ToString("0", CultureInfo.InvariantCulture)} B"));
        await File.WriteAllTextAsync(Path.Combine(site.ScreenshotFolder, $"weight-{kind}.txt"), $"{kind}: {total} B ({report})\n");
        Assert.True(sizes.GetValueOrDefault("html") > 0, $"{path}: the page's own size was not measured");
        Assert.True(total <= WeightBudgets[kind], $"{path} downloads {total} B on a phone, over its budget of {WeightBudgets[kind]} B: {report}");
    }

    /// <summary>
    /// Scrolls through the page a screen at a time, as a reader does (instantly: the theme scrolls smoothly
    /// otherwise), so that every lazy picture starts loading, and waits until each has.
    /// </summary>
    internal static async Task LoadEveryPicture(IPage page)
    {
        await page.EvaluateAsync(
            """
            async () => {
              const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
                window.scrollTo({ top: y, behavior: 'instant' });
                await frame();
              }
              window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
              await frame();
            }
            """);
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<PageVisit> Open(string kind)
    {
        var visit = await PageVisit.OpenAsync(site, PhoneWidth, PhoneHeight);
        if (kind == "not-found")
        {
            visit.AllowedErrors.Add("/no-such-page/");
        }

        return visit;
    }

    private static async Task AssertInView(IPage page, string selector, string path, int height = PhoneHeight, int width = PhoneWidth)
    {
        var element = page.Locator(selector).First;
        Assert.True(await element.IsVisibleAsync(), $"{path}: '{selector}' is not visible");
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height && box.X >= 0 && box.X + box.Width <= width,
            $"{path}: '{selector}' is outside the first screen ({box.X}, {box.Y}, {box.Width} x {box.Height})");
    }
}
