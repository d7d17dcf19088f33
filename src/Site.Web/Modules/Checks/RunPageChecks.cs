using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Checks;
using Site.Web.Rendering;

namespace Site.Web.Modules.Checks;

/// <summary>
/// Runs every page check on each rendered page, in the same pass that renders and writes it. A page whose
/// template failed was reported once, by the renderer, and is skipped here for every check.
/// </summary>
public sealed class RunPageChecks(IEnumerable<IPageCheck> checks) : PerDocumentModule
{
    private readonly IPageCheck[] _checks = [.. checks];

    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Model is SitePage page && !document.Has(MetadataKeys.RenderFailed))
        {
            var input = new PageToCheck(document, page);
            foreach (var check in _checks)
            {
                check.Check(input, new CheckReport(check, context.Diagnostics));
            }
        }

        yield return document;
    }
}
