using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Model;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// Gathers the published content of every content pipeline into one <see cref="SiteIndex"/>, checks the
/// references between documents (authors, reviewers, conditions), and emits one page per content item.
/// The index, the clinic's call to action and the structured-data builder are published in the build context.
/// </summary>
public sealed class IndexContent(ContentModel model, SiteSettings settings, string siteFile, ImageSizes images) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documentsOfKind = context.DependencyDocuments().Where(d => d.Model is ContentItem).ToLookup(d => ((ContentItem)d.Model!).KindName, StringComparer.Ordinal);
        var byKind = model.Kinds.ToDictionary(k => k.Name, k => documentsOfKind[k.Name].ToList(), StringComparer.Ordinal);
        // An item whose required reference is broken cannot be shown and is left out; a broken optional
        // reference is reported and simply not shown. Leaving an item out can break a required reference to
        // it, so this repeats until nothing more is left out; each broken reference is reported once.
        var kept = byKind.Values.SelectMany(d => d).ToList();
        var reported = new HashSet<SourceLocation>();
        while (true)
        {
            var ids = model.Kinds.ToDictionary(k => k.Name, k => kept.Select(d => (ContentItem)d.Model!).Where(i => i.KindName == k.Name).Select(i => i.Slug).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var next = kept.Where(d => CheckReferences(context, (ContentItem)d.Model!, ids, reported)).ToList();
            if (next.Count == kept.Count)
            {
                break;
            }

            kept = next;
        }
        var authors = Entries<Author>(kept);
        var conditions = Entries<Condition>(kept);
        var pages = Entries<Page>(kept);
        var articles = Entries<Article>(kept);

        if (!pages.Any(p => p.Item.Slug == settings.Disclaimer.Page))
        {
            context.Diagnostics.Error(
                DiagnosticIds.DisclaimerPageMissing,
                settings.Disclaimer.PageLocation ?? SourceLocation.OfFile(siteFile),
                $"The medical disclaimer page '{settings.Disclaimer.Page}' does not exist in input/pages/.",
                Suggest.DidYouMean(settings.Disclaimer.Page, pages.Select(p => p.Item.Slug)) ?? $"Add input/pages/{settings.Disclaimer.Page}.md.");
        }

        var index = new SiteIndex(settings, articles, conditions, authors, pages) { Items = [.. kept], Model = model, Images = images };
        var clinicBooking = BookingView.ForClinic(settings, index.Authors.Select(a => a.Item.Name.Split(' ')[0]));
        var result = ImmutableArray.CreateBuilder<Document>();
        context.Publish(SiteKeys.Index, index);
        context.Publish(SiteKeys.ClinicBooking, clinicBooking);
        context.Publish(SiteKeys.StructuredData, new StructuredData(settings, index));
        foreach (var entry in index.Articles)
        {
            var a = entry.Item;
            var author = index.AuthorsById[a.Author.Value].Item;
            result.Add(PageFor(entry.Document, new SitePage(a.Kind.Layout, "article", a.Url, a.Title, a.Description,
                [new("Home", "/"), new("Articles", "/articles/"), new(a.Title, a.Url)], a.Updated ?? a.Date, "item", new Lazy<object>(() => index.ItemViews.Page(entry.Document)))
            {
                Booking = author.BookingUrl is null ? clinicBooking : BookingView.ForAuthor(settings, author),
                Item = a,
            }));
        }

        foreach (var entry in index.Conditions)
        {
            var c = entry.Item;
            var newest = index.ArticlesByCondition.GetValueOrDefault(c.Slug, []).Select(a => (DateOnly?)(a.Item.Updated ?? a.Item.Date));
            result.Add(PageFor(entry.Document, new SitePage(c.Kind.Layout, "condition", c.Url, c.Title, c.Description,
                [new("Home", "/"), new("Conditions", "/conditions/"), new(c.Title, c.Url)], Newest(newest.Append(c.LastReviewed)), "item", new Lazy<object>(() => index.ItemViews.Page(entry.Document)))
            {
                Booking = clinicBooking,
                Item = c,
            }));
        }

        foreach (var entry in index.Authors)
        {
            var a = entry.Item;
            var newest = index.ArticlesByAuthor.GetValueOrDefault(a.Slug, []).Select(x => (DateOnly?)(x.Item.Updated ?? x.Item.Date));
            result.Add(PageFor(entry.Document, new SitePage(a.Kind.Layout, "author", a.Url, a.Name, a.Description,
                a.Kind.ListPage is { } team ? [new("Home", "/"), new(team.Title, team.Url), new(a.Name, a.Url)] : [new("Home", "/"), new(a.Name, a.Url)], Newest(newest), "item", new Lazy<object>(() => index.ItemViews.Page(entry.Document)))
            {
                Booking = BookingView.ForAuthor(settings, a),
                Item = a,
            }));
        }

        foreach (var entry in index.Pages)
        {
            var p = entry.Item;
            result.Add(PageFor(entry.Document, new SitePage(p.Kind.Layout, "page", p.Url, p.Title, p.Description,
                [new("Home", "/"), new(p.Title, p.Url)], p.Updated, "item", new Lazy<object>(() => index.ItemViews.Page(entry.Document)))
            {
                Booking = clinicBooking,
                Item = p,
            }));
        }

        // Kinds without a record of their own are shown entirely from the model.
        foreach (var document in kept.Where(d => d.Model!.GetType() == typeof(ContentItem)))
        {
            var item = (ContentItem)document.Model!;
            var kind = item.Kind;
            ImmutableArray<Crumb> crumbs = kind.ListPage is { } list
                ? [new("Home", "/"), new(list.Title, list.Url), new(item.Title, item.Url)]
                : [new("Home", "/"), new(item.Title, item.Url)];
            var dates = kind.Fields.Where(f => f.Type == FieldType.Date).Select(f => item.DateOf(f.Name));
            result.Add(PageFor(document, new SitePage(kind.Layout, kind.Name, item.Url, item.Title, item.Description, crumbs, Newest(dates), "item", new Lazy<object>(() => index.ItemViews.Page(document)))
            {
                Booking = Booking(index, item) ?? clinicBooking,
                Item = item,
            }));
        }

        return ValueTask.FromResult(result.ToImmutable());
    }

    /// <summary>The booking address the kind's <c>booking_from</c> leads to: the item's own, or that of its only practitioner.</summary>
    private BookingView? Booking(SiteIndex index, ContentItem item)
    {
        foreach (var name in item.Kind.BookingFrom)
        {
            var field = item.Kind.Field(name)!;
            if (field.Type == FieldType.Url && item.TextOf(name) is { } own)
            {
                return BookingView.ForItem(settings, item.Title, own);
            }

            // Only a single practitioner's own address is used; with several, the clinic's lets the patient choose.
            var targets = ContentGraph.Targets(item, field).Select(id => index.Graph.Find(field.To!, id)).OfType<Document>().Select(ContentGraph.Item).ToList();
            if (targets is [var person] && person.Kind.BookingFrom.Where(b => person.Kind.Field(b) is { Type: FieldType.Url }).Select(person.TextOf).FirstOrDefault(u => u is not null) is { } url)
            {
                return BookingView.ForPerson(settings, person.Title, url);
            }
        }

        return null;
    }

    internal static DateOnly? Newest(IEnumerable<DateOnly?> dates) => dates.Where(d => d.HasValue).Max();

    private static Document PageFor(Document source, SitePage page) =>
        source with { Model = page, Destination = page.Destination, Content = "" };

    private static List<Entry<T>> Entries<T>(List<Document> documents) where T : ContentItem =>
        [.. documents.Where(d => d.Model is T).Select(SiteIndex.EntryOf<T>)];

    /// <summary>Reports every reference to an item that does not exist; false when a required one is broken.</summary>
    private bool CheckReferences(BuildContext context, ContentItem item, Dictionary<string, HashSet<string>> ids, HashSet<SourceLocation> reported)
    {
        var ok = true;
        foreach (var field in item.Kind.Fields.Where(f => f.IsReference))
        {
            var target = model.Kind(field.To!)!;
            var known = ids[target.Name];
            var references = field.Type == FieldType.Reference ? (item.ReferenceOf(field.Name) is { } one ? [one] : []) : item.ItemsOf(field.Name);
            foreach (var reference in references.Where(r => !known.Contains(r.Value)))
            {
                ok &= !field.Required;
                if (!reported.Add(reference.Location))
                {
                    continue;
                }

                context.Diagnostics.Error(
                    DiagnosticIds.UnknownReference,
                    reference.Location,
                    $"There is no {target.Label.ToLowerInvariant()} '{reference.Value}' (no file {target.FolderDisplay}{reference.Value}.md).",
                    Suggest.DidYouMean(reference.Value, known) ?? $"Known {target.Plural.ToLowerInvariant()}: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }

        return ok;
    }
}
