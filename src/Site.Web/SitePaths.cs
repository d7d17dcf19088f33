namespace Site.Web;

/// <summary>The folders of one build, and how file paths are shown to people.</summary>
public sealed record SitePaths(string Input, string Theme, string Output, string DisplayRoot)
{
    public static SitePaths From(string input, string theme, string output, string? displayRoot = null) => new(
        Path.GetFullPath(input),
        Path.GetFullPath(theme),
        Path.GetFullPath(output),
        Path.GetFullPath(displayRoot ?? Environment.CurrentDirectory));

    /// <summary>
    /// Content files read from memory instead of disk, by full path: the editor's unsaved values, which
    /// <c>site serve</c> builds into a preview. A path here that is not on disk is read as a new file.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Overlay { get; init; }

    /// <summary>The content model: one file per kind of content.</summary>
    public string Model => Path.Combine(Input, Site.Web.Model.ContentModel.FolderName);

    /// <summary>The folder a kind's files are read from.</summary>
    public string FolderOf(Site.Web.Model.KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Path.Combine(Input, kind.Folder);
    }

    public string SiteFile => Path.Combine(Input, "site.yml");

    /// <summary>A path as a person should see it: relative to the display root when inside it, with forward slashes.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(DisplayRoot, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
