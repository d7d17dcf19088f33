using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web;

/// <summary>
/// The files a build may read: only those whose real path (every symbolic link on the way resolved) lies
/// inside <c>input/</c> or <c>theme/</c>. Git stores links, so a pull request could otherwise publish
/// <c>/etc/passwd</c> or the build machine's environment through a link in <c>input/assets/</c>.
/// </summary>
public static class SourceFiles
{
    private const int MaxLinks = 40;

    /// <summary>Whether names are matched case by case, as Directory.EnumerateFiles does on this system.</summary>
    private static readonly bool CaseSensitive = !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS();

    /// <summary>
    /// The files under <paramref name="folder"/> (matching <paramref name="pattern"/>, hidden ones left out) that
    /// really are inside <paramref name="root"/>; each one that is not is reported at its path and skipped.
    /// </summary>
    public static IEnumerable<string> Enumerate(string folder, string root, SitePaths paths, DiagnosticBag diagnostics, string pattern = "*", SearchOption search = SearchOption.AllDirectories)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var result = new List<string>();
        var realRoot = RealPath(root);
        var realFolders = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Whether each entry is a link comes with the listing's own file status (one lstat on Unix), instead of a
        // further readlink per file through FileInfo.LinkTarget: a little less at each save of a large site.
        var options = new EnumerationOptions { RecurseSubdirectories = search == SearchOption.AllDirectories, AttributesToSkip = 0, IgnoreInaccessible = true };
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool Link)>(
            folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                !entry.IsDirectory && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, entry.FileName, ignoreCase: !CaseSensitive),
        };
        foreach (var (file, link) in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).StartsWith('.') || Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            {
                continue;
            }

            // Each folder is resolved once; a file that is not itself a link is then where its folder really is.
            var folderOfFile = Path.GetDirectoryName(file)!;
            if (!realFolders.TryGetValue(folderOfFile, out var realFolder))
            {
                realFolders[folderOfFile] = realFolder = RealPath(folderOfFile);
            }

            var real = !link && realFolder is not null ? Path.Combine(realFolder, Path.GetFileName(file)) : RealPath(file);
            if (real is not null && realRoot is not null && real.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                result.Add(file);
            }
            else
            {
                diagnostics.Error(
                    DiagnosticIds.OutsideSources,
                    SourceLocation.OfFile(paths.Display(file)),
                    $"'{paths.Display(file)}' is a link to something outside {paths.Display(root)}/, so it is not used.",
                    "Replace the link with the file itself, inside the folder.");
            }
        }

        return result;
    }

    /// <summary>Whether the file's real path, links resolved, is inside the real path of <paramref name="root"/>.</summary>
    public static bool IsInside(string file, string root)
    {
        var real = RealPath(file);
        var realRoot = RealPath(root);
        return real is not null && realRoot is not null && real.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The path with every symbolic link resolved, component by component; null for a loop or a dangling link.</summary>
    public static string? RealPath(string path)
    {
        var remaining = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var links = 0;
        while (remaining.Count > 0)
        {
            var next = Path.Combine(current, remaining.Pop());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A link's target is relative to the folder holding the link; its parts are resolved in turn.
            var resolved = Path.GetFullPath(target, current);
            foreach (var part in resolved.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                remaining.Push(part);
            }

            current = Path.GetPathRoot(resolved) ?? "/";
        }

        return current;
    }
}
