using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Web.Modules;
using Site.Web.Modules.Parsing;

namespace Site.Web.Checks;

/// <summary>
/// Finds where a URL found in a generated page was written, so a problem points at the file a person edits:
/// the Markdown link (exact span), else the content file's front matter, else site.yml, else the theme file
/// that contains it, else the page's layout.
/// </summary>
public sealed class LinkOrigins
{
    private readonly List<(string Display, string Text)> _settingsAndTheme = [];
    private readonly SitePaths _paths;

    public LinkOrigins(SitePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = paths;
        if (File.Exists(paths.SiteFile))
        {
            Settings = (paths.Display(paths.SiteFile), File.ReadAllText(paths.SiteFile));
            _settingsAndTheme.Add(Settings.Value);
        }

        if (Directory.Exists(paths.Theme))
        {
            foreach (var file in Directory.EnumerateFiles(paths.Theme, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                _settingsAndTheme.Add((paths.Display(file), File.ReadAllText(file)));
            }
        }
    }

    /// <summary>The build's folders.</summary>
    public SitePaths Paths => _paths;

    /// <summary>site.yml as this build read it, with its name as messages show it.</summary>
    public (string Display, string Text)? Settings { get; }

    /// <summary>The text of the file a page or item was made from (the editor's unsaved text in a preview).</summary>
    public string? Text(Document page) => SourceText(page);

    private string? SourceText(Document page)
    {
        try
        {
            return page.Get<string>(MetadataKeys.SourcePath) is not { } path ? null
                : _paths.Overlay is { } overlay && overlay.TryGetValue(path, out var unsaved) ? unsaved
                : File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // Deleted since it was read (a save during site serve): fall back to the next place.
        }
    }

    /// <summary>Where <paramref name="url"/> on <paramref name="page"/> was written, and whether a person wrote it in content.</summary>
    public SourceLocation Locate(Document page, string url, string? layout)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(url);
        var decoded = Decode(url);
        if (page.Get<List<SourceLink>>(MetadataKeys.Links) is { } links)
        {
            foreach (var link in links)
            {
                if (link.Url == url || Decode(link.Url) == decoded)
                {
                    return link.Location;
                }
            }
        }

        var onSite = Uri.TryCreate(url, UriKind.Absolute, out var full) && full.Scheme is "http" or "https" ? full.PathAndQuery : url;
        if (page.Source is not null && SourceText(page) is { } text && (Find(text, url) ?? Find(text, onSite)) is { } inSource)
        {
            return new SourceLocation(page.Source, inSource.Line, inSource.Column);
        }

        // Settings and templates often build an address from a bare name (page: medical-disclaimer), so
        // look for the exact URL first, then for its path without the slashes around it.
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.PathAndQuery : url;
        foreach (var needle in new[] { url, path, path.Trim('/') }.Where(n => n.Length >= 3).Distinct())
        {
            foreach (var (display, text2) in _settingsAndTheme)
            {
                if (Find(text2, needle) is { } found)
                {
                    return new SourceLocation(display, found.Line, found.Column);
                }
            }
        }

        if (layout is not null)
        {
            return SourceLocation.OfFile(_paths.Display(Path.Combine(_paths.Theme, "layouts", layout + ".sbn")));
        }

        return SourceLocation.OfFile(page.Source ?? _paths.Display(Path.Combine(_paths.Output, page.Destination ?? "")));
    }

    private static string Decode(string url)
    {
        try
        {
            return Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    private static (int Line, int Column)? Find(string text, string needle)
    {
        if (needle.Length == 0)
        {
            return null;
        }

        var at = text.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, at - lineStart + 1);
    }
}
