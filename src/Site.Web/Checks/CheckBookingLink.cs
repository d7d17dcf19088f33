using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>Every page of a kind whose model lists <c>parts: [book_now]</c> offers a book-now link to its booking address.</summary>
public sealed class CheckBookingLink : IPageCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.BookingLinkMissing];

    public void Check(PageToCheck page, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(report);
        var (document, view) = (page.Document, page.Page);
        if (view.Item is not { Kind.BookNow: true })
        {
            return;
        }

        var cta = HtmlScan.WithAttribute(document.Content, CheckDisclaimer.MarkerAttribute, CheckDisclaimer.BookingMarker).FirstOrDefault();
        if (cta is null || !HtmlScan.AttributeValues(cta.Inner, "href").Contains(view.Booking?.Url, StringComparer.Ordinal))
        {
            report.Error(
                DiagnosticIds.BookingLinkMissing,
                document.Source is null ? null : SourceLocation.OfFile(document.Source),
                $"The {view.Kind} page {view.Url} has no book-now link to {view.Booking?.Url}.",
                "Keep {{ include \"book-now\" }} in the page's layout.");
        }
    }
}
