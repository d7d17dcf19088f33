using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;
using Site.Web.Modules;

namespace Site.Web.Checks;

/// <summary>
/// Every address on the site that a content API answer links to (items, pages, lists, schemas) leads to a
/// file of the same build, like every other address the site publishes.
/// </summary>
/// <param name="memo">In <c>site serve</c>: which addresses resolved in the last build, reused while the site has the same files.</param>
public sealed class CheckApiLinks(CheckApiLinks.Memo? memo = null) : ISiteCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.BrokenLink];

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        var routes = site.Routes;
        // Most addresses recur in many answers (the schemas, an author in every article): each is resolved once.
        var resolves = memo?.For(routes) ?? new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var file in site.Files)
        {
            foreach (var link in file.Get(MetadataKeys.ApiLinks) ?? [])
            {
                if (!resolves.TryGetValue(link, out var resolved))
                {
                    resolved = routes.Resolve(Uri.UnescapeDataString(new Uri(link).AbsolutePath)) is not null;
                    resolves.Add(link, resolved);
                }

                if (!resolved)
                {
                    report.Add(new Diagnostic(
                        DiagnosticIds.BrokenLink,
                        Severity.Error,
                        SourceLocation.OfFile(file.Destination!),
                        $"The content API answer /{file.Destination} links to {link}, and this build has no file there.",
                        "This is a fault of the API generator, not of the content: please report it."));
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether each address resolved, kept from one build of <c>site serve</c> to the next.</summary>
    public sealed class Memo
    {
        private SiteRoutes? _routes;
        private Dictionary<string, bool> _resolves = new(StringComparer.Ordinal);

        /// <summary>The answers to reuse with <paramref name="routes"/>: last build's when the files are the same.</summary>
        internal Dictionary<string, bool> For(SiteRoutes routes)
        {
            if (_routes is null || !_routes.SameFiles(routes))
            {
                _resolves = new(StringComparer.Ordinal);
            }

            _routes = routes;
            return _resolves;
        }
    }
}
