using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>Gives every page its JSON-LD graph, generated in code from the content and the site index.</summary>
public sealed class AddStructuredData : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        var index = documents.Select(d => d.Model).OfType<SiteIndex>().Single();
        var data = new StructuredData(index.Settings, index);
        var result = new Document[documents.Length];
        Parallel.For(0, documents.Length, i =>
        {
            var document = documents[i];
            result[i] = document.Model is SitePage page ? document with { Model = page with { StructuredData = data.For(page) } } : document;
        });
        return ValueTask.FromResult(result.ToImmutableArray());
    }
}
