using System.Collections.Immutable;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public class PublishingTests
{
    [Fact]
    public async Task Redirects_are_generated_from_site_yml_and_article_aliases()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("tags: [running]", "tags: [running]\naliases: [/blog/old-hamstring-post/, /news/hamstrings]", StringComparison.Ordinal),
        });
        TestSite.AssertClean(await site.BuildAsync());
        var lines = site.ReadOutput("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Generated", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            ["/book https://book.test.example/ 302", "/blog/old-hamstring-post/ /articles/hamstring-pain/ 301", "/news/hamstrings /articles/hamstring-pain/ 301"],
            lines[1..]);
    }

    [Fact]
    public async Task A_draft_is_not_rendered_or_checked_unless_drafts_are_built()
    {
        // A claim the advertising rules refuse, in a draft, is no error of the published site (the draft is neither
        // rendered nor checked); built with drafts, it is one at its line.
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/work-in-progress.md"] = TestSite.ArticleCalled("Work in progress")
                .Replace("tags: [running]", "tags: [running]\ndraft: true", StringComparison.Ordinal)
                .Replace("Training changes.", "Our physiotherapists are hamstring specialists.", StringComparison.Ordinal),
        });
        TestSite.AssertClean(await site.BuildAsync());
        Assert.False(File.Exists(Path.Combine(site.Output, "articles", "work-in-progress", "index.html")));

        var error = TestSite.SingleError(await site.BuildAsync(new BuildOptions { Drafts = true }));
        Assert.Equal("input/articles/work-in-progress.md", error.Location!.File);
        Assert.Equal(13, error.Location.Line);
    }

    [Fact]
    public async Task An_alias_that_is_still_a_page_is_refused()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("tags: [running]", "tags: [running]\naliases: [/conditions/]", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.AliasConflict, error.Id);
        Assert.Equal((8, 11), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public async Task Headers_give_fingerprinted_assets_a_year_and_everything_else_revalidation_without_overlap()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var rules = Rules(site.ReadOutput("_headers"));
        var strict = "Content-Security-Policy: " + Site.Web.Modules.Netlify.SecurityPolicies.Site;
        Assert.Equal(["Cache-Control: public, max-age=31536000, immutable", strict], rules["/_assets/*"]);
        Assert.Equal(["Content-Type: application/json; charset=utf-8", "Access-Control-Allow-Origin: *", "X-Robots-Tag: noindex"], rules["/api/v1/*"]);
        Assert.Equal(["Cache-Control: public, max-age=0, must-revalidate", "X-Robots-Tag: noindex"], rules["/admin/*"]);
        Assert.Equal(["Content-Security-Policy: " + Site.Web.Modules.Netlify.SecurityPolicies.Editor], rules["/*"]);
        Assert.All(rules.Where(r => r.Key is not ("/_assets/*" or "/api/v1/*" or "/admin/*" or "/*")), r => Assert.Equal(["Cache-Control: public, max-age=0, must-revalidate", strict], r.Value));
        Assert.Contains("/", rules.Keys);
        Assert.Contains("/articles/*", rules.Keys);
    }

    [Fact]
    public async Task Every_file_but_the_editor_gets_the_strict_policy_and_the_editor_only_its_own()
    {
        // As Netlify matches _headers rules: every rule whose path matches, each header with every value.
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var rules = Rules(site.ReadOutput("_headers"));
        var files = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(p => p is not ("/_headers" or "/_redirects") && !p.StartsWith("/.", StringComparison.Ordinal))
            .Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .ToList();
        Assert.Contains("/admin/", files);
        foreach (var path in files)
        {
            var policies = rules.Where(r => r.Key.EndsWith('*') ? path.StartsWith(r.Key[..^1], StringComparison.Ordinal) : r.Key == path)
                .SelectMany(r => r.Value).Where(h => h.StartsWith("Content-Security-Policy: ", StringComparison.Ordinal)).ToList();
            var editor = path.StartsWith("/admin/", StringComparison.Ordinal);
            Assert.True(
                editor ? policies.SequenceEqual(["Content-Security-Policy: " + Site.Web.Modules.Netlify.SecurityPolicies.Editor]) : policies.Contains("Content-Security-Policy: " + Site.Web.Modules.Netlify.SecurityPolicies.Site),
                $"{path} gets {string.Join(" | ", policies)}");
        }

        Assert.DoesNotContain("unsafe", Site.Web.Modules.Netlify.SecurityPolicies.Site, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_assets_get_content_hashed_names_and_every_reference_follows()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        var css = Directory.GetFiles(Path.Combine(site.Output, "_assets", "css"));
        var name = Path.GetFileName(Assert.Single(css));
        Assert.Matches(@"^site\.[0-9a-f]{10}\.css$", name);
        Assert.Contains($"href=\"/_assets/css/{name}\"", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "assets", "css")));

        site.Write("theme/assets/css/site.css", File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "css", "site.css")) + "\n.changed { color: red; }\n");
        TestSite.AssertClean(await site.BuildAsync());
        var renamed = Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "_assets", "css"))));
        Assert.NotEqual(name, renamed);
        Assert.Contains(renamed, site.ReadOutput("articles/hamstring-pain/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_asking_for_a_missing_asset_fails_at_the_template_line()
    {
        var layout = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "layouts", "base.sbn"));
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["theme/layouts/base.sbn"] = layout.Replace("{{ asset \"/assets/css/site.css\" }}", "{{ asset \"/assets/css/styles.css\" }}", StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.TemplateRender, d.Id));
        Assert.Contains("no asset '/assets/css/styles.css'", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal("theme/layouts/base.sbn", result.Diagnostics[0].Location?.File);
    }

    [Fact]
    public async Task A_preview_differs_from_production_exactly_in_drafts_noindex_robots_and_base_url()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/draft.md"] = TestSite.ArticleCalled("Draft").Replace("tags: [running]", "tags: [running]\ndraft: true", StringComparison.Ordinal),
            ["input/articles/later.md"] = TestSite.ArticleCalled("Later", "2027-01-10"),
        });
        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { BaseUrl = "https://physionorth.netlify.app" }));
        var production = Snapshot(site.Output);
        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { BaseUrl = "https://deploy-preview-7--physionorth.netlify.app", Drafts = true, Future = true, Preview = true }));
        var preview = Snapshot(site.Output);

        Assert.Equal(["api/v1/article/draft.json", "api/v1/article/later.json", "articles/draft/index.html", "articles/later/index.html"], preview.Keys.Except(production.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(production.Keys.Except(preview.Keys));
        // The site's pages; the editor at /admin/ is a tool, noindex in every build (EditorTests).
        foreach (var (path, html) in preview.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal) && !p.Key.StartsWith("admin/", StringComparison.Ordinal)))
        {
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"canonical\" href=\"https://deploy-preview-7--physionorth.netlify.app/", html, StringComparison.Ordinal);
            if (production.TryGetValue(path, out var live))
            {
                Assert.Contains("<link rel=\"canonical\" href=\"https://physionorth.netlify.app/", live, StringComparison.Ordinal);
                Assert.DoesNotContain("deploy-preview", live, StringComparison.Ordinal);
                Assert.Equal(path == "404.html", live.Contains("noindex", StringComparison.Ordinal));
            }
        }

        Assert.Equal("# A preview build: keep it out of search results.\nUser-agent: *\nDisallow: /\n", preview["robots.txt"]);
        Assert.Contains("Sitemap: https://physionorth.netlify.app/sitemap.xml", production["robots.txt"], StringComparison.Ordinal);
        Assert.Contains("\n/*\n  X-Robots-Tag: noindex", preview["_headers"], StringComparison.Ordinal);
        Assert.DoesNotContain("\n/*\n  X-Robots-Tag", production["_headers"], StringComparison.Ordinal); // only the API is noindex in production
    }

    [Fact]
    public async Task A_scaffolded_article_builds_clean_and_is_a_draft()
    {
        using var site = new TestSite();
        var paths = SitePaths.From(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "theme"), site.Output, site.Root);
        var now = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero); // already the 25th in Sydney
        var (path, error) = Scaffold.Create(paths, new ScaffoldRequest("article", "Knee pain: what runners should know", ImmutableDictionary<string, string>.Empty.Add("author", "melissa").Add("condition", "proximal-hamstring-tendinopathy")), now);
        Assert.Null(error);
        Assert.Equal(Path.Combine(site.Root, "input", "articles", "knee-pain-what-runners-should-know.md"), path);
        var text = File.ReadAllText(path!);
        Assert.Contains("date: 2026-11-25", text, StringComparison.Ordinal);
        Assert.Contains("draft: true", text, StringComparison.Ordinal);
        Assert.Contains("author: melissa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reviewed_by", text, StringComparison.Ordinal); // --author names the author, not a reviewer
        Assert.Contains("conditions:\n  - proximal-hamstring-tendinopathy", text, StringComparison.Ordinal);

        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { Drafts = true, Now = now }));
        Assert.True(site.OutputExists("articles/knee-pain-what-runners-should-know/index.html"));
        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { Now = now }));
        Assert.False(site.OutputExists("articles/knee-pain-what-runners-should-know/index.html"));
    }

    [Theory]
    [InlineData("condition", "Achilles tendinopathy")]
    [InlineData("author", "Sam Lee")]
    public async Task Scaffolded_conditions_and_authors_build_clean(string kind, string title)
    {
        using var site = new TestSite();
        var paths = SitePaths.From(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "theme"), site.Output, site.Root);
        var (_, error) = Scaffold.Create(paths, new ScaffoldRequest(kind, title), DateTimeOffset.UtcNow);
        Assert.Null(error);
        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { Drafts = true }));
    }

    [Fact]
    public void The_scaffolder_refuses_an_existing_slug_and_an_unknown_author()
    {
        using var site = new TestSite();
        var paths = SitePaths.From(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "theme"), site.Output, site.Root);
        var (_, exists) = Scaffold.Create(paths, new ScaffoldRequest("article", "Hamstring pain", ImmutableDictionary<string, string>.Empty.Add("author", "melissa")), DateTimeOffset.UtcNow);
        Assert.Contains("already exists", exists, StringComparison.Ordinal);
        var (_, unknown) = Scaffold.Create(paths, new ScaffoldRequest("article", "New thing", ImmutableDictionary<string, string>.Empty.Add("author", "melisa")), DateTimeOffset.UtcNow);
        Assert.Contains("Did you mean 'melissa'?", unknown, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Root, "input", "articles", "new-thing.md")));
    }

    private static Dictionary<string, List<string>> Rules(string headers)
    {
        var rules = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in headers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            if (line.StartsWith(' '))
            {
                current!.Add(line.Trim());
            }
            else
            {
                Assert.False(rules.ContainsKey(line), $"{line} is listed twice");
                rules[line] = current = [];
            }
        }

        return rules;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".png", StringComparison.Ordinal) && !f.EndsWith(".svg", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
}

public class SearchIndexTests
{
    [Theory]
    [InlineData("Hamstrings", "hamstring")]
    [InlineData("injuries", "injury")]
    [InlineData("stretches", "stretch")]
    [InlineData("stress", "stress")]
    [InlineData("runner's", "runner")]
    public void Plurals_and_case_fold_to_one_stem(string word, string stem) =>
        Assert.Equal(stem, Assert.Single(Content.SearchText.Stems(word)));

    [Fact]
    public async Task The_index_lists_every_searchable_kind_with_title_stems_in_model_order()
    {
        using var site = new TestSite();
        TestSite.AssertClean(await site.BuildAsync());
        using var json = System.Text.Json.JsonDocument.Parse(site.ReadOutput("search-index.json"));
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        // Kinds in model order (by name), each newest first or by title.
        Assert.Equal(["/articles/hamstring-pain/", "/authors/melissa/", "/conditions/proximal-hamstring-tendinopathy/"], pages.Select(p => p[0].GetString()));
        Assert.Equal("hamstring pain runner", pages[0][4].GetString());
        Assert.Contains("training", pages[0][5].GetString()!.Split(' '));
        Assert.DoesNotContain("hamstring", pages[0][5].GetString()!.Split(' '));
    }
}
