namespace Site.Cli.Tests;

/// <summary>The <c>site</c> script at the repository root runs the command as the README writes it.</summary>
public sealed class RepositoryScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("site-script-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Out, string Err) Run(string folder, params string[] args) =>
        SiteProcess.Run(SiteProcess.StartInfo(folder, args, wrapper: Path.Combine(TestFiles.RepositoryRoot, "site")), TimeSpan.FromMinutes(5));

    [Fact]
    public void The_script_builds_the_site_in_the_current_folder_and_passes_on_exit_codes()
    {
        TestFiles.CopySample(_root);
        var (code, output, error) = Run(_root, "build", "--output", "public");
        Assert.True(code == 0, output + error);
        Assert.Contains("Built ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "public", "index.html")));

        Assert.Equal(2, Run(_root, "biuld").Code);
    }
}
