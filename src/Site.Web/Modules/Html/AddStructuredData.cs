using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>Gives a page its JSON-LD graph, generated in code from the content and the site index.</summary>
public sealed class AddStructuredData : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        yield return document.Model is SitePage page ? document with { Model = page with { StructuredData = context.Get(SiteKeys.StructuredData).For(page) } } : document;
    }
}
