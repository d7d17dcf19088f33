using System.Collections.Immutable;
using System.Globalization;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Model;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// Adds the pages made from lists: home, search and 404 (whose layouts read every kind's items as
/// <c>collections</c>), the list page of each kind that declares one (in pages when it says <c>paged</c>), and a
/// page per topic of every <c>taxonomy</c> field.
/// </summary>
public sealed class GenerateListPages(ContentModel model) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Get(SiteKeys.Index);
        var booking = context.Get(SiteKeys.ClinicBooking);
        var settings = index.Settings;
        var views = index.ItemViews;
        var result = documents.ToBuilder();
        var home = new Crumb("Home", "/");

        // Home and search change when the newest item in the feeds does.
        var newest = IndexContent.Newest(model.Kinds.Where(k => k.Has(Listings.Feeds))
            .SelectMany(k => index.Graph.ItemsOf(k.Name)).Select(d => (DateOnly?)IndexContent.Modified(ContentGraph.Item(d))));

        Add(new SitePage("home", "home", "/", settings.Name, settings.Description, [home], newest, "list",
            () => new SiteListView(settings.Name, settings.Description)));

        foreach (var kind in model.Kinds.Where(k => k.ListPage is not null))
        {
            var list = kind.ListPage!;
            var items = index.Graph.ItemsOf(kind.Name);
            var perPage = list.Paged ? settings.ArticlesPerPage : Math.Max(1, items.Length);
            var pageCount = Math.Max(1, (items.Length + perPage - 1) / perPage);
            for (var n = 1; n <= pageCount; n++)
            {
                var number = n;
                var shown = items.Skip((n - 1) * perPage).Take(perPage).ToList();
                var title = n == 1 ? list.Title : $"{list.Title}, page {n} of {pageCount}";
                var description = Fill(list.Description ?? (list.Intro.Length > 0 ? list.Intro : $"{list.Title} at {{site}}."), settings.Name, n, pageCount);
                Add(new SitePage(list.Layout, "list", PageUrl(list, n), title, description, [home, new(list.Title, list.Url)], Newest(shown), "list",
                    () => new ItemListView(kind.Name, title, list.Intro, views.Cards(shown), number, pageCount,
                        number > 1 ? PageUrl(list, number - 1) : null, number < pageCount ? PageUrl(list, number + 1) : null)));
            }
        }

        // One page per topic, across every kind's taxonomy fields; the first spelling names it.
        var topics = model.Kinds
            .SelectMany(k => k.Fields.Where(f => f.Taxonomy).Select(f => (Kind: k, Field: f)))
            .SelectMany(x => index.Graph.ItemsOf(x.Kind.Name).SelectMany(d => ContentGraph.Item(d).TextsOf(x.Field.Name).Select(v => (x.Kind, x.Field, Value: v, Document: d))))
            .GroupBy(t => ContentUrls.Slugify(t.Value), StringComparer.Ordinal)
            .Select(g => g.Where(t => t.Kind == g.First().Kind))
            .OrderBy(g => ContentUrls.Slugify(g.First().Value), StringComparer.Ordinal);
        var topicIndex = new List<(string Name, string Url, int Count, string Plural)>();
        var topicsCrumb = new Crumb("Topics", "/tags/");
        foreach (var topic in topics)
        {
            var (kind, field, name, _) = topic.First();
            var shown = topic.Select(t => t.Document).Distinct(ReferenceEqualityComparer.Instance).Cast<Document>().ToList();
            var url = FieldDefinition.TopicUrl(name);
            var title = field.TaxonomyTitle.Replace("{value}", name, StringComparison.Ordinal);
            var intro = field.TaxonomyIntro.Replace("{value}", name, StringComparison.Ordinal);
            ImmutableArray<Crumb> crumbs = [home, topicsCrumb, new(name, url)];
            topicIndex.Add((name, url, shown.Count, shown.Count == 1 ? kind.Label.ToLowerInvariant() : kind.Plural.ToLowerInvariant()));
            Add(new SitePage(field.TaxonomyLayout, "tag", url, title, Fill(field.TaxonomyDescription.Replace("{value}", name, StringComparison.Ordinal), settings.Name, 1, 1), crumbs, Newest(shown), "list",
                () => new ItemListView(kind.Name, title, intro, views.Cards(shown), 1, 1, null, null)));
        }

        // The index of topics: every topic page, by name, with how many items each lists.
        if (topicIndex.Count > 0)
        {
            const string topicsTitle = "Topics";
            Add(new SitePage("list", "topics", topicsCrumb.Url, topicsTitle, $"Every topic {settings.Name} writes about, and how much there is to read on each.",
                [home, topicsCrumb], newest, "list",
                () => new ItemListView("topics", topicsTitle, "Every topic we write about, with how much there is to read on each.",
                    [.. topicIndex.OrderBy(t => t.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true)).Select(TopicCard)], 1, 1, null, null)));
        }

        Add(new SitePage("search", "search", "/search/", "Search", $"Search the {settings.Name} articles and condition guides.",
            [home, new("Search", "/search/")], newest, "list",
            () => new SiteListView("Search", "Every article and condition guide on this site.")));

        Add(new SitePage("404", "404", "/404.html", "Page not found", "The page you were looking for is not here.",
            [home], null, "list", () => new SiteListView("Page not found", ""))
        {
            Indexable = false,
        });

        return ValueTask.FromResult(result.ToImmutable());

        void Add(SitePage page) =>
            result.Add(new Document(null, page.Destination, "") { Model = page with { Booking = page.Booking ?? booking } });
    }

    private static Scriban.Runtime.ScriptObject TopicCard((string Name, string Url, int Count, string Plural) topic)
    {
        var card = new Scriban.Runtime.ScriptObject
        {
            ["title"] = topic.Name,
            ["url"] = topic.Url,
            ["count"] = topic.Count,
            ["count_text"] = $"{topic.Count.ToString(CultureInfo.InvariantCulture)} {topic.Plural}",
        };
        card.IsReadOnly = true;
        return card;
    }

    private static DateOnly? Newest(IEnumerable<Document> shown) =>
        IndexContent.Newest(shown.Select(d => IndexContent.Modified(ContentGraph.Item(d))));

    private static string Fill(string text, string site, int page, int pages) => text
        .Replace("{site}", site, StringComparison.Ordinal)
        .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{pages}", pages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Page <paramref name="n"/> of a list: its own address, then <c>page/2/</c>, <c>page/3/</c>...</summary>
    public static string PageUrl(ListPage list, int n)
    {
        ArgumentNullException.ThrowIfNull(list);
        return n == 1 ? list.Url : $"{list.Url}page/{n}/";
    }
}
