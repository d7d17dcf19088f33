using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>
/// Checks every URL in every generated page, feed and sitemap against the files this build writes, with
/// Netlify's rules, including <c>#fragments</c> against the target's ids; checks mailto: and tel: syntax;
/// warns about duplicate ids; and, when an external checker is given, checks links to other sites. Each
/// problem points at the Markdown line that wrote the link where there is one.
/// </summary>
public sealed class CheckLinks(SiteSettings settings, LinkOrigins origins, ExternalLinkChecker? external = null, CheckLinks.Memo? memo = null) : ISiteCheck
{
    private HashSet<string> _unbuilt = [];

    public ImmutableArray<string> Ids { get; } =
        [DiagnosticIds.BrokenLink, DiagnosticIds.BrokenFragment, DiagnosticIds.DuplicateId, DiagnosticIds.BadContactLink, DiagnosticIds.BrokenExternalLink, DiagnosticIds.UnverifiedExternalLink];

    public async ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        var files = site.Files.Where(d => d.Destination is not null).ToList();
        var routes = site.Routes;
        // The addresses of items that could not be built: a link to one is not a second error (the item's own is).
        _unbuilt = site.Unbuilt.Select(d => ((ContentItem)d.Model!).Url).ToHashSet(StringComparer.Ordinal);
        var scans = new PageScan[files.Count];
        Parallel.For(0, files.Count, i => scans[i] = ScanOf(files[i]));
        var scanByFile = new Dictionary<string, PageScan>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            // Two files for one address are reported by WriteFiles; the first one is what gets checked.
            scanByFile.TryAdd(files[i].Destination!, scans[i]);
        }

        var root = new Uri(settings.BaseUrl + "/");
        var reuse = memo?.Begin(routes, settings.BaseUrl, _unbuilt) ?? false;
        var externals = new ConcurrentBag<ExternalLink>();
        var problems = new ConcurrentBag<LinkProblem>();

        var found = new Findings[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            if (!reuse || memo!.Find(file, scans[i], scanByFile) is not { } findings)
            {
                findings = CheckFile(file, scans[i], root, routes, scanByFile);
            }

            found[i] = findings;
            foreach (var problem in findings.Problems)
            {
                problems.Add(problem);
            }

            foreach (var link in findings.Externals)
            {
                externals.Add(link);
            }
        });
        memo?.Keep(files, scans, found);

        // An item with a field that could not be read has no page, but the links in its text are checked
        // all the same, at their place in the Markdown, so that fixing one field does not reveal another error.
        foreach (var item in site.Unbuilt)
        {
            var pageUrl = ((ContentItem)item.Model!).Url;
            var pageAddress = new Uri(root, pageUrl);
            foreach (var link in (item.Get(Modules.MetadataKeys.Links) ?? []).DistinctBy(l => l.Url))
            {
                var target = LinkTarget.Resolve(link.Url, pageAddress, root);
                switch (target.Kind)
                {
                    case LinkKind.Mail or LinkKind.Phone when target.ContactProblem() is { } problem:
                        problems.Add(new LinkProblem(DiagnosticIds.BadContactLink, link.Location, pageUrl, $"The link '{link.Url}' on {{0}} is malformed: {problem}", target.Kind == LinkKind.Mail ? "Write it as mailto:name@example.com." : "Write it as tel:+61255501234."));
                        break;
                    case LinkKind.External:
                        externals.Add(new(link.Url, target.Url!, item, pageUrl, null));
                        break;
                    case LinkKind.Internal:
                        if (CheckInternal(item, link.Url, target, routes, scanByFile, pageUrl, null, link.Location) is { } broken)
                        {
                            problems.Add(broken);
                        }

                        break;
                }
            }
        }

        var all = problems.ToList();
        if (external is not null)
        {
            all.AddRange(await CheckExternal([.. externals], cancellationToken).ConfigureAwait(false));
        }

        Report(report, all);
    }

    /// <summary>What one file's links are found to be, and which pages' ids the finding relied on.</summary>
    private Findings CheckFile(Document file, PageScan scan, Uri root, SiteRoutes routes, Dictionary<string, PageScan> scanByFile)
    {
        var page = file.Model as SitePage;
        var pageUrl = page?.Url ?? "/" + file.Destination;
        var layout = page?.Layout;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var pageAddress = new Uri(root, pageUrl);
        var problems = new List<LinkProblem>();
        var externals = new List<ExternalLink>();
        var targets = new List<(string, PageScan)>();
        foreach (var id in scan.DuplicateIds.Distinct(StringComparer.Ordinal))
        {
            problems.Add(new LinkProblem(DiagnosticIds.DuplicateId, origins.Locate(file, "id=\"" + id + "\"", layout) with { Line = 0, Column = 0 }, pageUrl, $"The id '{id}' is used more than once on {{0}}, so links to #{id} are ambiguous.", "Give one of the headings a different title.") { Severity = Severity.Warning });
        }

        foreach (var url in scan.Urls)
        {
            if (url.Length == 0 || !reported.Add(url))
            {
                continue;
            }

            var target = LinkTarget.Resolve(url, pageAddress, root);
            switch (target.Kind)
            {
                case LinkKind.Mail or LinkKind.Phone when target.ContactProblem() is { } problem:
                    problems.Add(new LinkProblem(DiagnosticIds.BadContactLink, origins.Locate(file, url, layout), pageUrl, $"The link '{url}' on {{0}} is malformed: {problem}", target.Kind == LinkKind.Mail ? "Write it as mailto:name@example.com." : "Write it as tel:+61255501234."));
                    break;
                case LinkKind.External:
                    externals.Add(new(url, target.Url!, file, pageUrl, layout));
                    break;
                case LinkKind.Internal:
                    if (CheckInternal(file, url, target, routes, scanByFile, pageUrl, layout, targets: targets) is { } broken)
                    {
                        problems.Add(broken);
                    }

                    break;
            }
        }

        return new Findings([.. problems], [.. externals], [.. targets]);
    }

    /// <summary>
    /// The scan ScanPages kept, or a fresh one for a file no pipeline scanned. A file written early without a scan
    /// (an answer of the content API, whose links CheckApiLinks checks) has no text left to scan.
    /// </summary>
    public static PageScan ScanOf(Document file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Get<PageScan>(Modules.MetadataKeys.Scan)
            ?? (file.Bytes is null && !file.Written && file.Destination is not null ? PageScan.Of(file.Destination, file.Content) : PageScan.Empty);
    }

    /// <param name="at">Where the link is written, when known; otherwise it is looked for in the page's sources.</param>
    /// <param name="targets">Where to note each page whose ids a #fragment was looked up in.</param>
    private LinkProblem? CheckInternal(Document file, string url, LinkTarget target, SiteRoutes routes, Dictionary<string, PageScan> scans, string pageUrl, string? layout, SourceLocation? at = null, List<(string, PageScan)>? targets = null)
    {
        var resolved = routes.Resolve(target.Path!);
        if (resolved is null && _unbuilt.Contains(target.Path!))
        {
            return null;
        }

        if (resolved is null)
        {
            var closest = Suggest.Closest(target.Path!, routes.Addresses);
            return new LinkProblem(
                DiagnosticIds.BrokenLink,
                at ?? origins.Locate(file, url, layout),
                pageUrl,
                $"The link '{url}' on {{0}} goes nowhere: this site has no page at {target.Path}.",
                closest is null ? "Check the address against the page's file name." : $"Did you mean '{closest}'?")
            {
                Key = target.Path,
            };
        }

        if (target.Fragment is { Length: > 0 } fragment && resolved.EndsWith(".html", StringComparison.Ordinal))
        {
            var ids = scans[resolved];
            targets?.Add((resolved, ids));
            if (!ids.Ids.Contains(fragment))
            {
                var closest = Suggest.Closest(fragment, ids.Ids);
                return new LinkProblem(
                    DiagnosticIds.BrokenFragment,
                    at ?? origins.Locate(file, url, layout),
                    pageUrl,
                    $"The link '{url}' on {{0}} points to a part of the page called '#{fragment}', which does not exist.",
                    closest is null ? "Link to a heading that exists on that page, or drop the #part." : $"Did you mean '#{closest}'?");
            }
        }

        return null;
    }

    /// <summary>
    /// One diagnostic per place and problem: a broken link in a shared template is one error naming how many
    /// pages it broke, not one error per page.
    /// </summary>
    private static void Report(CheckReport report, IEnumerable<LinkProblem> problems)
    {
        // The same target written in one place is one problem, even when the page shows it twice (a body
        // image that is also the page's og:image) or a shared template shows it on many pages.
        foreach (var group in problems.GroupBy(p => (p.Id, p.Location, p.Key ?? p.Message)).OrderBy(g => g.Min(p => p.Message), StringComparer.Ordinal))
        {
            var first = group.MinBy(p => p.Message.Length)!;
            var pages = group.Select(p => p.PageUrl).Distinct().Order(StringComparer.Ordinal).ToList();
            var on = pages.Count == 1 ? pages[0] : $"{pages.Count} pages ({string.Join(", ", pages.Take(3))}{(pages.Count > 3 ? ", ..." : "")})";
            report.Add(new Diagnostic(first.Id, first.Severity, first.Location, string.Format(CultureInfo.InvariantCulture, first.Message, on), first.Help));
        }
    }

    /// <summary>A link problem before it is grouped; <see cref="Message"/> has a {0} where the page list goes.</summary>
    internal sealed record LinkProblem(string Id, SourceLocation Location, string PageUrl, string Message, string? Help)
    {
        public Severity Severity { get; init; } = Severity.Error;

        /// <summary>What makes two problems the same one, when not the message (the resolved target of a broken link).</summary>
        public string? Key { get; init; }
    }

    private async Task<IEnumerable<LinkProblem>> CheckExternal(List<ExternalLink> links, CancellationToken cancellationToken)
    {
        var results = await external!.CheckAsync(links.Select(l => l.Target).Distinct(), cancellationToken).ConfigureAwait(false);
        return links
            .Select(link => (Link: link, Result: results[link.Target]))
            .Where(x => x.Result.Status != ExternalStatus.Ok)
            .Select(x => x.Result.Status == ExternalStatus.Broken
                ? new LinkProblem(DiagnosticIds.BrokenExternalLink, origins.Locate(x.Link.Page, x.Link.Url, x.Link.Layout), x.Link.PageUrl, $"The external link '{x.Link.Url}' on {{0}} is broken: {x.Result.Reason}.", "Update or remove the link.")
                : new LinkProblem(DiagnosticIds.UnverifiedExternalLink, origins.Locate(x.Link.Page, x.Link.Url, x.Link.Layout), x.Link.PageUrl, $"The external link '{x.Link.Url}' on {{0}} could not be verified: {x.Result.Reason}.", "Open it in a browser; if it works, nothing needs fixing.") { Severity = Severity.Warning });
    }

    /// <summary>A link to another site, checked only when the build checks external links.</summary>
    internal sealed record ExternalLink(string Url, Uri Target, Document Page, string PageUrl, string? Layout);

    /// <summary>One file's findings, and the pages (with the scan seen then) whose ids its #fragments were looked up in.</summary>
    internal sealed record Findings(LinkProblem[] Problems, ExternalLink[] Externals, (string File, PageScan Scan)[] Targets);

    /// <summary>
    /// What the check found in each file in the last build of <c>site serve</c>. A file's findings are reused while
    /// it is the very same document with the same scan (its page was not rendered again), the site has the same
    /// files, base URL and unbuilt items, and every page its #fragments pointed into has the same scan.
    /// </summary>
    public sealed class Memo
    {
        private SiteRoutes? _routes;
        private string? _baseUrl;
        private HashSet<string> _unbuilt = [];
        // Read from many threads, written by one between builds (Keep): plain dictionaries, no locks. Filled from
        // many threads, a concurrent one spent more time in its locks, growing, than the checks took.
        private Dictionary<Document, (PageScan Scan, Findings Findings)> _last = new(ReferenceEqualityComparer.Instance);
        private Dictionary<Document, (PageScan Scan, Findings Findings)> _next = new(ReferenceEqualityComparer.Instance);

        /// <summary>Files whose findings were reused in the last build.</summary>
        public int Reused => _reused;

        private int _reused;

        /// <summary>Starts a build's check; true when the last build's findings may be reused.</summary>
        internal bool Begin(SiteRoutes routes, string baseUrl, HashSet<string> unbuilt)
        {
            var same = _routes is not null && _routes.SameFiles(routes) && _baseUrl == baseUrl && _unbuilt.SetEquals(unbuilt);
            (_routes, _baseUrl, _unbuilt) = (routes, baseUrl, [.. unbuilt]);
            _last = same ? _next : new(ReferenceEqualityComparer.Instance);
            _next = new(ReferenceEqualityComparer.Instance);
            _reused = 0;
            return same;
        }

        internal Findings? Find(Document file, PageScan scan, Dictionary<string, PageScan> scans)
        {
            if (!_last.TryGetValue(file, out var last) || !ReferenceEquals(last.Scan, scan))
            {
                return null;
            }

            foreach (var (target, seen) in last.Findings.Targets)
            {
                if (!scans.TryGetValue(target, out var now) || !ReferenceEquals(now, seen))
                {
                    return null;
                }
            }

            Interlocked.Increment(ref _reused);
            return last.Findings;
        }

        /// <summary>After a build's check, from one thread: what each file was found to be, for the next build.</summary>
        internal void Keep(List<Document> files, PageScan[] scans, Findings[] findings)
        {
            _next = new(files.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < files.Count; i++)
            {
                _next[files[i]] = (scans[i], findings[i]);
            }
        }
    }
}
