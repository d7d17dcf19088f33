using Microsoft.Playwright;

namespace Site.Browser.Tests;

/// <summary>
/// The editor at /admin/ in a real browser: Decap CMS's real bundle, served by the site with the editor's own
/// Content-Security-Policy, starts and validates the generated configuration; the site's pages keep the strict
/// policy, under which an injected inline script does not run.
/// </summary>
[Collection(SiteInBrowser.Name)]
public sealed class EditorTests(SiteFixture site)
{
    [BrowserFact]
    public async Task The_editor_starts_under_its_own_policy_with_the_generated_configuration()
    {
        await using var visit = await PageVisit.OpenAsync(site, 1366, 900);
        var page = visit.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Config Errors", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        // Under an address that is not this computer's, as on the published site, the editor does not look for
        // site serve's local backend: it uses the configured GitHub backend and asks the person to sign in. It got
        // that far only if its configuration passed its own validation.
        var response = await page.GotoAsync(site.PublicUrl + "/admin/");
        Assert.Equal(Site.Web.Modules.Netlify.SecurityPolicies.Editor, await response!.HeaderValueAsync("content-security-policy"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Login with GitHub" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Directory.CreateDirectory(site.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, "editor-login-1366.png") });
        Assert.Empty(violations);
        Assert.True(visit.Problems.Count == 0, string.Join("\n", visit.Problems));
    }

    [BrowserFact]
    public async Task A_page_of_the_site_keeps_the_strict_policy_and_an_injected_inline_script_does_not_run()
    {
        await using var visit = await PageVisit.OpenAsync(site);
        var page = visit.Page;
        var response = await page.GotoAsync("/articles/proximal-hamstring-tendinopathy-in-runners/");
        Assert.Contains(Site.Web.Modules.Netlify.SecurityPolicies.Site, await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        var ran = await page.EvaluateAsync<bool>("""
            () => {
              window.injected = false;
              const script = document.createElement('script');
              script.textContent = 'window.injected = true';
              document.body.appendChild(script);
              return window.injected;
            }
            """);
        Assert.False(ran, "an inline script ran on a page of the site");
    }
}
