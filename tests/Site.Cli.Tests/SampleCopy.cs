namespace Site.Cli.Tests;

/// <summary>A copy of the real sample site in a temporary folder, so tests can change it freely.</summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Directory.CreateTempSubdirectory("site-cli-").FullName;
        TestFiles.CopySample(Root);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Theme => Path.Combine(Root, "theme");

    public static string RepositoryRoot => TestFiles.RepositoryRoot;

    public void Edit(string path, string find, string replace)
    {
        var full = Path.Combine(Root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
