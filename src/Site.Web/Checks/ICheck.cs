using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Modules.Parsing;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>
/// A build check: the diagnostic ids it may report, and, through the one interface below it implements,
/// what it looks at: one item (<see cref="IItemCheck"/>), one rendered page (<see cref="IPageCheck"/>), or
/// the whole built site (<see cref="ISiteCheck"/>). Every check is registered in <see cref="SiteChecks"/>.
/// </summary>
public interface ICheck
{
    /// <summary>Every id the check may report; reporting another one is a bug the build names.</summary>
    ImmutableArray<string> Ids { get; }
}

/// <summary>Looks at one content item: its bound front matter and what its Markdown contained.</summary>
public interface IItemCheck : ICheck
{
    void Check(ItemToCheck item, CheckReport report);
}

/// <summary>Looks at one rendered page. Pages whose template failed are never passed.</summary>
public interface IPageCheck : ICheck
{
    void Check(PageToCheck page, CheckReport report);
}

/// <summary>Looks at the whole built site at once (links between pages, duplicate titles).</summary>
public interface ISiteCheck : ICheck
{
    ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken);
}

/// <summary>
/// An item as its checks see it. The Markdown syntax tree is freed once rendered (a 10,000-article site
/// cannot keep them all), so what checks need of it is gathered in that one walk: its links and images.
/// </summary>
public sealed record ItemToCheck(ContentItem Item, Document Document, IReadOnlyList<SourceLink> Links)
{
    private bool _read;
    private string? _text;
    private string[]? _lines;
    private List<Advertising.Passage>? _body;

    /// <summary>Raw HTML written in the Markdown.</summary>
    public IReadOnlyList<SourceHtml> Html { get; init; } = [];

    /// <summary>The item's source text (the editor's unsaved text in a preview), read once for all its checks.</summary>
    public string? Text(LinkOrigins origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        if (!_read)
        {
            _text = origins.Text(Document);
            _read = true;
        }

        return _text;
    }

    /// <summary>The source's lines, without their line ends.</summary>
    public string[]? Lines(LinkOrigins origins)
    {
        if (_lines is null && Text(origins) is { } text)
        {
            _lines = text.Split('\n');
            for (var i = 0; i < _lines.Length; i++)
            {
                _lines[i] = _lines[i].TrimEnd('\r');
            }
        }

        return _lines;
    }

    /// <summary>The index of the first line after the front matter (0 when there is none).</summary>
    public static int BodyStart(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // As Markdig reads front matter: '---' to open, '---' or '...' to close, trailing spaces allowed.
        if (lines.Length == 0 || lines[0].TrimStart('\uFEFF').TrimEnd() != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return i + 1;
            }
        }

        return lines.Length;
    }

    /// <summary>The prose of the Markdown body as readers see it, split once for all the checks that read it.</summary>
    public IReadOnlyList<Advertising.Passage>? Body(LinkOrigins origins) =>
        _body ??= Lines(origins) is { } lines ? Advertising.ReaderText.FromMarkdown(lines, BodyStart(lines)) : null;
}

/// <summary>A rendered page: its HTML in <see cref="Document.Content"/> and its description in <see cref="Page"/>.</summary>
public sealed record PageToCheck(Document Document, SitePage Page);

/// <summary>The built site: every output file (pages, feeds, assets) and the pages that rendered.</summary>
public sealed record SiteToCheck(ImmutableArray<Document> Files, ImmutableArray<PageToCheck> Pages)
{
    /// <summary>Items with a field that could not be read: not built, but their links are still checked.</summary>
    public ImmutableArray<Document> Unbuilt { get; init; } = [];

    private readonly Lock _routesLock = new();
    private SiteRoutes? _routes;

    /// <summary>
    /// How a request path finds one of <see cref="Files"/>; made once for every check that resolves links, by the
    /// first of them (the checks run side by side).
    /// </summary>
    public SiteRoutes Routes
    {
        get
        {
            if (Volatile.Read(ref _routes) is { } made)
            {
                return made;
            }

            lock (_routesLock)
            {
                return _routes ??= new SiteRoutes(Files.Where(f => f.Destination is not null).Select(f => f.Destination!));
            }
        }
    }
}

/// <summary>Where a check reports, refusing ids the check did not declare.</summary>
public sealed class CheckReport(ICheck check, DiagnosticBag diagnostics)
{
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!check.Ids.Contains(diagnostic.Id))
        {
            throw new InvalidOperationException($"{check.GetType().Name} reported {diagnostic.Id}, which it does not declare in Ids.");
        }

        diagnostics.Add(diagnostic);
    }

    public void Error(string id, SourceLocation? location, string message, string? help = null) =>
        Add(new Diagnostic(id, Severity.Error, location, message, help));

    public void Warning(string id, SourceLocation? location, string message, string? help = null) =>
        Add(new Diagnostic(id, Severity.Warning, location, message, help));
}
