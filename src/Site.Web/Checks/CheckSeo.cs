using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Modules;
using Site.Web.Modules.Parsing;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>
/// Search-engine checks in the spirit of Lighthouse's SEO audits, on every build: a title and description on
/// every page and unique across indexable pages; descriptive link text in content; alt on every image;
/// links a crawler can follow; exactly one absolute, on-site canonical URL.
/// </summary>
public sealed class CheckSeo(SiteSettings settings, LinkOrigins origins) : ISiteCheck
{
    public ImmutableArray<string> Ids { get; } =
    [
        DiagnosticIds.TitleMissing, DiagnosticIds.TitleDuplicate, DiagnosticIds.DescriptionMissing, DiagnosticIds.DescriptionDuplicate,
        DiagnosticIds.GenericLinkText, DiagnosticIds.ImageWithoutAlt, DiagnosticIds.UnfollowableLink, DiagnosticIds.CanonicalInvalid,
    ];

    private static readonly FrozenSet<string> GenericTexts = new[]
    {
        "click here", "click", "here", "read more", "more", "learn more", "find out more", "this", "this link", "this page", "link", "go", "continue",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        var pages = site.Pages.Select(p => (p.Document, p.Page, Scan: CheckLinks.ScanOf(p.Document))).ToList();

        foreach (var (document, page, scan) in pages)
        {
            CheckPage(report, document, page, scan);
        }

        var indexable = pages.Where(p => p.Page.Indexable).ToList();
        Duplicates(report, indexable, p => p.Scan.Title, DiagnosticIds.TitleDuplicate, "title");
        Duplicates(report, indexable, p => p.Scan.Description, DiagnosticIds.DescriptionDuplicate, "description");
        return ValueTask.CompletedTask;
    }

    private void CheckPage(CheckReport report, Document document, SitePage page, PageScan scan)
    {
        var where = Where(document, page);
        if (string.IsNullOrWhiteSpace(scan.Title))
        {
            report.Error(DiagnosticIds.TitleMissing, where, $"The page {page.Url} has no title.");
        }

        if (string.IsNullOrWhiteSpace(scan.Description))
        {
            report.Error(DiagnosticIds.DescriptionMissing, where, $"The page {page.Url} has no meta description.");
        }

        var expected = settings.Absolute(page.Url);
        if (scan.Canonicals.Count != 1 || scan.Canonicals[0] != expected)
        {
            var found = scan.Canonicals.Count == 0 ? "none" : string.Join(", ", scan.Canonicals);
            report.Error(DiagnosticIds.CanonicalInvalid, where, $"The page {page.Url} must have exactly one canonical URL, {expected}; found {found}.");
        }

        foreach (var link in document.Get<List<SourceLink>>(MetadataKeys.Links) ?? [])
        {
            if (GenericTexts.Contains(link.Text.Trim(' ', '.', '!', '>', '\u2192')))
            {
                report.Warning(DiagnosticIds.GenericLinkText, link.Location, $"The link text '{link.Text}' does not say where the link goes.", "Use words that describe the page it opens.");
            }
        }

        foreach (var src in scan.ImagesWithoutAlt.Distinct(StringComparer.Ordinal))
        {
            report.Error(DiagnosticIds.ImageWithoutAlt, origins.Locate(document, src, page.Layout), $"The image '{src}' on {page.Url} has no alt attribute.", "Describe the image in alt text.");
        }

        foreach (var href in scan.UnfollowableLinks.Distinct(StringComparer.Ordinal))
        {
            report.Error(DiagnosticIds.UnfollowableLink, href.Length == 0 ? where : origins.Locate(document, href, page.Layout), $"A link on {page.Url} {(href.Length == 0 ? "has no href" : $"uses '{href}'")}, so crawlers cannot follow it.", "Give it a real address.");
        }
    }

    private static void Duplicates(CheckReport report, List<(Document Document, SitePage Page, PageScan Scan)> pages, Func<(Document Document, SitePage Page, PageScan Scan), string?> value, string id, string what)
    {
        foreach (var group in pages.Where(p => !string.IsNullOrWhiteSpace(value(p))).GroupBy(value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var urls = group.Select(p => p.Page.Url).Order(StringComparer.Ordinal).ToList();
            foreach (var (document, page, _) in group)
            {
                var others = string.Join(", ", urls.Where(u => u != page.Url));
                report.Warning(id, Where(document, page), $"The page {page.Url} has the same {what} as {others}: \"{group.Key}\".", $"Give each page its own {what}.");
            }
        }
    }

    private static SourceLocation? Where(Document document, SitePage page) =>
        document.Source is null ? null : (page.Item?.FrontMatter ?? SourceLocation.OfFile(document.Source));
}
