using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// Gathers the published content of every content pipeline into one <see cref="SiteIndex"/>, checks the
/// references between documents (authors, reviewers, conditions), and emits one page per content item.
/// The first document out carries the index itself, for the modules and pipelines after it.
/// </summary>
public sealed class IndexContent(SiteSettings settings, string siteFile, ImageSizes images) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authors = Entries<Author>(context, SitePipelines.Authors);
        var conditions = Entries<Condition>(context, SitePipelines.Conditions);
        var pages = Entries<Page>(context, SitePipelines.Pages);
        var authorIds = authors.Select(a => a.Item.Slug).ToHashSet(StringComparer.Ordinal);
        var conditionIds = conditions.Select(c => c.Item.Slug).ToHashSet(StringComparer.Ordinal);

        var articles = Entries<Article>(context, SitePipelines.Articles).Where(entry =>
        {
            var a = entry.Item;
            var ok = Check(context, a.Author, authorIds, "author", "authors");
            ok &= a.ReviewedBy is null || Check(context, a.ReviewedBy, authorIds, "reviewer", "authors");
            foreach (var condition in a.Conditions)
            {
                ok &= Check(context, condition, conditionIds, "condition", "conditions");
            }

            return ok;
        }).ToList();

        foreach (var condition in conditions.Where(c => c.Item.ReviewedBy is not null))
        {
            Check(context, condition.Item.ReviewedBy!, authorIds, "reviewer", "authors");
        }

        if (!pages.Any(p => p.Item.Slug == settings.Disclaimer.Page))
        {
            context.Diagnostics.Error(
                DiagnosticIds.DisclaimerPageMissing,
                settings.Disclaimer.PageLocation ?? SourceLocation.OfFile(siteFile),
                $"The medical disclaimer page '{settings.Disclaimer.Page}' does not exist in input/pages/.",
                Suggest.DidYouMean(settings.Disclaimer.Page, pages.Select(p => p.Item.Slug)) ?? $"Add input/pages/{settings.Disclaimer.Page}.md.");
        }

        var index = new SiteIndex(settings, articles, conditions, authors, pages);
        var views = new Views(index, images);
        var clinicBooking = BookingView.ForClinic(settings, index.Authors.Select(a => a.Item.Name.Split(' ')[0]));
        var result = ImmutableArray.CreateBuilder<Document>();
        result.Add(new Document(null, null, "") { Model = index, Metadata = ImmutableDictionary<string, object>.Empty.Add(MetadataKeys.Booking, clinicBooking) });
        foreach (var entry in index.Articles)
        {
            var a = entry.Item;
            var author = index.AuthorsById[a.Author.Value].Item;
            result.Add(PageFor(entry.Document, new SitePage("article", "article", a.Url, a.Title, a.Description,
                [new("Home", "/"), new("Articles", "/articles/"), new(a.Title, a.Url)], a.Updated ?? a.Date, "article", new Lazy<object>(() => views.Article(entry)))
            {
                Booking = author.BookingUrl is null ? clinicBooking : BookingView.ForAuthor(settings, author),
                Item = a,
            }));
        }

        foreach (var entry in index.Conditions)
        {
            var c = entry.Item;
            var newest = index.ArticlesByCondition.GetValueOrDefault(c.Slug, []).Select(a => (DateOnly?)(a.Item.Updated ?? a.Item.Date));
            result.Add(PageFor(entry.Document, new SitePage("condition", "condition", c.Url, c.Title, c.Description,
                [new("Home", "/"), new("Conditions", "/conditions/"), new(c.Title, c.Url)], Newest(newest.Append(c.LastReviewed)), "condition", new Lazy<object>(() => views.Condition(entry)))
            {
                Booking = clinicBooking,
                Item = c,
            }));
        }

        foreach (var entry in index.Authors)
        {
            var a = entry.Item;
            var newest = index.ArticlesByAuthor.GetValueOrDefault(a.Slug, []).Select(x => (DateOnly?)(x.Item.Updated ?? x.Item.Date));
            result.Add(PageFor(entry.Document, new SitePage("author", "author", a.Url, a.Name, a.Description,
                [new("Home", "/"), new(a.Name, a.Url)], Newest(newest), "author", new Lazy<object>(() => views.Author(entry)))
            {
                Booking = BookingView.ForAuthor(settings, a),
                Item = a,
            }));
        }

        foreach (var entry in index.Pages)
        {
            var p = entry.Item;
            result.Add(PageFor(entry.Document, new SitePage("page", "page", p.Url, p.Title, p.Description,
                [new("Home", "/"), new(p.Title, p.Url)], p.Updated, "content_page", new Lazy<object>(() => Views.Page(entry)))
            {
                Booking = clinicBooking,
                Item = p,
            }));
        }

        return ValueTask.FromResult(result.ToImmutable());
    }

    internal static DateOnly? Newest(IEnumerable<DateOnly?> dates) => dates.Where(d => d.HasValue).Max();

    private static Document PageFor(Document source, SitePage page) =>
        source with { Model = page, Destination = page.Destination, Content = "" };

    private static List<Entry<T>> Entries<T>(BuildContext context, string pipeline) where T : ContentItem =>
        [.. context.DocumentsOf(pipeline).Where(d => d.Model is T).Select(SiteIndex.EntryOf<T>)];

    private static bool Check(BuildContext context, Located<string> reference, HashSet<string> known, string what, string folder)
    {
        if (known.Contains(reference.Value))
        {
            return true;
        }

        context.Diagnostics.Error(
            DiagnosticIds.UnknownReference,
            reference.Location,
            $"There is no {what} '{reference.Value}' (no file input/{folder}/{reference.Value}.md).",
            Suggest.DidYouMean(reference.Value, known) ?? $"Known {folder}: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        return false;
    }
}
