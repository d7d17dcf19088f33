using Site.Engine.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// site serve keeps a <see cref="BuildCache"/> between builds and re-renders only what a save changed. After
/// every kind of edit, what it serves must be exactly what a fresh build of the same files produces.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private const string Article = "input/articles/sitting-at-work-with-hamstring-pain.md";
    private readonly string _root = Directory.CreateTempSubdirectory("incremental-").FullName;
    private readonly BuildCache _cache = new();

    public IncrementalBuildTests() => TestFiles.CopySample(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private BuildOptions Options(string output, BuildCache? cache) => new()
    {
        Input = Path.Combine(_root, "input"),
        Theme = Path.Combine(_root, "theme"),
        Output = Path.Combine(_root, output),
        DisplayRoot = _root,
        Drafts = true,
        Future = true,
        Now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
        Cache = cache,
    };

    private void Edit(string path, Func<string, string> change)
    {
        var full = Path.Combine(_root, path);
        var before = File.ReadAllText(full);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(full, after);
    }

    /// <summary>Builds with the cache and fresh, compares every file, and returns how many pages were rendered.</summary>
    private async Task<(int Rendered, BuildResult Result)> BuildBothAndCompare()
    {
        var incremental = await SiteBuilder.BuildAsync(Options("serve", _cache));
        var fresh = await SiteBuilder.BuildAsync(Options("fresh-" + Guid.NewGuid().ToString("N"), null));
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), incremental.Diagnostics.Select(d => d.ToString()));
        if (fresh.Errors == 0)
        {
            var freshFolder = Directory.EnumerateDirectories(_root, "fresh-*").Single();
            var serveFolder = Path.Combine(_root, "serve");
            var expected = Files(freshFolder);
            Assert.Equal(expected, Files(serveFolder));
            foreach (var file in expected)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(freshFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(serveFolder, file))),
                    $"{file} differs from a fresh build");
            }

            Directory.Delete(freshFolder, recursive: true);
        }

        return (_cache.Pages.Misses, incremental);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task After_each_kind_of_edit_the_served_site_equals_a_fresh_build_and_only_what_changed_is_rendered()
    {
        var (all, _) = await BuildBothAndCompare();
        Assert.True(all > 20, $"the first build rendered only {all} pages");

        Assert.Equal(0, (await BuildBothAndCompare()).Rendered);

        // A body edit changes that article's page only (lists show front matter, not bodies).
        Edit(Article, t => t + "\nOne more paragraph about standing breaks.\n");
        Assert.Equal(1, (await BuildBothAndCompare()).Rendered);

        // An old address: a new line in _redirects, which site serve otherwise reuses while the files are the same.
        Edit(Article, t => t.Replace("date: 2026-11-10\n", "date: 2026-11-10\naliases:\n  - /blog/sitting-bone/\n", StringComparison.Ordinal));
        Assert.Equal(0, (await BuildBothAndCompare()).Result.Errors);
        Assert.Contains("/blog/sitting-bone/ /articles/sitting-at-work-with-hamstring-pain/ 301", File.ReadAllText(Path.Combine(_root, "serve", "_redirects")), StringComparison.Ordinal);

        // A new review date: the article's date in the sitemap, which site serve otherwise reuses.
        Edit(Article, t => t.Replace("last_reviewed: 2026-11-10", "last_reviewed: 2026-11-20", StringComparison.Ordinal));
        Assert.Equal(0, (await BuildBothAndCompare()).Result.Errors);

        // A title shows on lists, related articles, the author's page: every page is rendered again.
        Edit(Article, t => t.Replace("title: Sitting at work with a sore sitting bone", "title: Sitting at work with a sore sit bone", StringComparison.Ordinal));
        Assert.Equal(all, (await BuildBothAndCompare()).Rendered);

        // A theme change (the stylesheet's fingerprinted address is on every page).
        Edit("theme/assets/css/site.css", t => t + "\n/* edited */\n");
        Assert.Equal(all, (await BuildBothAndCompare()).Rendered);

        // A photo replaced under its own name: new copies under new names, the old ones gone, the published
        // original the new one (the output holds the cache's files as hard links; none may be left stale).
        var photo = Path.Combine(_root, "input", "assets", "images", "treatment-room.jpg");
        var before = Files(Path.Combine(_root, "serve")).Where(f => f.Contains("treatment-room", StringComparison.Ordinal)).ToList();
        File.WriteAllBytes(photo, PictureTests.Photo(2400, 1600));
        await BuildBothAndCompare();
        var after = Files(Path.Combine(_root, "serve")).Where(f => f.Contains("treatment-room", StringComparison.Ordinal)).ToList();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(["assets/images/treatment-room.jpg"], before.Intersect(after));

        // A new article, then its removal: no stale page is left behind.
        File.WriteAllText(Path.Combine(_root, "input/articles/standing-desks.md"), File.ReadAllText(Path.Combine(_root, Article))
            .Replace("title: Sitting at work with a sore sit bone", "title: Standing desks and hamstring pain", StringComparison.Ordinal)
            .Replace("/blog/sitting-bone/", "/blog/standing-desks/", StringComparison.Ordinal));
        Assert.Equal(0, (await BuildBothAndCompare()).Result.Errors);
        Assert.True(File.Exists(Path.Combine(_root, "serve", "articles", "standing-desks", "index.html")));
        File.Delete(Path.Combine(_root, "input/articles/standing-desks.md"));
        await BuildBothAndCompare();
        Assert.False(File.Exists(Path.Combine(_root, "serve", "articles", "standing-desks", "index.html")));
    }

    [Fact]
    public async Task A_body_edit_writes_one_api_answer_and_reuses_the_link_findings_of_pages_not_rendered_again()
    {
        await BuildBothAndCompare();
        var answers = _cache.Answers.Misses;
        Assert.True(answers > 20, $"the first build wrote only {answers} answers");
        await BuildBothAndCompare();
        Assert.Equal(0, _cache.Answers.Misses);
        var files = _cache.Links.Reused;
        Assert.True(files > 20, $"the link check reused the findings of only {files} files");

        // One article's body: its page and its own answer are made again; lists show front matter only.
        Edit(Article, t => t + "\nOne more paragraph about standing breaks.\n");
        Assert.Equal(1, (await BuildBothAndCompare()).Rendered);
        Assert.Equal(1, _cache.Answers.Misses);
        Assert.Contains("standing breaks", File.ReadAllText(Path.Combine(_root, "serve", "api", "v1", "article", "sitting-at-work-with-hamstring-pain.json")), StringComparison.Ordinal);

        // A heading another article links to (#what-causes-it) is renamed: only the edited page is rendered
        // again, yet the unchanged page that links to it must be found broken, exactly as a fresh build finds it.
        const string linked = "input/articles/proximal-hamstring-tendinopathy-in-runners.md";
        Edit(linked, t => t.Replace("## What causes it?", "## What brings it on?", StringComparison.Ordinal));
        var (rendered, broken) = await BuildBothAndCompare();
        Assert.Equal(1, rendered);
        Assert.Contains(broken.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.BrokenFragment && d.Location?.File == "input/articles/increasing-your-running-safely.md");

        Edit(linked, t => t.Replace("## What brings it on?", "## What causes it?", StringComparison.Ordinal));
        var (_, mended) = await BuildBothAndCompare();
        Assert.DoesNotContain(mended.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.BrokenFragment);
    }

    [Fact]
    public async Task An_edit_that_leaves_the_html_as_it_was_still_moves_the_line_a_finding_points_at()
    {
        // As a warning, the broken link leaves the build successful, so serve keeps its pages for the next one.
        Edit("input/site.yml", t => t + "diagnostics:\n  SITE2001: warning\n");
        Edit(Article, t => t + "\nSee [the missing page](/no-such-page/).\n");
        var (_, before) = await BuildBothAndCompare();
        var broken = Assert.Single(before.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.BrokenLink);

        // A blank line above the link: the page's HTML is the same, but the link is one line further down, and the
        // served build must say so, as a fresh build does (the diagnostics are compared whole).
        Edit(Article, t => t.Replace("\nSee [the missing page]", "\n\nSee [the missing page]", StringComparison.Ordinal));
        var (rendered, after) = await BuildBothAndCompare();
        Assert.Equal(1, rendered);
        Assert.Equal(broken.Location!.Line + 1, Assert.Single(after.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.BrokenLink).Location!.Line);
    }

    [Fact]
    public async Task Item_checks_run_again_only_for_the_edited_file_or_when_the_rules_change()
    {
        await BuildBothAndCompare();
        Assert.True(_cache.Checked.Misses > 10);

        // A claim written into one article: that file's checks run again and find it; every other file's
        // findings (none) are reused, and the served build reports exactly what a fresh one does.
        Edit(Article, t => t + "\nOur program guarantees results.\n");
        var (_, claimed) = await BuildBothAndCompare();
        Assert.Equal(1, _cache.Checked.Misses);
        Assert.Contains(claimed.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.AdGuarantee && d.Location?.File == Article);

        // The clinic's own rules change: every file is checked again under them, without touching a content file.
        Edit("input/site.yml", t => t + "advertising: advertising.yml\n");
        File.WriteAllText(Path.Combine(_root, "input", "advertising.yml"), "name: Physionorth\nextends: au\n");
        await BuildBothAndCompare();
        Edit("input/advertising.yml", t => t + "families:\n  guarantee:\n    severity: warning\n");
        var (_, relaxed) = await BuildBothAndCompare();
        Assert.True(_cache.Checked.Misses > 10);
        Assert.Equal(Severity.Warning, Assert.Single(relaxed.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.AdGuarantee).Severity);
    }

    [Fact]
    public async Task A_reused_file_still_reports_its_errors_and_a_fix_builds_like_a_fresh_build()
    {
        await BuildBothAndCompare();
        Edit(Article, t => t.Replace("title: Sitting at work with a sore sitting bone", "title: \"Sitting at work with a sore sitting bone", StringComparison.Ordinal));

        var (_, first) = await BuildBothAndCompare();
        var error = Assert.Single(first.Diagnostics, d => d.Severity == Severity.Error && d.Location?.File == Article);

        // Another file changes; the broken one is not parsed again, but its error must not disappear.
        Edit("input/articles/increasing-your-running-safely.md", t => t + "\nA closing line.\n");
        var (_, second) = await BuildBothAndCompare();
        Assert.Contains(second.Diagnostics, d => d.ToString() == error.ToString());

        Edit(Article, t => t.Replace("title: \"Sitting", "title: Sitting", StringComparison.Ordinal));
        var (_, fixedBuild) = await BuildBothAndCompare();
        Assert.Equal(0, fixedBuild.Errors);
    }

    [Fact]
    public async Task Only_files_the_watcher_reported_are_read_again()
    {
        var page = Path.Combine(_root, "serve", "articles", "sitting-at-work-with-hamstring-pain", "index.html");
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));

        // Nothing reported: last build's text of every file is used, so this edit is not seen yet.
        Edit(Article, t => t + "\nA sentence about lumbar rolls.\n");
        _cache.ChangedSinceLastBuild([]);
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));
        Assert.DoesNotContain("lumbar rolls", File.ReadAllText(page), StringComparison.Ordinal);

        _cache.ChangedSinceLastBuild([Path.Combine(_root, Article)]);
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));
        Assert.Contains("lumbar rolls", File.ReadAllText(page), StringComparison.Ordinal);

        // A reported folder stands for every file in it; no report at all means every file is read.
        Edit(Article, t => t.Replace("lumbar rolls", "neck rolls", StringComparison.Ordinal));
        _cache.ChangedSinceLastBuild([Path.Combine(_root, "input", "articles")]);
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));
        Assert.Contains("neck rolls", File.ReadAllText(page), StringComparison.Ordinal);

        Edit(Article, t => t.Replace("neck rolls", "towel rolls", StringComparison.Ordinal));
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));
        Assert.Contains("towel rolls", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_stays_an_error_when_a_later_save_touches_another_file()
    {
        TestSite.AssertClean(await SiteBuilder.BuildAsync(Options("serve", _cache)));
        var article = Path.Combine(_root, Article);
        var text = File.ReadAllBytes(article);
        File.WriteAllBytes(article, [.. text, 0xC3, 0x28]); // not UTF-8
        _cache.ChangedSinceLastBuild([article]);
        var broken = await SiteBuilder.BuildAsync(Options("serve", _cache));
        Assert.Contains(broken.Diagnostics, d => d.Severity == Engine.Diagnostics.Severity.Error && d.Location?.File?.EndsWith("sitting-at-work-with-hamstring-pain.md", StringComparison.Ordinal) == true);

        // The next save is of another file: the unreadable one must not come back as it was before it broke.
        _cache.ChangedSinceLastBuild([Path.Combine(_root, "input", "site.yml")]);
        var next = await SiteBuilder.BuildAsync(Options("serve", _cache));
        Assert.Contains(next.Diagnostics, d => d.Severity == Engine.Diagnostics.Severity.Error && d.Location?.File?.EndsWith("sitting-at-work-with-hamstring-pain.md", StringComparison.Ordinal) == true);
    }
}
