using System.Collections.Frozen;

namespace Site.Web.Checks;

/// <summary>
/// Every file the build writes, and how a request path finds one under Netlify's rules: <c>/a/</c> serves
/// <c>a/index.html</c>; <c>/a</c> serves <c>a</c>, <c>a.html</c> or <c>a/index.html</c>; matching is case-sensitive.
/// </summary>
public sealed class SiteRoutes
{
    private readonly FrozenSet<string> _files;

    private readonly Lazy<string[]> _addresses;

    public SiteRoutes(IEnumerable<string> files)
    {
        _files = files.ToFrozenSet(StringComparer.Ordinal);
        // Only a broken link needs them, so they are listed and sorted the first time one is found.
        _addresses = new(() => [.. _files.Select(f => f.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + f[..^"index.html".Length] : f == "index.html" ? "/" : "/" + f)
            .Order(StringComparer.Ordinal)]);
    }

    /// <summary>The public address of every file, in clean-URL form, for did-you-mean suggestions.</summary>
    public IReadOnlyList<string> Addresses => _addresses.Value;

    /// <summary>Whether both have exactly the same files.</summary>
    public bool SameFiles(SiteRoutes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _files.Count == other._files.Count && _files.All(other._files.Contains);
    }

    /// <summary>The output file a decoded, root-relative path serves, or null.</summary>
    public string? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = path.TrimStart('/');
        if (relative.Length == 0 || path.EndsWith('/'))
        {
            var index = relative + "index.html";
            return _files.Contains(index) ? index : null;
        }

        foreach (var candidate in (ReadOnlySpan<string>)[relative, relative + ".html", relative + "/index.html"])
        {
            if (_files.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
