using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Images;
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
public sealed class IndexContent(ContentModel model, SiteSettings settings, string siteFile, PicturePlan pictures) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documentsOfKind = context.DependencyDocuments().Where(d => d.Model is ContentItem).ToLookup(d => ((ContentItem)d.Model!).KindName, StringComparer.Ordinal);
        var byKind = model.Kinds.ToDictionary(k => k.Name, k => documentsOfKind[k.Name].ToList(), StringComparer.Ordinal);
        // An item whose required reference is broken cannot be shown and is left out; a broken optional
        // reference is reported and simply not shown. Leaving an item out can break a required reference to
        // it, so this repeats until nothing more is left out; each broken reference is reported once.
        // An incomplete item (a field that could not be read, reported already) has its own references checked,
        // and counts as existing for the references to it, so one bad field is one error; it is never published,
        // and an item that needs it is left out without a second error.
        var all = byKind.Values.SelectMany(d => d).ToList();
        var incomplete = Ids(all, i => i.Incomplete);
        var kept = all.Where(d => !((ContentItem)d.Model!).Incomplete).ToList();
        var reported = new HashSet<SourceLocation>();
        var allIds = Ids(all);
        foreach (var document in all.Where(d => ((ContentItem)d.Model!).Incomplete))
        {
            CheckReferences(context, (ContentItem)document.Model!, allIds, reported, incomplete);
        }

        while (true)
        {
            var ids = Ids(kept);
            var next = kept.Where(d => CheckReferences(context, (ContentItem)d.Model!, ids, reported, incomplete)).ToList();
            if (next.Count == kept.Count)
            {
                break;
            }

            kept = next;
        }
        // The disclaimer page is the item published at /{page}/ (a page of the kind whose address that is).
        var disclaimerUrl = $"/{settings.Disclaimer.Page}/";
        // A disclaimer page that exists but cannot be published has its own error: "does not exist" would mislead.
        if (!all.Any(d => ((ContentItem)d.Model!).Url == disclaimerUrl))
        {
            var pageKind = model.Kinds.FirstOrDefault(k => k.UrlPattern == "/{id}/");
            var pageIds = kept.Select(d => (ContentItem)d.Model!).Where(i => i.Kind.UrlPattern == "/{id}/").Select(i => i.Slug);
            context.Diagnostics.Error(
                DiagnosticIds.DisclaimerPageMissing,
                settings.Disclaimer.PageLocation ?? SourceLocation.OfFile(siteFile),
                $"The medical disclaimer page '{settings.Disclaimer.Page}' does not exist in {pageKind?.FolderDisplay ?? "input/"}.",
                Suggest.DidYouMean(settings.Disclaimer.Page, pageIds) ?? $"Add {pageKind?.FolderDisplay ?? "input/pages/"}{settings.Disclaimer.Page}.md.");
        }

        var index = new SiteIndex(settings, model, kept, pictures);

        // The clinic's call to action names its practitioners: the items of every kind that is about a person.
        var people = model.Kinds.Where(k => k.SchemaType == "Person").SelectMany(k => index.Graph.ItemsOf(k.Name)).Select(d => PersonName.Given(ContentGraph.Item(d).Title));
        var clinicBooking = BookingView.ForClinic(settings, people);
        var result = ImmutableArray.CreateBuilder<Document>();
        context.Publish(SiteKeys.Index, index);
        context.Publish(SiteKeys.ClinicBooking, clinicBooking);
        context.Publish(SiteKeys.StructuredData, new StructuredData(settings, index));

        foreach (var document in kept)
        {
            var item = (ContentItem)document.Model!;
            var kind = item.Kind;

            ImmutableArray<Crumb> crumbs = kind.ListPage is { } list
                ? [new("Home", "/"), new(list.Title, list.Url), new(item.Title, item.Url)]
                : [new("Home", "/"), new(item.Title, item.Url)];

            // A page changes with the item and with the items its model says it shows (modified_by).
            var shown = kind.ModifiedBy.SelectMany(m => index.Graph.ReferencesTo(item)
                .Where(r => r.Field.Name == m.Field && ContentGraph.Item(r.Item).KindName == m.Kind)
                .Select(r => Modified(ContentGraph.Item(r.Item))));
            result.Add(PageFor(document, new SitePage(kind.Layout, kind.Name, item.Url, item.Title, item.Description, crumbs, Newest(shown.Append(Modified(item))), "item", () => index.ItemViews.Page(document))
            {
                Booking = Booking(index, item) ?? clinicBooking,
                Item = item,
            }));
        }

        return ValueTask.FromResult(result.ToImmutable());
    }

    /// <summary>
    /// The book-now call to action of an item's page: a person (schema.org Person) is booked with by name, at
    /// their own address or the clinic's; otherwise the kind's <c>booking_from</c> leads to the item's own
    /// address, or that of its only practitioner. Null: the clinic's.
    /// </summary>
    private BookingView? Booking(SiteIndex index, ContentItem item)
    {
        if (item.Kind.SchemaType == "Person")
        {
            return BookingView.ForPerson(settings, item.Title, OwnBookingUrl(item) ?? settings.Booking.Url);
        }

        foreach (var name in item.Kind.BookingFrom)
        {
            var field = item.Kind.Field(name)!;
            if (field.Type == FieldType.Url && item.TextOf(name) is { } own)
            {
                return BookingView.ForItem(settings, item.Title, own);
            }

            // Only a single practitioner's own address is used; with several, the clinic's lets the patient choose.
            var targets = ContentGraph.Targets(item, field).Select(id => index.Graph.Find(field.To!, id)).OfType<Document>().Select(ContentGraph.Item).ToList();
            if (targets is [var person] && OwnBookingUrl(person) is { } url)
            {
                return BookingView.ForPerson(settings, person.Title, url);
            }
        }

        return null;
    }

    internal static DateOnly? Newest(IEnumerable<DateOnly?> dates) => dates.Where(d => d.HasValue).Max();

    /// <summary>
    /// When an item last changed: for a kind with a publication date, its updated field or that date; for
    /// others, the latest of its own dates (a condition's last review, a page's update).
    /// </summary>
    /// <summary>The first url field named in the kind's <c>booking_from</c> that the item fills in.</summary>
    private static string? OwnBookingUrl(ContentItem item) =>
        item.Kind.BookingFrom.Where(b => item.Kind.Field(b) is { Type: FieldType.Url }).Select(item.TextOf).FirstOrDefault(u => u is not null);

    internal static DateOnly? Modified(ContentItem item) => item.PublishedOn is not null
        ? item.UpdatedOn
        : Newest(item.Kind.Fields.Where(f => f.Type == FieldType.Date).Select(f => item.DateOf(f.Name)));

    private static Document PageFor(Document source, SitePage page) =>
        source with { Model = page, Destination = page.Destination, Content = "" };

    /// <summary>Every kind's ids among <paramref name="documents"/>, each set in the documents' order, in one pass.</summary>
    private Dictionary<string, HashSet<string>> Ids(List<Document> documents, Func<ContentItem, bool>? only = null)
    {
        var ids = model.Kinds.ToDictionary(k => k.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var item = (ContentItem)document.Model!;
            if ((only is null || only(item)) && ids.TryGetValue(item.KindName, out var set))
            {
                set.Add(item.Slug);
            }
        }

        return ids;
    }

    /// <summary>
    /// Reports every reference to an item that does not exist; false when a required one is broken. A reference
    /// to an incomplete item is not reported (its file's own error is), but it still cannot be shown.
    /// </summary>
    private bool CheckReferences(BuildContext context, ContentItem item, Dictionary<string, HashSet<string>> ids, HashSet<SourceLocation> reported, Dictionary<string, HashSet<string>> incomplete)
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
                if (incomplete[target.Name].Contains(reference.Value) || !reported.Add(reference.Location))
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
