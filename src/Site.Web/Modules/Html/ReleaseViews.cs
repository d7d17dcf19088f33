using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Web.Modules.Html;

/// <summary>
/// Ends the page pass: the item views and cards the layouts read are dropped, since nothing after the pages
/// (feeds, search index, content API, checks) uses them. At 10,000 articles they are about 40 MB.
/// </summary>
public sealed class ReleaseViews : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Get(SiteKeys.Index).ReleaseViews();
        return ValueTask.FromResult(documents);
    }
}
