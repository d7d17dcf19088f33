using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Site.Browser.Tests;

/// <summary>
/// The sample article with a photo, as a phone loads it: Lighthouse's own image and LCP audits pass, and the
/// browser's own largest-contentful-paint entry is the photo, loaded first and never lazily, in a modern format and
/// sharp.
/// </summary>
[Collection(SiteInSecondBrowser.Name)]
public sealed class PhotoTests(SiteFixture site)
{
    private const string Article = "/articles/your-first-physiotherapy-appointment/";

    /// <summary>
    /// Lighthouse's audits of images. Lighthouse 13 folded the older image audits into two insights: image delivery
    /// (responsive sizes, modern formats, compression) and LCP request discovery (fetchpriority=high, found in the
    /// HTML, not lazy). Its offscreen-images audit is gone; the lazy loading of pictures below the fold is checked
    /// by the site's own tests.
    /// </summary>
    private static readonly string[] ImageAudits = ["image-delivery-insight", "unsized-images", "lcp-discovery-insight"];

    private static string LighthouseCli => Path.Combine(SiteFixture.RepositoryRoot, "tests", "Site.Browser.Tests", "Lighthouse", "node_modules", "lighthouse", "cli", "index.js");

    [BrowserFact]
    public async Task Lighthouse_passes_every_image_audit_on_a_phone()
    {
        Assert.True(File.Exists(LighthouseCli), $"Lighthouse is not installed at {LighthouseCli}: building this test project runs npm ci in tests/Site.Browser.Tests/Lighthouse.");
        var report = Path.Combine(Path.GetTempPath(), $"lighthouse-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            LighthouseCli, site.BaseUrl + Article, "--quiet", "--output=json", $"--output-path={report}",
            $"--only-audits={string.Join(',', ImageAudits)}", "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Lighthouse finds the browser through CHROME_PATH: Debian's Chromium, never one it downloads.
        start.Environment["CHROME_PATH"] = SiteFixture.ChromiumPath;
        try
        {
            using var lighthouse = Process.Start(start)!;
            var errors = lighthouse.StandardError.ReadToEndAsync();
            _ = await lighthouse.StandardOutput.ReadToEndAsync();
            await lighthouse.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(lighthouse.ExitCode == 0 && File.Exists(report), $"Lighthouse failed ({lighthouse.ExitCode}): {await errors}");

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var audits = json.RootElement.GetProperty("audits");
            foreach (var id in ImageAudits)
            {
                var audit = audits.GetProperty(id);
                var mode = audit.GetProperty("scoreDisplayMode").GetString();
                var score = audit.GetProperty("score");
                Assert.True(
                    mode != "error" && score.ValueKind == JsonValueKind.Number && score.GetDouble() == 1,
                    $"Lighthouse's {id} audit: {mode}, score {score}: {audit.GetProperty("title").GetString()} {(audit.TryGetProperty("displayValue", out var value) ? value.ToString() : "")}");
            }

            // The LCP audit passes only if it found the LCP element and ticked each point of its checklist; its
            // element must be the article's photo, not some text that happened to paint largest.
            var discovery = audits.GetProperty("lcp-discovery-insight").GetProperty("details").GetProperty("items");
            var checklist = discovery.EnumerateArray().Single(item => item.GetProperty("type").GetString() == "checklist").GetProperty("items");
            foreach (var point in new[] { "priorityHinted", "requestDiscoverable", "eagerlyLoaded" })
            {
                Assert.True(checklist.GetProperty(point).GetProperty("value").GetBoolean(), $"Lighthouse's LCP discovery: {checklist.GetProperty(point).GetProperty("label").GetString()} does not hold.");
            }

            var element = discovery.EnumerateArray().Where(item => item.GetProperty("type").GetString() == "node").ToList();
            Assert.True(element.Count == 1, "Lighthouse's LCP discovery names no LCP element.");
            Assert.Contains("img.article__image", element[0].GetProperty("selector").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [BrowserFact]
    public async Task On_a_phone_the_photo_is_the_largest_paint_loaded_first_in_avif_and_sharp()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
        });
        await using (context)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(Article, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var lcp = await page.EvaluateAsync<JsonElement>("""
                () => new Promise(resolve => new PerformanceObserver(list => {
                    const last = list.getEntries().at(-1);
                    const img = last.element;
                    resolve({ tag: img?.tagName ?? '', loading: img?.getAttribute('loading') ?? '', priority: img?.getAttribute('fetchpriority') ?? '',
                              source: img?.currentSrc ?? '', shown: img?.getBoundingClientRect().width ?? 0 });
                }).observe({ type: 'largest-contentful-paint', buffered: true }))
                """);
            Assert.Equal("IMG", lcp.GetProperty("tag").GetString());
            Assert.Equal("", lcp.GetProperty("loading").GetString());
            Assert.Equal("high", lcp.GetProperty("priority").GetString());
            Assert.EndsWith(".avif", lcp.GetProperty("source").GetString(), StringComparison.Ordinal);

            // Sharp on a three-times screen, and not more than a step larger than it needs: the file the browser
            // chose is named by its width.
            var needed = lcp.GetProperty("shown").GetDouble() * 3;
            var chosen = int.Parse(System.Text.RegularExpressions.Regex.Match(lcp.GetProperty("source").GetString()!, @"-(\d+)\.[0-9a-f]{10}\.avif$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(chosen, needed, needed * 1.5);
        }
    }
}
