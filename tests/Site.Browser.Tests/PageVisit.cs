using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Site.Browser.Tests;

/// <summary>
/// A browser tab that records what a reader would suffer silently: console errors (a CSP violation shows
/// here), failed requests and error responses.
/// </summary>
public sealed class PageVisit : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PageVisit(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // The browser logs the expected 404 of the not-found test as a console error too.
            if (message.Type == "error" && !AllowedErrors.Contains(SourcePath(message.Location)))
            {
                Problems.Add($"console error: {message.Text} at {message.Location}");
            }
        };
        page.RequestFailed += (_, request) => Problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !AllowedErrors.Contains(new Uri(response.Url).AbsolutePath))
            {
                Problems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The path of a console message's source, given as URL:line:column.</summary>
    private static string SourcePath(string location)
    {
        var parts = location.Split(':');
        var url = parts.Length > 2 ? string.Join(':', parts[..^2]) : location;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
    }

    public List<string> Problems { get; } = [];

    /// <summary>Paths whose error status is the point of the test (the 404 page).</summary>
    public HashSet<string> AllowedErrors { get; } = [];

    public static async Task<PageVisit> OpenAsync(SiteFixture site, int width = 390, int height = 844, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, float scale = 1)
    {
        ArgumentNullException.ThrowIfNull(site);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
            DeviceScaleFactor = scale,
        });
        return new PageVisit(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    /// <summary>The axe-core rule sets every page is held to: WCAG 2.2 AA and axe's best practices.</summary>
    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>axe-core as Deque's package bundles it, so both ways of running it below run the same version.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>axe-core's WCAG 2.2 AA and best-practice rules on the page as it is now: no violation, and some checks run.</summary>
    /// <remarks>
    /// Deque's <c>RunAxe</c> runs axe frame by frame, then opens a page in a new browser context, loads axe there
    /// again and joins the parts: it was about half of each page-kind test's time (see the README). A page without
    /// frames needs no joining, so axe is loaded into it once and run there whole; a page with frames, even one
    /// added while axe ran, goes through <c>RunAxe</c>, which checks inside them.
    /// </remarks>
    public static async Task AssertAccessibleAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var axe = page.Frames.Count == 1 ? await RunAxeInPageAsync(page) : null;
        if (axe is null || page.Frames.Count != 1)
        {
            axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });
        }

        var violations = axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{where}:\n" + string.Join("\n", violations));
        Assert.True(axe.Passes.Length > 0, "axe-core ran no checks");
    }

    private static async Task<AxeResult> RunAxeInPageAsync(IPage page)
    {
        await page.EvaluateAsync(AxeScript.Value);
        // Every violation keeps all its elements; passes and the rest name one element each, which is all the
        // assertion reads, and spares carrying every passing element back.
        var json = await page.EvaluateAsync<string>(
            "async tags => JSON.stringify(await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))",
            AxeTags);
        return new AxeResult(JObject.Parse(json));
    }
}
