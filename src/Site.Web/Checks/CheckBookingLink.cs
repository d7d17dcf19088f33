using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>Every page of a kind whose model lists <c>parts: [book_now]</c> offers a book-now link to its booking address.</summary>
public sealed class CheckBookingLink : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Model is SitePage page && !document.Has(Modules.MetadataKeys.RenderFailed) && page.Item is { Kind.BookNow: true })
        {
            var cta = HtmlScan.WithAttribute(document.Content, CheckDisclaimer.MarkerAttribute, CheckDisclaimer.BookingMarker).FirstOrDefault();
            if (cta is null || !HtmlScan.AttributeValues(cta.Inner, "href").Contains(page.Booking?.Url, StringComparer.Ordinal))
            {
                context.Diagnostics.Error(
                    DiagnosticIds.BookingLinkMissing,
                    document.Source is null ? null : SourceLocation.OfFile(document.Source),
                    $"The {page.Kind} page {page.Url} has no book-now link to {page.Booking?.Url}.",
                    "Keep {{ include \"book-now\" }} in the page's layout.");
            }
        }

        yield return document;
    }
}
