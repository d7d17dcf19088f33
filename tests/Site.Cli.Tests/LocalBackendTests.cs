using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Site.Cli.Serve;
using Site.Web;
using Site.Web.Admin;

namespace Site.Cli.Tests;

/// <summary>
/// The editor's local backend as site serve answers it, over real HTTP against a copy of the sample. Paths travel
/// inside the JSON body, so no client normalises them before the server sees them.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class LocalBackendTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly SampleCopy _site = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("outside-input-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
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
        _server = new DevServer(options, new ServeOptions(TestFiles.FreePort(), Headers: new Dictionary<string, string>()), TextWriter.Null);
        await _server.StartAsync();
        _http.BaseAddress = new Uri(_server.Url);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Ask(string action, JsonObject parameters, Action<HttpRequestMessage>? change = null)
    {
        var body = new JsonObject { ["action"] = action, ["params"] = parameters };
        using var request = new HttpRequestMessage(HttpMethod.Post, EditorConfig.LocalBackendPath)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        change?.Invoke(request);
        using var response = await _http.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Info_says_it_is_a_local_file_system_with_simple_publishing()
    {
        var (status, body) = await Ask("info", new JsonObject { ["branch"] = "main" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("local_fs", (string?)body!["type"]);
        Assert.Equal("simple", (string?)body["publish_modes"]![0]);
    }

    [Fact]
    public async Task Entries_of_a_folder_are_its_files_exactly_with_their_hashes()
    {
        var (status, body) = await Ask("entriesByFolder", new JsonObject { ["branch"] = "main", ["folder"] = "input/articles", ["extension"] = "md", ["depth"] = 1 });
        Assert.Equal(HttpStatusCode.OK, status);
        var expected = Directory.GetFiles(Path.Combine(_site.Input, "articles"), "*.md").Select(f => "input/articles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var entries = body!.AsArray();
        Assert.Equal(expected, entries.Select(e => (string)e!["file"]!["path"]!).ToList());
        foreach (var entry in entries)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_site.Root, (string)entry!["file"]!["path"]!));
            Assert.Equal(Encoding.UTF8.GetString(bytes), (string?)entry["data"]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)entry["file"]!["id"]);
        }
    }

    [Fact]
    public async Task A_missing_entry_is_null_data_not_an_error()
    {
        var (status, body) = await Ask("getEntry", new JsonObject { ["path"] = "input/articles/not-written-yet.md" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["data"]);
        Assert.Equal("input/articles/not-written-yet.md", (string?)body["file"]!["path"]);
    }

    [Fact]
    public async Task A_saved_entry_and_its_picture_are_written_into_input_and_the_new_page_is_served()
    {
        var article = File.ReadAllText(Path.Combine(_site.Input, "articles", "increasing-your-running-safely.md"))
            .Replace("title: ", "title: Saved from the editor. ", StringComparison.Ordinal);
        var picture = Convert.ToBase64String(File.ReadAllBytes(Directory.GetFiles(Path.Combine(_site.Input, "assets", "images"), "*.png").First()));
        var (status, body) = await Ask("persistEntry", new JsonObject
        {
            ["branch"] = "main",
            ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = "input/articles/saved-from-the-editor.md", ["slug"] = "saved-from-the-editor", ["raw"] = article }),
            ["assets"] = new JsonArray(new JsonObject { ["path"] = "input/assets/images/uploaded.png", ["content"] = picture, ["encoding"] = "base64" }),
            ["options"] = new JsonObject { ["commitMessage"] = "Create article" },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("entry persisted", (string?)body!["message"]);
        Assert.Equal(article, File.ReadAllText(Path.Combine(_site.Input, "articles", "saved-from-the-editor.md")));
        Assert.Equal(Convert.FromBase64String(picture), File.ReadAllBytes(Path.Combine(_site.Input, "assets", "images", "uploaded.png")));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        HttpResponseMessage page;
        while ((page = await _http.GetAsync("articles/saved-from-the-editor/")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the saved article was never served");
            await Task.Delay(100);
        }

        Assert.Contains("Saved from the editor.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var media = (await Ask("getMedia", new JsonObject { ["mediaFolder"] = "input/assets/images" })).Body!.AsArray();
        Assert.Contains(media, m => (string?)m!["path"] == "input/assets/images/uploaded.png" && (string?)m["content"] == picture);
    }

    public static TheoryData<string> PathsOutsideInput => new()
    {
        "../escaped.md",
        "input/../escaped.md",
        "input/articles/../../../escaped.md",
        "theme/escaped.md",
        "/tmp/escaped.md",
        "input\\..\\..\\escaped.md",
        "input/articles/linked/escaped.md",
    };

    [Theory]
    [MemberData(nameof(PathsOutsideInput))]
    public async Task Entries_are_not_saved_outside_input(string path)
    {
        LinkOutside();
        var (status, body) = await Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = path.Replace("escaped", "escaped", StringComparison.Ordinal), ["slug"] = "escaped", ["raw"] = "---\ntitle: x\n---\n" }),
            ["assets"] = new JsonArray(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("input/", (string?)body!["error"], StringComparison.Ordinal);
        AssertNothingEscaped();
    }

    [Theory]
    [MemberData(nameof(PathsOutsideInput))]
    public async Task Pictures_are_not_saved_outside_input(string path)
    {
        LinkOutside();
        var (status, body) = await Ask("persistMedia", new JsonObject
        {
            ["asset"] = new JsonObject { ["path"] = path.Replace(".md", ".png", StringComparison.Ordinal), ["content"] = Convert.ToBase64String([1, 2, 3]), ["encoding"] = "base64" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("input/", (string?)body!["error"], StringComparison.Ordinal);
        AssertNothingEscaped();
    }

    [Fact]
    public async Task A_file_that_is_a_link_is_neither_read_nor_overwritten()
    {
        var secret = Path.Combine(_outside, "secret.md");
        File.WriteAllText(secret, "private");
        File.CreateSymbolicLink(Path.Combine(_site.Input, "articles", "linked-file.md"), secret);

        var read = await Ask("getEntry", new JsonObject { ["path"] = "input/articles/linked-file.md" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, read.Status);
        var (status, _) = await Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = "input/articles/linked-file.md", ["slug"] = "linked-file", ["raw"] = "overwritten" }),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("private", File.ReadAllText(secret));
    }

    [Fact]
    public async Task Another_website_in_the_same_browser_cannot_use_it()
    {
        var fromElsewhere = await Ask("getEntry", new JsonObject { ["path"] = "input/site.yml" }, r => r.Headers.Add("Origin", "https://attacker.example"));
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.Status);

        var rebound = await Ask("getEntry", new JsonObject { ["path"] = "input/site.yml" }, r => r.Headers.Host = $"attacker.example:{new Uri(_server.Url).Port}");
        Assert.Equal(HttpStatusCode.Forbidden, rebound.Status);

        // A form or a "simple" request cannot set a JSON type without the browser asking first.
        using var simple = new HttpRequestMessage(HttpMethod.Post, EditorConfig.LocalBackendPath)
        {
            Content = new StringContent("""{"action":"getEntry","params":{"path":"input/site.yml"}}""", Encoding.UTF8, "text/plain"),
        };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _http.SendAsync(simple)).StatusCode);

        var own = await Ask("getEntry", new JsonObject { ["path"] = "input/site.yml" }, r => r.Headers.Add("Origin", _server.Url.TrimEnd('/')));
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(File.ReadAllText(Path.Combine(_site.Input, "site.yml")), (string?)own.Body!["data"]);
    }

    [Fact]
    public async Task The_editor_still_works_while_the_build_fails()
    {
        _site.Edit("input/articles/increasing-your-running-safely.md", "date: 2026-10-20", "date: soon");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await _http.GetAsync("/")).StatusCode != HttpStatusCode.InternalServerError)
        {
            Assert.True(DateTime.UtcNow < deadline, "the broken build never showed");
            await Task.Delay(100);
        }

        var (status, body) = await Ask("getEntry", new JsonObject { ["path"] = "input/articles/increasing-your-running-safely.md" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("date: soon", (string?)body!["data"], StringComparison.Ordinal);
    }

    private async Task<JsonNode> Preview(JsonObject data, string? path = "input/articles/increasing-your-running-safely.md")
    {
        var request = new JsonObject { ["collection"] = "article", ["path"] = path, ["data"] = data };
        using var response = await _http.PostAsync(EntryPreview.RequestPath, new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private static JsonObject Values(string body, string date = "2026-10-20") => new()
    {
        ["title"] = "Increasing your running, unsaved",
        ["description"] = "Simple rules for adding distance, hills and speed to your running, so your muscles and tendons keep up.",
        ["date"] = date,
        ["author"] = "nicole",
        ["conditions"] = new JsonArray("proximal-hamstring-tendinopathy"),
        ["tags"] = new JsonArray("running"),
        ["body"] = body,
    };

    [Fact]
    public async Task The_preview_is_the_real_page_with_the_builds_messages_for_unsaved_values_and_saves_nothing()
    {
        var file = Path.Combine(_site.Input, "articles", "increasing-your-running-safely.md");
        var before = File.ReadAllText(file);
        var answer = await Preview(Values("\nRead [the guide](/articles/no-such-guide/) first.\n"));

        var diagnostic = answer["diagnostics"]!.AsArray().Single(d => (string?)d!["id"] == "SITE2001");
        Assert.Equal("body", (string?)diagnostic!["field"]);
        Assert.Contains("/articles/no-such-guide/", (string?)diagnostic["message"], StringComparison.Ordinal);
        var url = (string?)answer["url"];
        Assert.Equal("/admin/preview/articles/increasing-your-running-safely/", url);

        using var page = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Increasing your running, unsaved", html, StringComparison.Ordinal);
        Assert.Contains("data-site=\"disclaimer\"", html, StringComparison.Ordinal);
        Assert.Contains("data-site=\"book-now\"", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Frame-Options"));

        // Nothing was written to input/, and the served site still has the saved article.
        Assert.Equal(before, File.ReadAllText(file));
        Assert.DoesNotContain("unsaved", await _http.GetStringAsync("articles/increasing-your-running-safely/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_the_model_refuses_is_named_by_its_field_and_no_stale_page_is_offered()
    {
        await Preview(Values("\nFine.\n"));
        var answer = await Preview(Values("\nFine.\n", date: "next week"));
        var diagnostic = answer["diagnostics"]!.AsArray().Single(d => (string?)d!["severity"] == "error");
        Assert.Equal("date", (string?)diagnostic!["field"]);
        Assert.Equal("SITE1004", (string?)diagnostic["id"]);
        Assert.Null(answer["url"]);
    }

    [Fact]
    public async Task A_new_entry_is_previewed_under_the_file_name_its_title_gives()
    {
        var answer = await Preview(Values("\nA new one.\n"), path: null);
        Assert.Equal("/admin/preview/articles/increasing-your-running-unsaved/", (string?)answer["url"]);
        Assert.False(File.Exists(Path.Combine(_site.Input, "articles", "increasing-your-running-unsaved.md")));
    }

    /// <summary>input/articles/linked is a link to a folder outside input/.</summary>
    private void LinkOutside()
    {
        var link = Path.Combine(_site.Input, "articles", "linked");
        if (!Directory.Exists(link))
        {
            Directory.CreateSymbolicLink(link, _outside);
        }
    }

    private void AssertNothingEscaped()
    {
        Assert.Empty(Directory.GetFiles(_outside));
        Assert.Empty(Directory.GetFiles(_site.Root, "escaped.*", SearchOption.TopDirectoryOnly));
        Assert.Empty(Directory.GetFiles(Path.Combine(_site.Root, "theme"), "escaped.*"));
        Assert.False(File.Exists("/tmp/escaped.md") || File.Exists("/tmp/escaped.png"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_site.Root)!, "escaped.md")) || File.Exists(Path.Combine(Path.GetDirectoryName(_site.Root)!, "escaped.png")));
    }
}
