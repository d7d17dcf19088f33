using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>
/// Every page of a kind whose model lists <c>parts: [disclaimer]</c> shows the disclaimer text from site.yml,
/// unaltered (white space aside), after the page's main text and before the booking call to action; and every
/// page links to the medical disclaimer page. Reads the finished HTML, so a theme edit or a layout override
/// that drops the partial is caught as surely as a hand-edited page.
/// </summary>
public sealed class CheckDisclaimer(SiteSettings settings) : IPageCheck
{
    public const string BodyMarker = "body";
    public const string DisclaimerMarker = "disclaimer";
    public const string BookingMarker = "book-now";
    public const string MarkerAttribute = "data-site";

    private readonly string _expected = HtmlScan.NormaliseSpace(settings.Disclaimer.Text);

    private readonly string _disclaimerUrl = $"/{settings.Disclaimer.Page}/";

    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.DisclaimerMissing, DiagnosticIds.DisclaimerMisplaced];

    public void Check(PageToCheck page, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(report);
        Check(page.Document, page.Page, report);
    }

    private void Check(Document document, SitePage page, CheckReport diagnostics)
    {

        var where = document.Source is null ? null : SourceLocation.OfFile(document.Source);
        var html = document.Content;
        if (!HtmlScan.AttributeValues(html, "href").Contains(_disclaimerUrl, StringComparer.Ordinal))
        {
            diagnostics.Error(DiagnosticIds.DisclaimerMissing, where, $"The page {page.Url} has no link to the medical disclaimer page {_disclaimerUrl}.", "Keep the disclaimer link in the footer of theme/layouts/base.sbn.");
        }

        if (page.Item is not { Kind.Disclaimer: true })
        {
            return;
        }

        var blocks = HtmlScan.WithAttribute(html, MarkerAttribute, DisclaimerMarker).ToList();
        if (blocks.Count == 0)
        {
            diagnostics.Error(DiagnosticIds.DisclaimerMissing, where, $"The {page.Kind} page {page.Url} does not show the medical disclaimer.", "Keep {{ include \"disclaimer\" }} in the page's layout.");
            return;
        }

        if (!blocks.Any(b => b.Text == _expected))
        {
            diagnostics.Error(DiagnosticIds.DisclaimerMissing, where, $"The disclaimer on {page.Url} does not match the text in site.yml: it reads \"{Shorten(blocks[0].Text)}\".", "Change the disclaimer only in input/site.yml.");
            return;
        }

        var body = HtmlScan.WithAttribute(html, MarkerAttribute, BodyMarker).FirstOrDefault();
        var booking = HtmlScan.WithAttribute(html, MarkerAttribute, BookingMarker).FirstOrDefault();
        var disclaimer = blocks.First(b => b.Text == _expected);
        // A kind without a book-now part has nothing after the disclaimer to be before; CheckBookingLink
        // reports a book-now that a kind needs and lacks.
        if (body is null || !(body.Start < disclaimer.Start) || (booking is not null && !(disclaimer.Start < booking.Start)))
        {
            diagnostics.Error(DiagnosticIds.DisclaimerMisplaced, where, $"On {page.Url} the disclaimer must come after the main text and before the booking call to action.", "Keep the order body, disclaimer, book-now in the layout.");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
