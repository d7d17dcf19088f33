using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Site.Web.Tests;

/// <summary>
/// The content API under /api/v1/ of the sample build: every answer validates against the schema it names
/// (with a real validator, JsonSchema.Net), every address in it is absolute and leads to a file of the same
/// build, two builds agree byte for byte apart from index.json, and drafts stay out of production.
/// </summary>
public sealed class ApiTests : IClassFixture<SampleBuild>
{
    private const string BaseUrl = "https://www.physionorth.example/";
    private readonly SampleBuild _sample;

    public ApiTests(SampleBuild sample) => _sample = sample;

    private string Api => Path.Combine(_sample.Output, "api", "v1");

    private IEnumerable<string> AnswerFiles() => Directory.EnumerateFiles(Api, "*.json", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(Api, f).StartsWith("schema", StringComparison.Ordinal) && Path.GetFileName(f) != "openapi.json")
        .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_answer_validates_against_the_schema_it_names()
    {
        Assert.True(_sample.Result.Errors == 0, string.Join("\n", _sample.Result.Diagnostics));
        var registry = Schemas();

        var checkedFiles = 0;
        foreach (var file in AnswerFiles())
        {
            using var answer = JsonDocument.Parse(File.ReadAllText(file));
            // changes.json names no $schema in its body; its schema is schema/changes.json.
            var schemaUrl = answer.RootElement.TryGetProperty("$schema", out var named) ? named.GetString()! : BaseUrl + "api/v1/schema/changes.json";
            var schema = registry.Get(new Uri(schemaUrl)) as JsonSchema;
            Assert.True(schema is not null, $"{file} names {schemaUrl}, which is not published");
            var result = schema!.Evaluate(answer.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, $"{Path.GetRelativePath(Api, file)} does not match {schemaUrl}:\n{Errors(result)}");
            checkedFiles++;
        }

        Assert.True(checkedFiles >= 20, $"only {checkedFiles} answers were checked");
    }

    [Fact]
    public void A_schema_rejects_an_answer_that_breaks_it()
    {
        // The validation above must be able to fail: an item without its title, and with a relative address.
        var registry = Schemas();

        var item = JsonNode.Parse(File.ReadAllText(Path.Combine(Api, "article", "proximal-hamstring-tendinopathy-in-runners.json")))!.AsObject();
        var schema = (JsonSchema)registry.Get(new Uri(BaseUrl + "api/v1/schema/article.json"))!;
        Assert.True(Valid(schema, item));
        item.Remove("title");
        Assert.False(Valid(schema, item));
        item["title"] = "Back again";
        item["url"] = "/articles/relative/";
        Assert.False(Valid(schema, item));
    }

    [Fact]
    public void Every_address_in_the_api_is_absolute_and_leads_to_a_file_of_the_build()
    {
        var addresses = 0;
        foreach (var file in Directory.EnumerateFiles(Api, "*.json", SearchOption.AllDirectories))
        {
            var isSchema = Path.GetRelativePath(Api, file).StartsWith("schema", StringComparison.Ordinal);
            foreach (var url in Strings(JsonNode.Parse(File.ReadAllText(file))))
            {
                if (url == BaseUrl + "api/v1")
                {
                    continue; // openapi.json's server: the base the paths are relative to, not a file
                }

                if (url.StartsWith(BaseUrl, StringComparison.Ordinal))
                {
                    var path = new Uri(url).AbsolutePath.TrimStart('/');
                    var target = Path.Combine(_sample.Output, path.EndsWith('/') || path.Length == 0 ? path + "index.html" : path);
                    Assert.True(File.Exists(target), $"{file}: '{url}' leads to no file of the build");
                    addresses++;
                }
                else if (!isSchema && url.StartsWith('/') && !url.StartsWith("/blog/", StringComparison.Ordinal))
                {
                    Assert.Fail($"{file}: '{url}' is a relative address; every address in the API is absolute"); // old addresses kept for redirects (/blog/) are not links
                }
            }

            // Addresses inside the HTML of bodies too.
            foreach (var html in Strings(JsonNode.Parse(File.ReadAllText(file))).Where(s => s.Contains("href=", StringComparison.Ordinal)))
            {
                Assert.DoesNotMatch("""(href|src)="/(?!/)""", html);
            }
        }

        Assert.True(addresses > 100, $"only {addresses} addresses were checked");
        Assert.DoesNotMatch("""(href|src)=\\"/(?!/)""", _sample.Read("feed.json"));
    }

    [Fact]
    public void An_item_carries_what_it_refers_to_so_one_request_is_enough()
    {
        var item = JsonNode.Parse(_sample.Read("api/v1/article/proximal-hamstring-tendinopathy-in-runners.json"))!;
        var author = item["fields"]!["author"]!.GetValue<string>();
        var included = item["included"]!.AsArray().Select(n => n!).ToList();
        var person = Assert.Single(included, i => i["kind"]!.GetValue<string>() == "author" && i["id"]!.GetValue<string>() == author);
        Assert.Equal("Melissa Hartley", person["title"]!.GetValue<string>());
        Assert.Contains(included, i => i["kind"]!.GetValue<string>() == "condition");
        Assert.StartsWith("Do you get a deep ache", item["body_markdown"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<strong>proximal", item["body_html"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_of_the_same_content_write_the_same_api_apart_from_index_json()
    {
        var second = Path.Combine(Directory.CreateTempSubdirectory("api-again-").FullName, "output");
        try
        {
            var result = await SampleBuild.Build(second);
            Assert.True(result.Errors == 0, string.Join("\n", result.Diagnostics));
            var files = Directory.EnumerateFiles(Api, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Api, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.EnumerateFiles(Path.Combine(second, "api", "v1"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(second, "api", "v1"), f)).Order(StringComparer.Ordinal));
            foreach (var file in files.Where(f => f != "index.json"))
            {
                Assert.True(File.ReadAllBytes(Path.Combine(Api, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, "api", "v1", file))), $"{file} differs between two builds");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(second)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_draft_is_absent_from_a_production_api_and_present_when_drafts_are_built()
    {
        var draft = TestSite.ArticleCalled("Draft article").Replace("tags: [running]", "tags: [running]\ndraft: true", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/draft-article.md"] = draft });
        var production = await site.BuildAsync();
        Assert.True(production.Errors == 0, string.Join("\n", production.Diagnostics));
        Assert.False(site.OutputExists("api/v1/article/draft-article.json"));
        Assert.DoesNotContain("draft-article", site.ReadOutput("api/v1/article/index.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("draft-article", site.ReadOutput("api/v1/changes.json"), StringComparison.Ordinal);

        var preview = await site.BuildAsync(new BuildOptions { Drafts = true, Preview = true });
        Assert.True(preview.Errors == 0, string.Join("\n", preview.Diagnostics));
        Assert.True(site.OutputExists("api/v1/article/draft-article.json"));
        Assert.Contains("draft-article", site.ReadOutput("api/v1/changes.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_description_loads_without_errors_in_a_real_openapi_reader()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(Path.Combine(Api, "openapi.json")));
        var (document, diagnostic) = await Microsoft.OpenApi.OpenApiDocument.LoadAsync(stream, "json");
        Assert.NotNull(document);
        Assert.True(diagnostic!.Errors.Count == 0, string.Join("\n", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Contains("/article/{id}.json", document!.Paths.Keys);
        Assert.Contains("/condition/{id}/article.json", document.Paths.Keys);
        Assert.Contains("body_html", document.Components!.Schemas!["article"].Properties!.Keys);

        // The reader does not complain about a reference to nothing: every $ref must name a component that exists.
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(Api, "openapi.json")))!;
        var references = Refs(raw).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(
            r.StartsWith("#/components/schemas/", StringComparison.Ordinal) && document.Components.Schemas.ContainsKey(r["#/components/schemas/".Length..]),
            $"'{r}' names no component"));
    }

    private static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : Refs(p.Value)),
        JsonArray a => a.SelectMany(Refs),
        _ => [],
    };

    [Fact]
    public void Lists_by_topic_and_by_what_items_refer_to_save_a_client_paging_through_everything()
    {
        var byCondition = JsonNode.Parse(_sample.Read("api/v1/condition/proximal-hamstring-tendinopathy/article.json"))!;
        var expected = Directory.EnumerateFiles(Path.Combine(Api, "article"), "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .Where(a => a["fields"]?["conditions"]?.AsArray().Any(c => c!.GetValue<string>() == "proximal-hamstring-tendinopathy") == true)
            .Select(a => a["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, byCondition["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var index = JsonNode.Parse(_sample.Read("api/v1/index.json"))!;
        var running = index["topics"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "running")!;
        var topic = JsonNode.Parse(File.ReadAllText(Path.Combine(_sample.Output, new Uri(running["items"]!.GetValue<string>()).AbsolutePath.TrimStart('/'))))!;
        Assert.Equal(running["count"]!.GetValue<int>(), topic["items"]!.AsArray().Count);
        Assert.All(topic["items"]!.AsArray(), i => Assert.Contains("running", File.ReadAllText(Path.Combine(Api, "article", i!["id"]!.GetValue<string>() + ".json")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_keeps_every_character_through_the_json_whatever_the_file_s_line_endings()
    {
        // Quotation marks, a backslash, a tab, an emoji, curly quotes and accents, in a file saved with a byte
        // order mark and Windows line endings: the answer parses as strict JSON and gives back the Markdown
        // exactly (with line feeds) and the HTML with every character.
        var body = "Say \"load\" not `C:\\temp`.\n\n\tIndented code\n\nRunners\u2019 heels: caf\u00e9 \U0001F9B5 done.\n";
        var text = TestSite.Article.Replace("Some text about hamstrings.\n\n## What causes it\nTraining changes.", body, StringComparison.Ordinal);
        Assert.Contains(body, text, StringComparison.Ordinal);
        using var site = new TestSite();
        File.WriteAllBytes(
            Path.Combine(site.Root, "input", "articles", "hamstring-pain.md"),
            [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))]);
        TestSite.AssertClean(await site.BuildAsync());

        using var answer = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "api", "v1", "article", "hamstring-pain.json")));
        Assert.Equal(body, answer.RootElement.GetProperty("body_markdown").GetString());
        var html = answer.RootElement.GetProperty("body_html").GetString()!;
        Assert.Contains("Say &quot;load&quot; not <code>C:\\temp</code>.", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>Indented code\n</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("Runners\u2019 heels: caf\u00e9 \U0001F9B5 done.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ slash / tab \t newline \n return \r")]
    [InlineData("control \u0001 \u001f and delete \u007f")]
    [InlineData("</script> <!-- & \u2028 \u2029 \U0001F600 \uFFFD")]
    [InlineData("\"")]
    [InlineData("")]
    public void Long_text_is_written_as_a_json_string_that_reads_back_the_same(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            Site.Web.Modules.Api.JsonText.Write(json, "bytes", System.Text.Encoding.UTF8.GetBytes(text));
            json.WriteString("after", "next");
            json.WriteEndObject();
        }

        using var read = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(text, read.RootElement.GetProperty("bytes").GetString());
        Assert.Equal("next", read.RootElement.GetProperty("after").GetString());
    }

    [Fact]
    public void Long_text_that_is_not_utf8_is_written_with_replacement_characters_not_as_broken_json()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Site.Web.Modules.Api.JsonText.Write(json, "bytes", [(byte)'a', 0xFF, (byte)'"', 0xC3]);
            json.WriteEndObject();
        }

        using var read = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("a\uFFFD\"\uFFFD", read.RootElement.GetProperty("bytes").GetString());
    }

    [Fact]
    public async Task A_broken_link_in_a_body_is_reported_once_at_its_markdown_line_not_again_for_its_api_copy()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = TestSite.Article + "\n\nSee [the missing page](/no-such-page/).\n" });
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.Equal(("input/articles/hamstring-pain.md", 14), (error.Location!.File, error.Location.Line));
        Assert.Contains("/no-such-page/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_address_that_leads_nowhere_is_reported_by_the_site_check()
    {
        // The generator only writes addresses of files it also writes; the check must still catch one that does not.
        var answer = new Site.Engine.Document(null, "api/v1/article/a.json", "{}")
            .With(Site.Web.Modules.MetadataKeys.ApiLinks, [BaseUrl + "api/v1/article/a.json", BaseUrl + "articles/gone/"]);
        var page = new Site.Engine.Document(null, "articles/here/index.html", "<html></html>");
        var diagnostics = new Site.Engine.Diagnostics.DiagnosticBag();
        var check = new Site.Web.Checks.CheckApiLinks();
        await check.CheckAsync(new Site.Web.Checks.SiteToCheck([answer, page], []), new Site.Web.Checks.CheckReport(check, diagnostics), CancellationToken.None);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Contains(BaseUrl + "articles/gone/", error.Message, StringComparison.Ordinal);
        Assert.Equal("api/v1/article/a.json", error.Location!.File);
    }

    [Theory]
    [InlineData("<a href=\"/a/\">x</a>", "<a href=\"https://s.example/a/\">x</a>")]
    [InlineData("<img src=\"/i.png\" alt=\"\">", "<img src=\"https://s.example/i.png\" alt=\"\">")]
    [InlineData("<a href=\"//cdn.example/x\">x</a>", "<a href=\"//cdn.example/x\">x</a>")]
    [InlineData("<a href=\"https://other.example/\">x</a>", "<a href=\"https://other.example/\">x</a>")]
    [InlineData("<a data-href=\"/a/\" href=\"#top\">x</a>", "<a data-href=\"/a/\" href=\"#top\">x</a>")]
    [InlineData("<p>Write href=&quot;/a/&quot; in text</p>", "<p>Write href=&quot;/a/&quot; in text</p>")]
    [InlineData("<a\nhref=\"/\">home</a>", "<a\nhref=\"https://s.example/\">home</a>")]
    [InlineData("<source srcset=\"/a-320.avif 320w, /a-640.avif 640w\" sizes=\"100vw\">", "<source srcset=\"https://s.example/a-320.avif 320w, https://s.example/a-640.avif 640w\" sizes=\"100vw\">")]
    [InlineData("<img srcset=\"//cdn.example/a.jpg 1x,/b.jpg 2x\" src=\"/b.jpg\">", "<img srcset=\"//cdn.example/a.jpg 1x,https://s.example/b.jpg 2x\" src=\"https://s.example/b.jpg\">")]
    public void Root_relative_addresses_in_bodies_become_absolute_and_nothing_else_changes(string html, string expected) =>
        Assert.Equal(expected, Site.Web.Content.ContentUrls.AbsoluteLinks(html, "https://s.example/"));

    [Fact]
    public void Netlify_serves_the_api_as_json_to_any_origin_and_keeps_it_out_of_the_sitemap()
    {
        var headers = _sample.Read("_headers");
        Assert.Contains("/api/v1/*\n  Content-Type: application/json; charset=utf-8\n  Access-Control-Allow-Origin: *", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", _sample.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", _sample.Read("search-index.json"), StringComparison.Ordinal);
    }

    /// <summary>Every published schema, built into a registry of its own so that $ref between them resolves.</summary>
    private SchemaRegistry Schemas()
    {
        var options = new Json.Schema.BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Api, "schema"), "*.json"))
        {
            JsonSchema.FromText(File.ReadAllText(file), options);
        }

        return options.SchemaRegistry;
    }

    private static bool Valid(JsonSchema schema, JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
