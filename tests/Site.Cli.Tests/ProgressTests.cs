using Site.Benchmarks;

namespace Site.Cli.Tests;

/// <summary>
/// The progress line of a long build: shown on a terminal (a real pseudo-terminal from script(1)), erased at the
/// end, and never written when the output is redirected or CI is set. SITE_PROGRESS_DELAY_MS=0 stands in for
/// the two seconds a build must run before the line appears.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("site-progress-").FullName;

    public ProgressTests() => Corpus.WriteOurs(_root, 300, TestFiles.RepositoryRoot);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Code, string Text) Run(bool terminal, bool ci)
    {
        var start = terminal
            ? SiteProcess.StartInfo(_root, ["-qefc", $"dotnet '{SiteProcess.Program}' build", "/dev/null"], wrapper: "script")
            : SiteProcess.StartInfo(_root, ["build"]);
        start.Environment["SITE_PROGRESS_DELAY_MS"] = "0";
        start.Environment.Remove("CI");
        if (ci)
        {
            start.Environment["CI"] = "true";
        }

        var (code, output, error) = SiteProcess.Run(start, TimeSpan.FromMinutes(2));
        return (code, output + error);
    }

    [Fact]
    public void A_build_on_a_terminal_shows_its_step_and_pages_done_then_erases_the_line()
    {
        var (code, text) = Run(terminal: true, ci: false);
        Assert.True(code == 0, text);
        Assert.Matches(@"Building… [a-z:]+: \w+…? [\d,]+ of [\d,]+", text);
        var summary = text.LastIndexOf("Built ", StringComparison.Ordinal);
        Assert.True(summary > 0, text);
        // The last thing written to the line is the erase, after the last progress text and before the summary.
        Assert.True(text.LastIndexOf("\r\u001b[K", StringComparison.Ordinal) > text.LastIndexOf("Building…", StringComparison.Ordinal), "the progress line was left on the screen");
        Assert.True(text.LastIndexOf("\r\u001b[K", StringComparison.Ordinal) < summary, "the summary was erased");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Redirected_output_and_ci_get_no_progress_line(bool terminal, bool ci)
    {
        var (code, text) = Run(terminal, ci);
        Assert.True(code == 0, text);
        Assert.Contains("Built ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Building…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[K", text, StringComparison.Ordinal);
    }
}
