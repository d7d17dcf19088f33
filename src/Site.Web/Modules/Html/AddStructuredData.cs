using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// Keeps this build's <see cref="SiteIndex"/> (made by <see cref="IndexContent"/>) for modules that work one
/// page at a time and cannot see it among their own document.
/// </summary>
public sealed class CaptureIndex : IModule
{
    private SiteIndex? _index;
    private StructuredData? _structuredData;

    public SiteIndex Index => _index ?? throw new InvalidOperationException("CaptureIndex has not run yet.");

    public StructuredData StructuredData => _structuredData ?? throw new InvalidOperationException("CaptureIndex has not run yet.");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        _index = documents.Select(d => d.Model).OfType<SiteIndex>().Single();
        _structuredData = new StructuredData(_index.Settings, _index);
        return ValueTask.FromResult(documents);
    }
}

/// <summary>Gives a page its JSON-LD graph, generated in code from the content and the site index.</summary>
public sealed class AddStructuredData(CaptureIndex index) : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        yield return document.Model is SitePage page ? document with { Model = page with { StructuredData = index.StructuredData.For(page) } } : document;
    }
}
