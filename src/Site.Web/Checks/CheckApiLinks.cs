using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;
using Site.Web.Modules;

namespace Site.Web.Checks;

/// <summary>
/// Every address on the site that a content API answer links to (items, pages, lists, schemas) leads to a
/// file of the same build, like every other address the site publishes.
/// </summary>
public sealed class CheckApiLinks : ISiteCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.BrokenLink];

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        var routes = new SiteRoutes(site.Files.Where(f => f.Destination is not null).Select(f => f.Destination!));
        // Most addresses recur in many answers (the schemas, an author in every article): each is resolved once.
        var resolves = new Dictionary<string, bool>(StringComparer.Ordinal);
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
}
