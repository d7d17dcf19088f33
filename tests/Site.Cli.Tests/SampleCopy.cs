namespace Site.Cli.Tests;

/// <summary>A copy of the real sample site in a temporary folder, so tests can change it freely.</summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Directory.CreateTempSubdirectory("site-cli-").FullName;
        foreach (var folder in new[] { "input", "theme" })
        {
            var from = Path.Combine(RepositoryRoot, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Root, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Theme => Path.Combine(Root, "theme");

    public static string RepositoryRoot { get; } = FindRoot();

    public void Edit(string path, string find, string replace)
    {
        var full = Path.Combine(Root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Site.sln not found.");
    }
}
