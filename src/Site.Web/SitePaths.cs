namespace Site.Web;

/// <summary>The folders of one build, and how file paths are shown to people.</summary>
public sealed record SitePaths(string Input, string Theme, string Output, string DisplayRoot)
{
    public static SitePaths From(string input, string theme, string output, string? displayRoot = null) => new(
        Path.GetFullPath(input),
        Path.GetFullPath(theme),
        Path.GetFullPath(output),
        Path.GetFullPath(displayRoot ?? Environment.CurrentDirectory));

    public string Articles => Path.Combine(Input, "articles");

    public string Conditions => Path.Combine(Input, "conditions");

    public string Authors => Path.Combine(Input, "authors");

    public string Pages => Path.Combine(Input, "pages");

    public string SiteFile => Path.Combine(Input, "site.yml");

    /// <summary>A path as a person should see it: relative to the display root when inside it, with forward slashes.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(DisplayRoot, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
