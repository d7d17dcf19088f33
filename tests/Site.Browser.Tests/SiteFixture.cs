using Microsoft.Playwright;
using Site.Cli.Serve;
using Site.Web;
using Tomlyn;
using Tomlyn.Model;

namespace Site.Browser.Tests;

/// <summary>
/// The real sample site, built once, served on a free local port with the headers netlify.toml gives it
/// (so the Content-Security-Policy is enforced), and one headless Debian Chromium driven by Playwright.
/// </summary>
#pragma warning disable CA1001 // xunit calls DisposeAsync, which disposes the server.
public sealed class SiteFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _root = Directory.CreateTempSubdirectory("browser-tests-").FullName;
    private DevServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>A host name the browser maps to this server, so pages see an address that is not local.</summary>
    public const string PublicHost = "physionorth.test";

    /// <summary>The server under <see cref="PublicHost"/>: the editor there behaves as on the published site.</summary>
    public string PublicUrl => BaseUrl.Replace("127.0.0.1", PublicHost, StringComparison.Ordinal);

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string RepositoryRoot => TestFiles.RepositoryRoot;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return; // Every test is skipped with the reason; see BrowserFactAttribute.
        }

        var port = TestFiles.FreePort();
        var build = new BuildOptions
        {
            Input = Path.Combine(RepositoryRoot, "input"),
            Theme = Path.Combine(RepositoryRoot, "theme"),
            Output = Path.Combine(_root, "output"),
            DisplayRoot = RepositoryRoot,
            BaseUrl = $"http://127.0.0.1:{port}",
        };
        _server = new DevServer(build, new ServeOptions(port, LiveReload: false, Headers: NetlifyHeaders()), TextWriter.Null);
        await _server.StartAsync();
        BaseUrl = _server.Url.TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // physionorth.test reaches this server under a name that is not this computer's, as the published site is.
            // It is treated as secure, as the published site's https address is (the editor needs a secure context).
            Args = [$"--host-resolver-rules=MAP {PublicHost} 127.0.0.1", $"--unsafely-treat-insecure-origin-as-secure={PublicUrl}", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The headers netlify.toml sets for every response.</summary>
    public static Dictionary<string, string> NetlifyHeaders()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepositoryRoot, "netlify.toml")))!;
        var rule = ((TomlTableArray)config["headers"]).Single(r => (string)r["for"] == "/*");
        return ((TomlTable)rule["values"]).ToDictionary(v => v.Key, v => (string)v.Value);
    }

}

[CollectionDefinition(Name)]
public sealed class SiteInBrowser : ICollectionFixture<SiteFixture>
{
    public const string Name = "site in a browser";
}

/// <summary>
/// The same sample site in a second server and browser of its own, so that the theme's many page-by-page tests run
/// beside the others instead of after them (xunit runs collections in parallel, the tests of one in turn).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiteInSecondBrowser : ICollectionFixture<SiteFixture>
{
    public const string Name = "site in a second browser";
}
