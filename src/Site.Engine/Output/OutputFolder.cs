namespace Site.Engine;

/// <summary>
/// Builds into a fresh folder beside the target and swaps it in only when the build succeeded, so a failed
/// build leaves the last good site untouched. Only folders this class created, or that carry its marker,
/// are ever deleted.
/// </summary>
public sealed class OutputFolder
{
    /// <summary>Name of the marker file that identifies a folder written by a build.</summary>
    public const string MarkerName = ".site-output";

    private OutputFolder(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    /// <summary>The folder the site ends up in.</summary>
    public string Target { get; }

    /// <summary>The temporary folder being built into.</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks that <paramref name="target"/> may be replaced and creates a staging folder beside it.
    /// Returns the reason for refusing, or <see langword="null"/> and the folder.
    /// </summary>
    /// <param name="target">The output folder.</param>
    /// <param name="protectedFolders">Folders that must never be the output or inside it (sources, repository root).</param>
    /// <param name="folder">The prepared folder, when allowed.</param>
    public static string? TryPrepare(string target, IEnumerable<string> protectedFolders, out OutputFolder? folder)
    {
        ArgumentNullException.ThrowIfNull(protectedFolders);
        folder = null;
        var full = Normalize(target);
        foreach (var guarded in protectedFolders.Select(Normalize))
        {
            if (IsSameOrAncestor(full, guarded))
            {
                return full == guarded
                    ? $"The output folder '{target}' is '{guarded}', which holds sources; choose a separate folder such as 'output'."
                    : $"The output folder '{target}' contains '{guarded}'; building there would replace your sources. Choose a separate folder such as 'output'.";
            }
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerName)))
        {
            return $"The output folder '{target}' already holds files that a site build did not write; it will not be replaced. Empty it or choose another folder.";
        }

        var parent = Path.GetDirectoryName(full) ?? throw new InvalidOperationException("The output folder has no parent.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerName), "Written by site build; the whole folder is replaced on each build.\n");
        folder = new OutputFolder(full, staging);
        return null;
    }

    /// <summary>Replaces the target with the staging folder.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
        }

        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, Target);
            }

            throw;
        }

        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Deletes the staging folder; the target is left as it was.</summary>
    public void Abandon()
    {
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsSameOrAncestor(string candidate, string path) =>
        path == candidate || path.StartsWith(candidate + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
