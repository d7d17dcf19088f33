using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Checks;
using Site.Web.Content;

namespace Site.Web.Modules.Checks;

/// <summary>Runs every item check on each bound content item, once its Markdown has been rendered.</summary>
public sealed class RunItemChecks(IEnumerable<IItemCheck> checks) : PerDocumentModule
{
    private readonly IItemCheck[] _checks = [.. checks];

    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Model is ContentItem item)
        {
            var input = new ItemToCheck(item, document, document.Get(MetadataKeys.Links) ?? []) { Html = document.Get(MetadataKeys.RawHtml) ?? [] };
            foreach (var check in _checks)
            {
                check.Check(input, new CheckReport(check, context.Diagnostics));
            }
        }

        yield return document;
    }
}
