namespace Site.Cli.Tests;

public sealed class SiteCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("site-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A copy of the real sample site, so tests can break it without touching the repository.</summary>
    private string CopySample()
    {
        TestFiles.CopySample(_root);
        return _root;
    }

    private string[] Folders(params string[] extra) =>
        ["--input", Path.Combine(_root, "input"), "--theme", Path.Combine(_root, "theme"), "--output", Path.Combine(_root, "output"), .. extra];

    [Fact]
    public async Task Format_lays_out_hand_written_files_as_the_editor_writes_them_and_leaves_files_it_cannot()
    {
        CopySample();
        string[] folders = ["--input", Path.Combine(_root, "input"), "--theme", Path.Combine(_root, "theme")];
        var (clean, cleanOut, _) = await Run(["format", "--check", .. folders]);
        Assert.True(clean == 0, cleanOut);

        var article = Path.Combine(_root, "input", "articles", "increasing-your-running-safely.md");
        var original = File.ReadAllText(article);
        var handWritten = original.Replace("tags:\n  - running\n  - training load\n", "", StringComparison.Ordinal).Replace("title:", "tags: [running, training load]\ntitle:", StringComparison.Ordinal);
        File.WriteAllText(article, handWritten);
        var commented = Path.Combine(_root, "input", "authors", "nicole.md");
        var withComment = File.ReadAllText(commented).Replace("\n---\n", "\n# ask Nicole before changing\n---\n", StringComparison.Ordinal);
        File.WriteAllText(commented, withComment);

        var (check, checkOut, checkErr) = await Run(["format", "--check", .. folders]);
        Assert.Equal(1, check);
        Assert.Contains("increasing-your-running-safely.md: not in the editor's layout", checkOut, StringComparison.Ordinal);
        Assert.Equal(handWritten, File.ReadAllText(article));

        var (code, output, error) = await Run(["format", .. folders]);
        Assert.Equal(1, code); // the file with a comment was left alone, and that is said
        Assert.Contains("Formatted", output, StringComparison.Ordinal);
        Assert.Contains("nicole.md: left as it is, because its front matter has comments", error, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllText(article));
        Assert.Equal(withComment, File.ReadAllText(commented));
    }

    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("site [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("build", output, StringComparison.Ordinal);
        var (buildCode, buildHelp, _) = await Run("build", "--help");
        Assert.Equal(0, buildCode);
        Assert.Contains("site build [options]", buildHelp, StringComparison.Ordinal);
        Assert.Contains("--drafts", buildHelp, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("help")).Code);
    }

    [Theory]
    [InlineData("biuld", "Unknown command 'biuld'. Did you mean 'build'?")]
    [InlineData("build --drafs", "Unknown option '--drafs'. Did you mean '--drafts'?")]
    [InlineData("check --warnaserorr", "Unknown option '--warnaserorr'. Did you mean '--warnaserror'?")]
    [InlineData("serve --prot 8080", "Unknown option '--prot'. Did you mean '--port'?")]
    public async Task A_misspelt_command_or_option_gets_a_suggestion(string commandLine, string says)
    {
        var (code, _, error) = await Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.StartsWith($"site: {says}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("biuld")]
    [InlineData("build --colour")]
    [InlineData("build --output")]
    [InlineData("build --format xml")]
    [InlineData("build --base-url not-a-url")]
    [InlineData("build stray")]
    [InlineData("serve --port 70000")]
    [InlineData("serve --port http")]
    [InlineData("new article")]
    [InlineData("model --format json")]
    public async Task Bad_usage_exits_with_2_and_says_why(string commandLine)
    {
        var (code, _, error) = await Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, code);
        Assert.StartsWith("site: ", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_build_exits_0_with_a_summary_line()
    {
        CopySample();
        var (code, output, error) = await Run(["build", .. Folders()]);
        Assert.True(code == 0, error);
        Assert.Matches(@"Built \d+ files into .*output: 0 warning\(s\), 0 error\(s\) in \d+\.\d\d s\.", output);
        Assert.True(File.Exists(Path.Combine(_root, "output", "index.html")));
    }

    [Fact]
    public async Task A_wrong_date_exits_1_with_an_msbuild_style_error_at_the_line()
    {
        CopySample();
        var article = Path.Combine(_root, "input", "articles", "increasing-your-running-safely.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("date: 2026-10-20", "date: soon", StringComparison.Ordinal));
        var (code, output, error) = await Run(["build", .. Folders()]);
        Assert.Equal(1, code);
        Assert.Contains("increasing-your-running-safely.md(5,7): error SITE1004: 'date' must be a date written as YYYY-MM-DD", error, StringComparison.Ordinal);
        Assert.Contains("Build failed; output was left as it was: 0 warning(s), 1 error(s)", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "output")));
    }

    [Fact]
    public async Task GitHub_format_prints_workflow_annotations()
    {
        CopySample();
        var author = Path.Combine(_root, "input", "articles", "sitting-at-work-with-hamstring-pain.md");
        File.WriteAllText(author, File.ReadAllText(author).Replace("author: melissa", "author: melisa", StringComparison.Ordinal));
        var (code, _, error) = await Run(["check", .. Folders("--format", "github")]);
        Assert.Equal(1, code);
        Assert.Contains("::error file=", error, StringComparison.Ordinal);
        Assert.Contains("sitting-at-work-with-hamstring-pain.md,line=6,col=9,title=SITE1006::There is no author 'melisa'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_prints_structured_diagnostics()
    {
        CopySample();
        var article = Path.Combine(_root, "input", "articles", "increasing-your-running-safely.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("tags:\n  - running\n  - training load", "tgas:\n  - running", StringComparison.Ordinal));
        var (code, output, _) = await Run(["check", .. Folders("--format", "json")]);
        Assert.Equal(1, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var first = json.RootElement[0];
        Assert.Equal("SITE1005", first.GetProperty("id").GetString());
        Assert.Equal(11, first.GetProperty("line").GetInt32());
        Assert.Equal("Did you mean 'tags'?", first.GetProperty("help").GetString());
    }

    [Fact]
    public async Task Check_writes_nothing()
    {
        CopySample();
        var (code, output, _) = await Run(["check", .. Folders()]);
        Assert.Equal(0, code);
        Assert.Contains("Check passed", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "output")));
    }

    [Fact]
    public async Task Explain_describes_an_id()
    {
        var (code, output, _) = await Run("explain", "SITE1005");
        Assert.Equal(0, code);
        Assert.StartsWith("SITE1005", output, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("explain", "SITE9999")).Code);
    }

    [Fact]
    public async Task A_report_is_written_beside_the_site_and_never_into_it()
    {
        CopySample();
        var inside = Path.Combine(_root, "output", "report.md");
        var (code, _, error) = await Run(["build", .. Folders("--report", inside)]);
        Assert.Equal(2, code);
        Assert.Contains("inside the output folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(inside));

        var beside = Path.Combine(_root, "report.json");
        Assert.Equal(0, (await Run(["build", .. Folders("--warnaserror", "--report", beside)])).Code);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(beside));
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(5, report.RootElement.GetProperty("reviews").GetArrayLength()); // four articles and the condition
        Assert.Equal(8, report.RootElement.GetProperty("readability").GetArrayLength()); // articles, condition, services
    }

    [Fact]
    public async Task Explain_shows_an_advertising_rule_with_its_example_and_fix()
    {
        var (code, output, _) = await Run("explain", "SITE8104");
        Assert.Equal(0, code);
        Assert.Contains("Example: Melissa is our Achilles specialist.", output, StringComparison.Ordinal);
        Assert.Contains("Fix: Write 'has a special interest in'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_fail_the_build_with_warnaserror()
    {
        CopySample();
        var page = Path.Combine(_root, "input", "pages", "about.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace(
            "description: Physionorth is a physiotherapy clinic for runners and active\n  people. Meet the team and find out how we work with you.",
            "description: About us.",
            StringComparison.Ordinal));
        Assert.Equal(0, (await Run(["check", .. Folders()])).Code);
        Assert.Equal(1, (await Run(["check", .. Folders("--warnaserror")])).Code);
    }

    public static TheoryData<string, string, string, string> SampleDefects => new()
    {
        // file under input/, text to find, replacement, expected "file(line,col): error ID" prefix
        { "articles/sitting-at-work-with-hamstring-pain.md", "author: melissa", "author: melisa", "articles/sitting-at-work-with-hamstring-pain.md(6,9): error SITE1006" },
        { "articles/increasing-your-running-safely.md", "proximal-hamstring-tendinopathy-in-runners/#what-causes-it", "proximal-hamstring-tendinopathy-in-runners/#what-causes-this", "articles/increasing-your-running-safely.md(49,1): error SITE2002" },
        { "articles/proximal-hamstring-tendinopathy-in-runners.md", "(/conditions/proximal-hamstring-tendinopathy/)", "(/conditions/hamstring-tendinopathy/)", "articles/proximal-hamstring-tendinopathy-in-runners.md(28,23): error SITE2001" },
        { "articles/your-first-physiotherapy-appointment.md", "date: 2026-09-15", "date: 15/09/2026", "articles/your-first-physiotherapy-appointment.md(5,7): error SITE1004" },
        { "articles/your-first-physiotherapy-appointment.md", "tags:\n  - getting started", "tags:\n\t- getting started", "articles/your-first-physiotherapy-appointment.md(11,1): error SITE1001" },
        { "articles/sitting-at-work-with-hamstring-pain.md", "image_alt: An office desk with a laptop and a potted plant, and an office chair\n  with a cushion on the seat\n", "", "articles/sitting-at-work-with-hamstring-pain.md(14,8): error SITE1008" },
        { "articles/sitting-at-work-with-hamstring-pain.md", "conditions:\n  - proximal-hamstring-tendinopathy", "condition:\n  - proximal-hamstring-tendinopathy", "articles/sitting-at-work-with-hamstring-pain.md(9,1): error SITE1005" },
        { "conditions/proximal-hamstring-tendinopathy.md", "reviewed_by: nicole", "reviewed_by: nicol", "conditions/proximal-hamstring-tendinopathy.md(34,14): error SITE1006" },
        { "site.yml", "  page: medical-disclaimer", "  page: medical-disclaimers", "site.yml(43,9): error SITE3004" },
    };

    [Theory]
    [MemberData(nameof(SampleDefects))]
    public async Task Each_defect_marketing_staff_make_fails_the_sample_build_at_the_right_line(string file, string find, string replace, string expected)
    {
        CopySample();
        var path = Path.Combine(_root, "input", file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        var (code, _, error) = await Run(["build", .. Folders()]);
        Assert.Equal(1, code);
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        // One mistake, one place to fix: every error it causes points into the file that has the mistake.
        Assert.All(errors, e => Assert.Contains("input/" + file + "(", e, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(_root, "input", expected).Replace('\\', '/'), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disclaimer_partial_deleted_by_hand_fails_the_sample_build()
    {
        CopySample();
        File.WriteAllText(Path.Combine(_root, "theme", "partials", "disclaimer.sbn"), "<aside></aside>\n");
        var (code, _, error) = await Run(["build", .. Folders()]);
        Assert.Equal(1, code);
        Assert.Contains("error SITE3001: The article page /articles/proximal-hamstring-tendinopathy-in-runners/ does not show the medical disclaimer.", error, StringComparison.Ordinal);
    }
}
