using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Model;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>Adds the pages made from lists: home, the paginated article index, tags, conditions, search and 404.</summary>
public sealed class GenerateListPages(ContentModel model) : IModule
{
    private const int HomeArticleCount = 5;

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Get(SiteKeys.Index);
        var booking = context.Get(SiteKeys.ClinicBooking);
        var settings = index.Settings;
        var views = new Views(index);
        var allConditions = index.Conditions.Select(c => new LinkView(c.Item.Title, c.Item.Url)).ToImmutableArray();
        var result = documents.ToBuilder();
        var home = new Crumb("Home", "/");

        DateOnly? Newest(IEnumerable<Entry<Site.Web.Content.Article>> shown) => IndexContent.Newest(shown.Select(a => (DateOnly?)(a.Item.Updated ?? a.Item.Date)));

        Add(new SitePage("home", "home", "/", settings.Name, settings.Description, [home], Newest(index.Articles.Take(HomeArticleCount)), "list",
            View(() => new ListView(settings.Name, settings.Description, views.Cards(index.Articles.Take(HomeArticleCount)), allConditions, 1, 1, null, null))));

        var perPage = settings.ArticlesPerPage;
        var pageCount = Math.Max(1, (index.Articles.Length + perPage - 1) / perPage);
        for (var n = 1; n <= pageCount; n++)
        {
            var number = n;
            var shown = index.Articles.Skip((n - 1) * perPage).Take(perPage).ToList();
            var url = ArticlesPageUrl(n);
            var title = n == 1 ? "Articles" : $"Articles, page {n} of {pageCount}";
            Add(new SitePage("list", "articles", url, title, $"Articles from {settings.Name}: practical advice about injuries, pain and recovery, page {n} of {pageCount}.",
                [home, new("Articles", "/articles/")], Newest(shown), "list",
                View(() => new ListView(title, "Practical advice from our physiotherapists, newest first.", views.Cards(shown), [], number, pageCount,
                    number > 1 ? ArticlesPageUrl(number - 1) : null, number < pageCount ? ArticlesPageUrl(number + 1) : null))));
        }

        foreach (var tag in index.Tags)
        {
            var title = $"Articles about {tag.Name}";
            Add(new SitePage("list", "tag", tag.Url, title, $"Every {settings.Name} article tagged '{tag.Name}', with the newest first.",
                [home, new("Articles", "/articles/"), new(tag.Name, tag.Url)], Newest(tag.Articles), "list",
                View(() => new ListView(title, $"Everything we have written about {tag.Name}.", views.Cards(tag.Articles), [], 1, 1, null, null))));
        }

        Add(new SitePage("list", "conditions", "/conditions/", "Conditions", $"The conditions {settings.Name} physiotherapists write about: symptoms, causes and how physiotherapy helps.",
            [home, new("Conditions", "/conditions/")], IndexContent.Newest(index.Conditions.Select(c => c.Item.LastReviewed)), "list",
            View(() => new ListView("Conditions", "What each condition is, what makes it worse, and how physiotherapy can help.", [], allConditions, 1, 1, null, null))));

        Add(new SitePage("search", "search", "/search/", "Search", $"Search the {settings.Name} articles and condition guides.",
            [home, new("Search", "/search/")], Newest(index.Articles.Take(1)), "list",
            View(() => new ListView("Search", "Every article and condition guide on this site.", views.Cards(index.Articles), allConditions, 1, 1, null, null))));

        // A kind whose model declares a list page gets it here, with the layout the model names.
        foreach (var kind in model.Kinds.Where(k => k.ListPage is not null))
        {
            var list = kind.ListPage!;
            var items = index.Graph.ItemsOf(kind.Name);
            var dates = items.Select(ContentGraph.Item).SelectMany(i => kind.Fields.Where(f => f.Type == FieldType.Date).Select(f => i.DateOf(f.Name)));
            Add(new SitePage(list.Layout, kind.Name + "-list", list.Url, list.Title, list.Intro.Length > 0 ? list.Intro : $"{list.Title} at {settings.Name}.",
                [home, new(list.Title, list.Url)], IndexContent.Newest(dates), "list",
                View(() => new ItemListView(list.Title, list.Intro, index.ItemViews.Cards(items)))));
        }

        Add(new SitePage("404", "404", "/404.html", "Page not found", "The page you were looking for is not here.",
            [home], null, "list", View(() => new ListView("Page not found", "", views.Cards(index.Articles.Take(HomeArticleCount)), allConditions, 1, 1, null, null)))
        {
            Indexable = false,
        });

        return ValueTask.FromResult(result.ToImmutable());

        void Add(SitePage page) =>
            result.Add(new Document(null, page.Destination, "") { Model = page with { Booking = page.Booking ?? booking } });
    }

    private static Lazy<object> View(Func<object> build) => new(build);

    public static string ArticlesPageUrl(int n) => n == 1 ? "/articles/" : $"/articles/page/{n}/";
}
