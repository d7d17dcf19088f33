using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Checks;
using Site.Web.Content;
using Site.Web.Rendering;

namespace Site.Web.Modules.Checks;

/// <summary>
/// Runs every whole-site check once every page is built: each gets every output file, and the pages that
/// rendered (a page whose template failed was reported once, by the renderer). The checks share nothing but
/// the site they read and the diagnostics (sorted at the end), so they run side by side: most of them walk every
/// page on one thread, and one after another they left a core idle at the end of every build.
/// </summary>
public sealed class RunSiteChecks(IEnumerable<ISiteCheck> checks) : IModule
{
    private readonly ISiteCheck[] _checks = [.. checks];

    public async ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.AllDocuments();
        var pages = files.Where(d => d.Model is SitePage && !d.Has(MetadataKeys.RenderFailed)).Select(d => new PageToCheck(d, (SitePage)d.Model!)).ToImmutableArray();
        // Items with no page (a field that could not be read, or a required reference to such an item): their
        // links are still checked, and links to them are not reported as broken a second time.
        var built = pages.Select(p => p.Page.Item).OfType<ContentItem>().Select(i => (i.KindName, i.Slug)).ToHashSet();
        var site = new SiteToCheck(files, pages) { Unbuilt = [.. files.Where(d => d.Model is ContentItem item && !built.Contains((item.KindName, item.Slug)))] };
        await Task.WhenAll(_checks.Select(check => Task.Run(
            async () => await check.CheckAsync(site, new CheckReport(check, context.Diagnostics), context.CancellationToken).ConfigureAwait(false),
            context.CancellationToken))).ConfigureAwait(false);

        return documents;
    }
}
