using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Engine.Diagnostics;
using Site.Web.Admin;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Tests;

/// <summary>
/// The front-matter layout of <c>site format</c> against what the editor really writes: every case goes through
/// Decap CMS's own formatter (its decap-cms-core package, run by Node from the editor's node_modules), so a file
/// in our layout is one the editor saves back unchanged.
/// </summary>
public sealed class EditorLayoutTests
{
    private static readonly ContentModel Model = LoadModel();

    private static ContentModel LoadModel()
    {
        var root = TestSite.RepositoryRoot;
        return ContentModel.Load(SitePaths.From(Path.Combine(root, "input"), Path.Combine(root, "theme"), Path.Combine(root, "output"), root), new DiagnosticBag())
            ?? throw new InvalidOperationException("The sample's content model does not load.");
    }

    private static IReadOnlyList<string> Order(string kind) => EditorConfig.FieldOrder(Model.Kind(kind)!);

    /// <summary>Values that YAML writes in every style: plain, both quotes, folded, blocks, and text that looks like another type.</summary>
    public static readonly string[] Values =
    [
        "Knee pain: what it means",
        "Knee pain: the \"runner's\" knee",
        "Knee pain: the \"big\" one",
        "Proximal hamstring tendinopathy: a runner's guide to pain at the sitting bone and what to do about it today",
        "Why runners get pain where the hamstring joins the sitting bone, what makes it worse, and how a physio helps you get back to running and sitting comfortably again.",
        new string('x', 120),
        "a " + new string('y', 100) + " b c",
        "yes", "true", "False", "42", "1.50", "null", "~", "-5", "+5", "0o17", "0x1F", "1e3", "10:30", "2026-11-02",
        "- item", "#1 clinic", "@clinic", "*star*", "&amp", "!important", "50% off", "[draft]", "{x}", "> quote", "| bar",
        "'quoted'", "\"quoted\"", "`code`", "Note:", "space ", " space", "Call us #1", "C#", "https://example.com/a#b",
        "? what", "?", "-", "a, b", "a:b",
        "Run 🏃 café “curly” — dash", "a\\b", "a\tb",
        "line one\nline two", "line one\nline two\n", "short\n" + string.Concat(Enumerable.Repeat("word ", 30)) + "end", "a\n  indented\nb",
        "A: " + string.Concat(Enumerable.Repeat("word ", 40)),
        "Title: \"" + string.Concat(Enumerable.Repeat("quote ", 20)) + "\"",
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ArticleWith(string value)
    {
        var quoted = JsonSerializer.Serialize(value, Relaxed);
        // Written by hand: flow lists, fields out of the form's order, the value in every place a value can be.
        return "---\n"
            + $"tags: [running, {quoted}]\n"
            + $"title: {quoted}\n"
            + "date: 2026-11-02\n"
            + "description: Why runners get pain where the hamstring joins the sitting bone, what makes it worse.\n"
            + "author: melissa\n"
            + $"image_alt: {quoted}\n"
            + "draft: true\n"
            + "suppress:\n  - id: SITE2001\n    reason: " + quoted + "\n"
            + "---\n\nThe body: stays *exactly* as it is.\n   \n";
    }

    private static IEnumerable<(string Name, string Text, IReadOnlyList<string> Order)> Cases()
    {
        foreach (var kind in Model.Kinds)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input", kind.Folder), "*.md").Order(StringComparer.Ordinal))
            {
                yield return ($"input/{kind.Folder}/{Path.GetFileName(file)}", File.ReadAllText(file), Order(kind.Name));
            }
        }

        for (var i = 0; i < Values.Length; i++)
        {
            yield return ($"value {i}: {JsonSerializer.Serialize(Values[i])}", ArticleWith(Values[i]), Order("article"));
        }
    }

    /// <summary>site.yml: the sample's, and one written by hand with nested fields and lists in every place.</summary>
    private static IEnumerable<(string Name, string Text)> Settings()
    {
        yield return ("input/site.yml", File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "input", "site.yml")));
        yield return ("site.yml by hand", string.Join('\n', [
            "booking: {url: 'https://book.example/', label: \"Book: now\"}",
            "name: Clinic",
            "clinic:",
            "  street: Level 1, 42 Riverbank Road",
            "  postcode: \"2999\"",
            "  hours:",
            "    - days: [Monday, Tuesday]",
            "      opens: \"07:00\"",
            "      closes: '19:00'",
            "    - {days: [Saturday], opens: '08:00', closes: '12:30'}",
            "disclaimer:",
            "  text: >-",
            "    The exercises and information on this page are general in nature and are not a substitute for",
            "    advice about your own situation.",
            "  page: medical-disclaimer",
            "navigation: [{title: Articles, url: /articles/}, {title: 'About: us', url: /about/}]",
            "articles_per_page: 12",
            "diagnostics: {SITE1009: warning}",
            ""]));
    }

    [Fact]
    public void The_editor_writes_back_site_settings_in_our_layout_unchanged_and_lays_them_out_as_we_do()
    {
        var order = SiteSettingsForm.FieldOrder;
        var cases = Settings().ToList();
        var ours = cases.Select(c => FrontMatterLayout.Document(c.Text, order, out var problem) ?? throw new InvalidOperationException($"{c.Name}: {problem}")).ToList();
        var decap = DecapWrites([.. cases.Select(c => (c.Text, order, "yml")), .. ours.Select(o => (o, order, "yml"))]);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.True(decap[i] == ours[i], $"{cases[i].Name}: the editor lays it out as\n{decap[i]}\nbut site format as\n{ours[i]}");
            Assert.True(decap[cases.Count + i] == ours[i], $"{cases[i].Name}: the editor changes our layout into\n{decap[cases.Count + i]}");
        }

        Assert.Equal(ours[0], cases[0].Text); // the sample's site.yml is already in the layout
    }

    [Fact]
    public void The_editor_writes_back_every_file_in_our_layout_unchanged_and_lays_out_hand_written_files_as_we_do()
    {
        var cases = Cases().ToList();
        var ours = cases.Select(c => FrontMatterLayout.Canonical(c.Text, c.Order, out var problem) ?? throw new InvalidOperationException($"{c.Name}: {problem}")).ToList();
        var jobs = cases.Select(c => (c.Text, c.Order, "frontmatter")).Concat(cases.Select((c, i) => (ours[i], c.Order, "frontmatter"))).ToList();
        var decap = DecapWrites(jobs);
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            if (decap[i] != ours[i])
            {
                failures.Add($"{cases[i].Name}: the editor lays out the original as\n{decap[i]}\nbut site format as\n{ours[i]}");
            }

            if (decap[cases.Count + i] != ours[i])
            {
                failures.Add($"{cases[i].Name}: the editor changes our layout into\n{decap[cases.Count + i]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Equal(2 * cases.Count, decap.Count);
    }

    [Fact]
    public void The_sample_is_in_the_editors_layout()
    {
        foreach (var (name, text, order) in Cases().Where(c => c.Name.StartsWith("input/", StringComparison.Ordinal)))
        {
            Assert.True(FrontMatterLayout.Canonical(text, order, out _) == text, $"{name} is not in the editor's layout: run 'site format'.");
        }
    }

    [Fact]
    public void The_body_is_kept_byte_for_byte_and_a_second_format_changes_nothing()
    {
        const string body = "\n\nFirst line with trailing spaces   \n\n---\nnot: front matter\n---\n\n    code\n\t\ttabs\n";
        var once = FrontMatterLayout.Canonical("---\ntags: [a, b]\ntitle: Hi\n---\n" + body, Order("article"), out _)!;
        Assert.Equal("---\ntitle: Hi\ntags:\n  - a\n  - b\n---\n" + body, once);
        Assert.Equal(once, FrontMatterLayout.Canonical(once, Order("article"), out _));
    }

    [Theory]
    [InlineData("---\ntitle: Hi # the headline\n---\nBody\n", "comments")]
    [InlineData("---\ntitle: &name Hi\nimage_alt: *name\n---\nBody\n", "anchor")]
    [InlineData("---\ntitle: [unclosed\n---\nBody\n", "not valid YAML")]
    [InlineData("No front matter\n", "does not start with front matter")]
    [InlineData("---\ntitle: Hi\n", "never closed")]
    public void A_file_that_cannot_be_laid_out_without_losing_something_is_left_with_the_reason(string text, string reason)
    {
        Assert.Null(FrontMatterLayout.Canonical(text, Order("article"), out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    /// <summary>Runs Decap's formatter on each file, as the editor does when it saves.</summary>
    private static List<string> DecapWrites(IReadOnlyList<(string Text, IReadOnlyList<string> Order, string Format)> jobs)
    {
        var modules = Path.Combine(TestSite.RepositoryRoot, "src", "Site.Web", "Admin", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "decap-cms-core")), $"The editor's packages are not installed in {modules}; building Site.Web runs 'npm ci' there.");
        var script = Path.Combine(TestSite.RepositoryRoot, "tests", "Site.Web.Tests", "Editor", "decap-layout.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script, modules])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var input = new JsonArray([.. jobs.Select(j => (JsonNode)new JsonObject { ["text"] = j.Text, ["order"] = new JsonArray([.. j.Order.Select(o => (JsonNode)o)]), ["format"] = j.Format })]);
        node.StandardInput.Write(input.ToJsonString());
        node.StandardInput.Close();
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node failed: {error.Result}");
        return JsonSerializer.Deserialize<List<string>>(output)!;
    }
}
