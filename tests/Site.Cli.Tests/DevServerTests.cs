using System.Text.Json.Nodes;
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
        File.Copy(Path.Combine(SampleCopy.RepositoryRoot, "netlify.toml"), Path.Combine(_site.Root, "netlify.toml"));
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
        Assert.Contains("input/articles/increasing-your-running-safely.md(5,7)", text, StringComparison.Ordinal);
        Assert.Contains(LiveReload.Tag, text, StringComparison.Ordinal);

        _site.Edit("input/articles/increasing-your-running-safely.md", "date: soon", "date: 2026-10-20");
        Assert.Equal("event: reload", await ReadEventAsync(reader));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/")).StatusCode);
    }

    /// <summary>Sends a request byte for byte over a socket (an HTTP client would normalise or refuse it) and returns the raw answer.</summary>
    private async Task<string> RawAsync(string requestLine)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, new Uri(_server.Url).Port);
        using var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("GET /%00 HTTP/1.1")]
    [InlineData("GET /articles/%00/ HTTP/1.1")]
    [InlineData("GET /..%2f..%2fetc%2fpasswd HTTP/1.1")]
    [InlineData("GET /a%5c..%5c..%5cetc/passwd HTTP/1.1")]
    public async Task A_malformed_path_is_answered_400(string requestLine)
    {
        var answer = await RawAsync(requestLine);
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_inside_the_served_folder_to_a_file_outside_it_is_not_served()
    {
        var secret = Path.Combine(_site.Root, "secret.txt");
        File.WriteAllText(secret, "SECRET-TOKEN-43");
        File.CreateSymbolicLink(Path.Combine(_site.Root, ".site-cache", "serve", "leak.txt"), secret);
        var response = await _http.GetAsync("leak.txt");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("SECRET-TOKEN-43", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resized_photo_made_by_the_editors_preview_is_served_before_the_sites_rebuild_publishes_it()
    {
        var preview = Path.Combine(_site.Root, ".site-cache", "serve-preview");
        Directory.CreateDirectory(Path.Combine(preview, "_assets", "images"));
        File.WriteAllBytes(Path.Combine(preview, "_assets", "images", "new-photo-960.0123456789.avif"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(preview, "only-in-the-preview.html"), "a preview page");

        var photo = await _http.GetAsync("_assets/images/new-photo-960.0123456789.avif");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal([1, 2, 3], await photo.Content.ReadAsByteArrayAsync());
        // Only resized photos come from the preview: its pages are not the site's.
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("only-in-the-preview.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("_assets/images/no-such-photo-960.0123456789.avif")).StatusCode);
    }

    [Fact]
    public async Task A_path_starting_with_two_slashes_is_refused_not_redirected_to_another_host()
    {
        var answer = await RawAsync("GET //articles HTTP/1.1");
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_sends_the_headers_of_get_and_no_body()
    {
        var answer = await RawAsync("HEAD /articles/your-first-physiotherapy-appointment/ HTTP/1.1");
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var (headers, body) = (answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)], answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        var length = await _http.GetByteArrayAsync("articles/your-first-physiotherapy-appointment/");
        Assert.Contains($"Content-Length: {length.Length}", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Pages_carry_production_headers_and_the_strict_policy_and_the_overlay_works_under_it()
    {
        // Pages get both policies of the build's _headers, as Netlify sends them (the stricter wins in the
        // browser); the editor gets its own only.
        var response = await _http.GetAsync("/");
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Equal([Site.Web.Modules.Netlify.SecurityPolicies.Editor, Site.Web.Modules.Netlify.SecurityPolicies.Site], policies);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var editor = await _http.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal(Site.Web.Modules.Netlify.SecurityPolicies.Editor, Assert.Single(editor.Headers.GetValues("Content-Security-Policy")));

        // The overlay is styled by a file, not an inline <style> that style-src 'self' would block.
        var overlay = LiveReload.Overlay([new Site.Engine.Diagnostics.Diagnostic("SITE0001", Site.Engine.Diagnostics.Severity.Error, null, "x")]);
        Assert.DoesNotContain("<style", overlay, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", overlay, StringComparison.OrdinalIgnoreCase);
        var css = await _http.GetAsync(LiveReload.StylePath);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deleting_input_shows_the_error_and_restoring_it_recovers_without_a_restart()
    {
        var input = _site.Input;
        var kept = input + "-kept";
        Directory.Move(input, kept);
        await Eventually(async () => (await _http.GetAsync("/")).StatusCode == HttpStatusCode.InternalServerError, "the missing input/ was never reported");
        // Restored as a new folder (a copy), as git or a backup would: a watch on the old folder would see nothing.
        TestFiles.CopyFolder(kept, input);
        Directory.Delete(kept, recursive: true);
        await Eventually(async () => (await _http.GetAsync("/")).StatusCode == HttpStatusCode.OK, "the restored input/ was never built again");

        // And the new folder is watched: an edit after the restore is picked up.
        _site.Edit("input/articles/your-first-physiotherapy-appointment.md", "## What we will ask", "## What we will ask after the restore");
        await Eventually(async () => (await _http.GetStringAsync("articles/your-first-physiotherapy-appointment/")).Contains("after the restore", StringComparison.Ordinal), "an edit after the restore was not rebuilt");
    }

    /// <summary>A front end's walk through the content API served locally: index, pages, one item, then a sync.</summary>
    [Fact]
    public async Task A_client_walks_the_api_renders_an_author_from_one_answer_and_syncs_only_what_changed()
    {
        var index = JsonNode.Parse(await _http.GetStringAsync("api/v1/index.json"))!;
        var articles = index["collections"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "article")!;
        var total = articles["count"]!.GetValue<int>();
        var seen = new List<string>();
        for (var page = articles["items"]!.GetValue<string>(); page is not null;)
        {
            Assert.StartsWith(_server.Url, page, StringComparison.Ordinal); // links lead to this server, not production
            var list = JsonNode.Parse(await _http.GetStringAsync(new Uri(page)))!;
            seen.AddRange(list["items"]!.AsArray().Select(i => i!["api_url"]!.GetValue<string>()));
            page = list["next"]?.GetValue<string>();
        }

        Assert.Equal(total, seen.Count);
        var answer = await _http.GetAsync("api/v1/index.json");
        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin"))); // production's _headers, applied locally
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        var article = JsonNode.Parse(await _http.GetStringAsync(new Uri(seen.First(u => u.EndsWith("/your-first-physiotherapy-appointment.json", StringComparison.Ordinal)))))!;
        var authorId = article["fields"]!["author"]!.GetValue<string>();
        var author = article["included"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == "author" && i["id"]!.GetValue<string>() == authorId)!;
        Assert.False(string.IsNullOrWhiteSpace(author["title"]!.GetValue<string>()));

        var before = Hashes(JsonNode.Parse(await _http.GetStringAsync("api/v1/changes.json"))!);
        _site.Edit("input/articles/your-first-physiotherapy-appointment.md", "## What we will ask", "## What we will ask at the start");
        Dictionary<string, string> after = before;
        await Eventually(async () => (after = Hashes(JsonNode.Parse(await _http.GetStringAsync("api/v1/changes.json"))!)).Count > 0 && !after.SequenceEqual(before), "changes.json never changed after the edit");
        Assert.Equal(["article/your-first-physiotherapy-appointment"], after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => a.Key));

        static Dictionary<string, string> Hashes(JsonNode changes) => changes["items"]!.AsArray()
            .ToDictionary(i => $"{i!["kind"]!.GetValue<string>()}/{i["id"]!.GetValue<string>()}", i => i!["hash"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[[headers]\nfor = \"/*\"")]
    [InlineData("headers = 3")]
    public void A_damaged_netlify_toml_is_said_plainly_and_serving_goes_on_without_its_headers(string toml)
    {
        var file = Path.Combine(_site.Root, "damaged.toml");
        File.WriteAllText(file, toml);
        using var log = new StringWriter();
        var headers = ProductionHeaders.Load(file, log);
        Assert.Empty(headers);
        Assert.Contains("damaged.toml", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("without production's security headers", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_that_throws_is_logged_and_shown_and_the_server_stays_up()
    {
        using var log = new StringWriter();
        var options = new BuildOptions { Input = _site.Input, Theme = _site.Theme, Output = Path.Combine(_site.Root, ".site-cache", "crash") };
        var serve = new ServeOptions(TestFiles.FreePort(), LiveReload: false) { Build = (_, _) => throw new InvalidOperationException("the renderer fell over") };
        await using var server = new DevServer(options, serve, log);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("the renderer fell over", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("internal error (InvalidOperationException): the renderer fell over", log.ToString(), StringComparison.Ordinal);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
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
