using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Modules;

namespace Site.Web.Checks;

/// <summary>
/// Reads each generated page once, right after rendering, and keeps what the checks need (ids, URLs, head
/// facts) beside it, so no later check parses the HTML again.
/// </summary>
public sealed class ScanPages : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        yield return document.Destination is null || document.Bytes is not null
            ? document
            : document.With(MetadataKeys.Scan, PageScan.Of(document.Destination, document.Content, context.Shared));
    }
}
