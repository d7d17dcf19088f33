namespace Site.Web.Tests;

/// <summary>One build of the real sample content, shared by the tests that only read its output.</summary>
public sealed class SampleBuild : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Directory.CreateTempSubdirectory("sample-site-").FullName, "output");

    public BuildResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await Build(Output);

    public static Task<BuildResult> Build(string output) => SiteBuilder.BuildAsync(new BuildOptions
    {
        Input = Path.Combine(TestSite.RepositoryRoot, "input"),
        Theme = Path.Combine(TestSite.RepositoryRoot, "theme"),
        Output = output,
        DisplayRoot = TestSite.RepositoryRoot,
        Now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
    });

    public string Read(string path) => File.ReadAllText(Path.Combine(Output, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Output, path));

    /// <summary>The site's pages: every HTML file but the editor's (admin/), which is a tool, not a page (EditorTests).</summary>
    public IEnumerable<string> HtmlPages() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("admin/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    public Task DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(Output)!, recursive: true);
        return Task.CompletedTask;
    }
}
