using Microsoft.Playwright;
using Site.Cli.Serve;
using Site.Web;

namespace Site.Browser.Tests;

/// <summary><c>site serve</c> in a real browser: a saved edit appears without anyone pressing reload.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class LiveReloadTests(SiteFixture site)
{
    [BrowserFact]
    public async Task A_saved_edit_shows_in_the_open_page_without_a_manual_reload()
    {
        var root = Directory.CreateTempSubdirectory("live-reload-").FullName;
        try
        {
            TestFiles.CopySample(root);
            var port = TestFiles.FreePort();
            var options = new BuildOptions { Input = Path.Combine(root, "input"), Theme = Path.Combine(root, "theme"), Output = Path.Combine(root, "serve"), Drafts = true, Future = true, DisplayRoot = root };
            await using var server = new DevServer(options, new ServeOptions(port), TextWriter.Null);
            await server.StartAsync();

            await using var visit = await PageVisit.OpenAsync(site);
            var page = visit.Page;
            await page.GotoAsync(server.Url + "articles/your-first-physiotherapy-appointment/");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("What happens at your first physiotherapy appointment", await page.Locator("h1").InnerTextAsync());

            var file2 = Path.Combine(root, "input", "articles", "your-first-physiotherapy-appointment.md");
            await File.WriteAllTextAsync(file2, (await File.ReadAllTextAsync(file2)).Replace("title: What happens at your first physiotherapy appointment", "title: Your first visit, step by step", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your first visit, step by step", new() { Timeout = 15000 });

            await File.WriteAllTextAsync(file2, (await File.ReadAllTextAsync(file2)).Replace("date: 2026-09-15", "date: someday", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("[data-site=build-error]")).ToContainTextAsync("your-first-physiotherapy-appointment.md(5,7)", new() { Timeout = 15000 });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
