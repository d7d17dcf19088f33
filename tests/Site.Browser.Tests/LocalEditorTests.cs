using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Site.Cli.Serve;
using Site.Web;

namespace Site.Browser.Tests;

/// <summary>
/// The editor as a marketing person uses it on their own computer: the real Decap CMS bundle at /admin/ of
/// <c>site serve</c> on a copy of the sample, talking to the local backend site serve answers, with the site's own
/// page as its preview. Every change is checked in the files under input/ and on the served site.
/// </summary>
[Collection(SiteInBrowser.Name)]
public sealed partial class LocalEditorTests(SiteFixture site)
{
    private const string ShortDescriptionMessage = "A description is at least a short sentence (10 characters or more)";

    /// <summary>A copy of the sample served by site serve, and a browser tab signed in to its editor.</summary>
    private sealed class Editor : IAsyncDisposable
    {
        private Editor(string root, DevServer server, IBrowserContext context, IPage page)
        {
            Root = root;
            Server = server;
            Context = context;
            Page = page;
        }

        public string Root { get; }

        public DevServer Server { get; }

        public IBrowserContext Context { get; }

        public IPage Page { get; }

        public List<string> Problems { get; } = [];

        public string Input => Path.Combine(Root, "input");

        public static async Task<Editor> OpenAsync(SiteFixture site)
        {
            var root = Directory.CreateTempSubdirectory("editor-").FullName;
            TestFiles.CopySample(root);
            var port = TestFiles.FreePort();
            var options = new BuildOptions { Input = Path.Combine(root, "input"), Theme = Path.Combine(root, "theme"), Output = Path.Combine(root, "serve"), Drafts = true, Future = true, DisplayRoot = root };
            var server = new DevServer(options, new ServeOptions(port, Headers: SiteFixture.NetlifyHeaders()), TextWriter.Null);
            await server.StartAsync();
            var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
            var page = await context.NewPageAsync();
            var editor = new Editor(root, server, context, page);
            page.Console += (_, message) =>
            {
                if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    editor.Problems.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    editor.Problems.Add($"{response.Status} for {response.Url}");
                }
            };
            await page.GotoAsync("/admin/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Collections").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(0, await page.Locator($"script[src='{LiveReload.ScriptPath}']").CountAsync());
            return editor;
        }

        public string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

        /// <summary>Opens an entry, waits for its form and for the site's preview of it.</summary>
        public async Task OpenEntryAsync(string collection, string slug)
        {
            // Loaded afresh: moving from one open entry to another by address alone leaves the editor showing the
            // first one, and a fresh load compares the form with the file as it is now.
            await Page.GotoAsync($"/admin/#/collections/{collection}/entries/{slug}");
            await Page.ReloadAsync();
            await Assertions.Expect(Pane(Page).Locator("[data-site=editor-diagnostics]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        /// <summary>
        /// Publishes the open entry (the local backend has no editorial workflow) and waits until its file under
        /// input/ has changed.
        /// </summary>
        public async Task PublishAsync(string path)
        {
            var file = Path.Combine(Root, path);
            var before = File.Exists(file) ? File.ReadAllBytes(file) : null;
            await Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!File.Exists(file) || (before is not null && before.AsSpan().SequenceEqual(File.ReadAllBytes(file))))
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"{path} was not saved within 30 s. The editor shows:\n{await Page.InnerTextAsync("body")}");
                }

                await Task.Delay(100);
            }
        }

        public async Task<string> GetServedAsync(string path)
        {
            using var http = new HttpClient { BaseAddress = new Uri(Server.Url) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync();
                }

                Assert.True(DateTime.UtcNow < deadline, $"{path} was never served ({response.StatusCode})");
                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Server.DisposeAsync();
            Directory.Delete(Root, recursive: true);
        }
    }

    private async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(site.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotFolder, name) });
    }

    /// <summary>The one line (index and text) that differs between a file's lines before and its text after.</summary>
    private static (int Line, string Text) OnlyChangedLine(string[] before, string after)
    {
        var lines = after.Split('\n');
        Assert.Equal(before.Length, lines.Length);
        var line = Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != lines[i]);
        return (line, lines[line]);
    }

    /// <summary>Decap's preview pane (a frame), where the site's page and the build's messages are shown.</summary>
    private static IFrameLocator Pane(IPage page) => page.Locator("iframe").First.ContentFrame;

    private static IFrameLocator PreviewPage(IPage page) => Pane(page).FrameLocator("iframe[data-site=editor-preview-page]");

    /// <summary>Picks an item in a relation field by typing part of its title, as a person does.</summary>
    private static async Task ChooseAsync(IPage page, string field, string typed)
    {
        var input = page.Locator($"[id^='{field}-field-']");
        await input.ClickAsync();
        await input.PressSequentiallyAsync(typed);
        await Assertions.Expect(page.Locator("[id*='-option-']").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await input.PressAsync("Enter");
    }

    [BrowserFact]
    public async Task An_article_created_in_the_form_is_saved_as_the_expected_file_with_its_picture_and_the_rebuilt_site_serves_it()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        var picture = Path.Combine(editor.Root, "step-down-exercise.jpg");
        File.Copy(Path.Combine(editor.Input, "assets", "images", "treatment-room.jpg"), picture);

        await page.GotoAsync("/admin/#/collections/article/new");
        await page.Locator("[id^='title-field-']").FillAsync("Knee pain when running downhill");
        await page.Locator("[id^='description-field-']").FillAsync("Why running downhill can hurt the front of the knee, and what a physiotherapist can do to help you.");
        await page.Locator("[id^='date-field-']").FillAsync("2026-11-20");
        await ChooseAsync(page, "author", "Melissa");
        await page.Locator("[id^='last_reviewed-field-']").FillAsync("2026-11-20");
        await ChooseAsync(page, "reviewed_by", "Nicole");
        await ChooseAsync(page, "conditions", "Proximal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tags" }).ClickAsync();
        await page.Locator("[id^='tags-field-'] input[type=text]").Last.FillAsync("running");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(picture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose selected" }).ClickAsync(new() { Timeout = 30_000 });
        await page.Locator("[id^='image_alt-field-']").FillAsync("A runner stepping down from a low step");
        await page.Locator("[data-slate-editor=true]").ClickAsync();
        await page.Keyboard.TypeAsync("Running downhill asks more of the front of the knee than running on the flat.");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Read how to [build up your running safely](/articles/increasing-your-running-safely/).");

        await Assertions.Expect(PreviewPage(page).Locator("h1")).ToHaveTextAsync("Knee pain when running downhill", new() { Timeout = 30_000 });
        await Shot(page, "editor-form-1366.png");
        await editor.PublishAsync("input/articles/knee-pain-when-running-downhill.md");

        var file = Path.Combine(editor.Input, "articles", "knee-pain-when-running-downhill.md");
        Assert.True(File.Exists(file), "the article was not saved under input/articles/");
        Assert.Equal(
            """
            ---
            title: Knee pain when running downhill
            description: Why running downhill can hurt the front of the knee, and what a
              physiotherapist can do to help you.
            date: 2026-11-20
            author: melissa
            last_reviewed: 2026-11-20
            reviewed_by: nicole
            conditions:
              - proximal-hamstring-tendinopathy
            tags:
              - running
            image: /assets/images/step-down-exercise.jpg
            image_alt: A runner stepping down from a low step
            ---
            Running downhill asks more of the front of the knee than running on the flat.

            Read how to [build up your running safely](/articles/increasing-your-running-safely/).

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(file));
        Assert.Equal(File.ReadAllBytes(picture), File.ReadAllBytes(Path.Combine(editor.Input, "assets", "images", "step-down-exercise.jpg")));

        var served = await editor.GetServedAsync("articles/knee-pain-when-running-downhill/");
        Assert.Contains("Knee pain when running downhill", served, StringComparison.Ordinal);
        // The uploaded picture is treated like any other photo: the page shows it resized, in AVIF among others,
        // and the server has the files.
        var resized = System.Text.RegularExpressions.Regex.Match(served, @"/_assets/images/step-down-exercise-\d+\.[0-9a-f]{10}\.avif");
        Assert.True(resized.Success, served);
        Assert.NotEmpty(await editor.GetServedAsync(resized.Value.TrimStart('/')));

        var build = await SiteBuilder.BuildAsync(new BuildOptions
        {
            Input = editor.Input,
            Theme = Path.Combine(editor.Root, "theme"),
            Output = Path.Combine(editor.Root, "checked"),
            DisplayRoot = editor.Root,
            WarningsAsErrors = true,
        });
        Assert.True(build.Diagnostics.All(d => d.Severity == Site.Engine.Diagnostics.Severity.Info), string.Join("\n", build.Diagnostics));

        // The editor keeps a picture chosen for an open entry in the browser until the entry is saved, so the site's
        // preview of the unsaved entry cannot show it yet (a known gap): that request, and only that one, fails.
        var unexpected = editor.Problems.Where(p => !p.Contains("/assets/images/step-down-exercise.jpg", StringComparison.Ordinal) && !p.Contains("status of 404", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [BrowserFact]
    public async Task Editing_one_field_changes_only_that_fields_line()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        const string path = "input/articles/increasing-your-running-safely.md";
        var before = editor.Read(path).Split('\n');
        await editor.OpenEntryAsync("article", "increasing-your-running-safely");
        await page.Locator("[id^='title-field-']").FillAsync("How to run more without getting injured");
        await editor.PublishAsync(path);

        var (line, text) = OnlyChangedLine(before, editor.Read(path));
        Assert.Equal(1, line);
        Assert.Equal("title: How to run more without getting injured", text);
    }

    [BrowserFact]
    public async Task The_clinics_phone_changed_in_the_settings_form_changes_that_line_of_site_yml_only()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        const string path = "input/site.yml";
        var before = editor.Read(path).Split('\n');
        await page.GotoAsync("/admin/#/collections/settings/entries/site");
        await page.ReloadAsync();
        var phone = page.Locator("[id^='phone-field-']");
        await Assertions.Expect(phone).ToHaveValueAsync("(02) 5550 1234", new() { Timeout = 30_000 });
        await phone.FillAsync("(02) 5550 9876");
        await editor.PublishAsync(path);

        Assert.Equal("  phone: (02) 5550 9876", OnlyChangedLine(before, editor.Read(path)).Text);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await editor.GetServedAsync("about/")).Contains("(02) 5550 9876", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the rebuilt site never showed the new phone number");
            await Task.Delay(200);
        }
    }

    [BrowserFact]
    public async Task Every_sample_file_opened_and_saved_without_changes_keeps_every_byte()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        var model = Site.Web.Model.ContentModel.Load(SitePaths.From(editor.Input, Path.Combine(editor.Root, "theme"), Path.Combine(editor.Root, "out"), editor.Root), new Site.Engine.Diagnostics.DiagnosticBag())!;
        var saved = 0;
        foreach (var kind in model.Kinds)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(editor.Input, kind.Folder), "*.md").Order(StringComparer.Ordinal))
            {
                var before = File.ReadAllBytes(file);
                var slug = Path.GetFileNameWithoutExtension(file);
                await editor.OpenEntryAsync(kind.Name, slug);
                // The editor offers no save for an entry with no change, so: a change saved, then undone and saved
                // again. The file read, parsed and written twice by the editor must come back byte for byte.
                var title = page.Locator($"[id^='{kind.TitleField}-field-']");
                var original = await title.InputValueAsync();
                var relative = $"input/{kind.Folder}/{slug}.md";
                await title.FillAsync(original + " (draft)");
                await editor.PublishAsync(relative);
                await editor.OpenEntryAsync(kind.Name, slug);
                title = page.Locator($"[id^='{kind.TitleField}-field-']");
                await Assertions.Expect(title).ToHaveValueAsync(original + " (draft)");
                await title.ClearAsync();
                await title.FillAsync(original);
                await Assertions.Expect(title).ToHaveValueAsync(original);
                await editor.PublishAsync(relative);
                Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{kind.Folder}/{slug}.md is not the same after a change and its undoing:\n{File.ReadAllText(file)}");
                saved++;
            }
        }

        // site.yml, through the settings form.
        var settings = Path.Combine(editor.Input, "site.yml");
        var settingsBefore = File.ReadAllBytes(settings);
        var name = page.Locator("[id^='name-field-']").First;
        foreach (var value in new[] { "Physionorth (draft)", "Physionorth" })
        {
            await page.GotoAsync("/admin/#/collections/settings/entries/site");
            await page.ReloadAsync();
            await Assertions.Expect(name).Not.ToHaveValueAsync("", new() { Timeout = 30_000 });
            await name.FillAsync(value);
            await editor.PublishAsync("input/site.yml");
        }

        Assert.True(settingsBefore.AsSpan().SequenceEqual(File.ReadAllBytes(settings)), $"site.yml is not the same after a change and its undoing:\n{File.ReadAllText(settings)}");
        Assert.True(saved >= 13, $"only {saved} files were saved");
    }

    [BrowserFact]
    public async Task A_description_shorter_than_the_model_allows_is_refused_by_the_form_with_the_models_message()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        await page.GotoAsync("/admin/#/collections/article/new");
        await page.Locator("[id^='title-field-']").FillAsync("Too short to publish");
        await page.Locator("[id^='description-field-']").FillAsync("Knee.");
        await page.Locator("[id^='date-field-']").FillAsync("2026-11-20");
        await ChooseAsync(page, "author", "Nicole");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText(ShortDescriptionMessage).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.False(File.Exists(Path.Combine(editor.Input, "articles", "too-short-to-publish.md")));
        // The build says the same about the same value, before anything is saved.
        await Assertions.Expect(Pane(page).Locator("[data-site=editor-diagnostics]")).ToContainTextAsync(ShortDescriptionMessage, new() { Timeout = 30_000 });
    }

    [BrowserFact]
    public async Task The_preview_is_the_real_page_and_a_broken_link_typed_in_shows_the_builds_message_before_saving()
    {
        await using var editor = await Editor.OpenAsync(site);
        var page = editor.Page;
        const string path = "input/articles/increasing-your-running-safely.md";
        var before = editor.Read(path);
        await editor.OpenEntryAsync("article", "increasing-your-running-safely");
        var preview = PreviewPage(page);
        await Assertions.Expect(preview.Locator("[data-site=disclaimer]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(preview.Locator("[data-site=book-now] a.button").First).ToHaveAttributeAsync("href", new Regex("^https://"));

        await page.Locator("[data-slate-editor=true]").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Also read [our guide to hills](/articles/running-hills/).");
        var diagnostics = Pane(page).Locator("[data-site=editor-diagnostics]");
        await Assertions.Expect(diagnostics).ToContainTextAsync("/articles/running-hills/", new() { Timeout = 30_000 });
        await Assertions.Expect(diagnostics).ToContainTextAsync("Body", new() { Timeout = 5_000 });
        await Assertions.Expect(preview.Locator("a[href='/articles/running-hills/']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shot(page, "editor-preview-1366.png");
        Assert.Equal(before, editor.Read(path));
    }
}
