using System.Net;
using Site.Cli.Serve;
using Site.Web;

namespace Site.Cli.Tests;

#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class DevServerTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly SampleCopy _site = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
    private DevServer _server = null!;

    public async Task InitializeAsync()
    {
        var options = new BuildOptions
        {
            Input = _site.Input,
            Theme = _site.Theme,
            Output = Path.Combine(_site.Root, ".site-cache", "serve"),
            Drafts = true,
            Future = true,
            DisplayRoot = _site.Root,
        };
        _server = new DevServer(options, new ServeOptions(TestFiles.FreePort()), TextWriter.Null);
        await _server.StartAsync();
        _http.BaseAddress = new Uri(_server.Url);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Clean_urls_work_as_on_Netlify()
    {
        var page = await _http.GetAsync("articles/your-first-physiotherapy-appointment/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var bare = await _http.GetAsync("articles/your-first-physiotherapy-appointment");
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/articles/your-first-physiotherapy-appointment/", bare.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("sitemap.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("Articles/your-first-physiotherapy-appointment/")).StatusCode);
    }

    [Fact]
    public async Task An_encoded_path_cannot_reach_a_sibling_folder_whose_name_starts_like_the_served_one()
    {
        var sibling = Path.Combine(_site.Root, ".site-cache", "serve-secrets");
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "secret.txt"), "SECRET-TOKEN-42");

        // Sent byte for byte over a socket: an HTTP client would normalise the path before sending it.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, new Uri(_server.Url).Port);
        using var stream = client.GetStream();
        var request = "GET /..%2fserve-secrets%2fsecret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"u8.ToArray();
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.StartsWith("HTTP/1.1 ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN-42", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP/1.1 200", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_addresses_get_the_404_page()
    {
        var response = await _http.GetAsync("no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("../../etc/passwd")).StatusCode);
    }

    [Fact]
    public async Task Generated_redirects_are_followed()
    {
        var book = await _http.GetAsync("book");
        Assert.Equal(HttpStatusCode.Found, book.StatusCode);
        Assert.Equal("https://book.physionorth.example/", book.Headers.Location?.OriginalString);

        var old = await _http.GetAsync("blog/hamstring-tendon-pain/");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/articles/proximal-hamstring-tendinopathy-in-runners/", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_the_live_reload_script_and_the_script_is_served()
    {
        Assert.Contains(LiveReload.Tag, await _http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("EventSource", await _http.GetStringAsync(LiveReload.ScriptPath), StringComparison.Ordinal);
        Assert.DoesNotContain(LiveReload.ScriptPath, File.ReadAllText(Path.Combine(_site.Root, ".site-cache", "serve", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_edit_is_rebuilt_announced_and_served()
    {
        using var events = await _http.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        _site.Edit("input/articles/your-first-physiotherapy-appointment.md", "## What we will ask", "## What we will ask you");
        Assert.Equal("event: reload", await ReadEventAsync(reader));
        Assert.Contains("What we will ask you", await _http.GetStringAsync("articles/your-first-physiotherapy-appointment/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_error_replaces_pages_with_an_overlay_until_the_next_good_save()
    {
        using var events = await _http.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();

        _site.Edit("input/articles/increasing-your-running-safely.md", "date: 2026-10-20", "date: soon");
        Assert.Equal("event: reload", await ReadEventAsync(reader));
        var overlay = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, overlay.StatusCode);
        var text = await overlay.Content.ReadAsStringAsync();
        Assert.Contains("input/articles/increasing-your-running-safely.md(4,7)", text, StringComparison.Ordinal);
        Assert.Contains(LiveReload.Tag, text, StringComparison.Ordinal);

        _site.Edit("input/articles/increasing-your-running-safely.md", "date: soon", "date: 2026-10-20");
        Assert.Equal("event: reload", await ReadEventAsync(reader));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/")).StatusCode);
    }

    private static async Task<string?> ReadEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is null || line.StartsWith("event:", StringComparison.Ordinal))
            {
                return line;
            }
        }
    }
}
