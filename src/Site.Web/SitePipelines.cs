using Markdig;
using Site.Engine.Modules;
using Site.Engine.Pipelines;
using Site.Web.Images;
using Site.Web.Checks;
using Site.Web.Content;
using Site.Web.Modules.Api;
using Site.Web.Modules.Assets;
using Site.Web.Modules.Checks;
using Site.Web.Modules.Feeds;
using Site.Web.Modules.Html;
using Site.Web.Modules.Netlify;
using Site.Web.Model;
using Site.Web.Modules.Parsing;
using Site.Web.Theme;

namespace Site.Web;

/// <summary>
/// The clinic site's pipelines, registered explicitly. Content pipelines parse and render Markdown; <c>html</c>
/// joins them into pages; <c>feeds</c> lists those pages; <c>output</c> writes everything at once so that two
/// pipelines claiming one address is caught.
/// </summary>
public static class SitePipelines
{
    public const string Assets = "assets";
    public const string Html = "html";
    public const string Feeds = "feeds";
    public const string Api = "api";
    public const string Checks = "checks";
    public const string Netlify = "netlify";
    public const string Output = "output";

    private static ExternalLinkChecker? External(SitePaths paths, BuildOptions options) => options.CheckExternal
        ? new ExternalLinkChecker(new ExternalCheckOptions
        {
            CacheFile = options.ExternalCache ?? Path.Combine(Path.GetDirectoryName(paths.Input)!, ".site-cache", "external-links.json"),
        })
        : null;

    /// <summary>The pipeline that reads, parses and renders one kind's files.</summary>
    public static string ContentPipeline(KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return "content:" + kind.Name;
    }

    /// <param name="inputs">With <see cref="BuildOptions.Cache"/>: a fingerprint of settings, theme, assets, options and day.</param>
    /// <param name="facts">Where the build's facts for the report are gathered.</param>
    public const string Images = "images";

    /// <summary>Where resized photos are kept between builds: <c>.site-cache/images/</c> beside <c>input/</c>.</summary>
    public static string ImageCache(SitePaths paths, BuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return options.ImageCache ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(paths.Input))!, ".site-cache", "images");
    }

    /// <param name="pictures">How photos are resized; the theme's picture function shares it.</param>
    /// <param name="encoder">Makes the resized photos, through the cache.</param>
    /// <param name="bodies">Where a one-off build keeps rendered bodies until they are used; null keeps them in memory.</param>
    public static IReadOnlyList<Pipeline> Create(SitePaths paths, ContentModel model, SiteSettings settings, ThemeTemplates theme, AssetManifest assets, BuildOptions options, DateOnly today, PicturePlan pictures, ImageEncoder encoder, string inputs = "", BuildFacts? facts = null, BodyStore? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        var markdown = MarkdownSetup.Build();
        var origins = new LinkOrigins(paths);
        var published = new FilterPublished(today, options.Drafts, options.Future) { Scheduled = facts?.Scheduled };
        ArgumentNullException.ThrowIfNull(pictures);
        var images = pictures.Sizes;
        var cache = options.Cache;
        var checks = SiteChecks.Create(model, settings, origins, External(paths, options), today, facts, images, options.Cache);

        // In site serve, a file whose text did not change is not parsed or rendered again.
        PerDocumentModule ByText(PerDocumentModule module, Engine.Pipelines.MemoCache? memo) =>
            cache is null || memo is null ? module : new Memoized(module, memo, (d, _) => inputs + cache.TextHash(d));
        // In site serve, an item whose parse and render were both reused (the same document object) keeps last
        // build's findings: its text and every input they depend on (in the parse's key) are unchanged.
        PerDocumentModule Checked(PerDocumentModule module) =>
            cache is null ? module : new Memoized(module, cache.Checked, (d, _) => cache.IdentityOf(d));
        Pipeline Content(KindDefinition kind) => new(ContentPipeline(kind))
        {
            Input = [new ReadContent(paths.FolderOf(kind), paths, cache)],
            // One pass per file: a file's syntax tree lives from its parse to its render, not until every file is
            // parsed (10,000 trees at once were most of a large build's memory). What the filter will drop is
            // neither rendered nor checked; the filter drops it after the pass and reports what is scheduled.
            Process =
            [
                new EachDocument(
                    ByText(new ParseContent(markdown, kind), cache?.Parsed),
                    new OnlyWhere(published.Keeps, ByText(new RenderMarkdown(markdown, pictures, bodies), cache?.Rendered)),
                    new OnlyWhere(published.Keeps, Checked(new RunItemChecks(checks.OfType<IItemCheck>())))),
                published,
            ],
        };
        var contentPipelines = model.Kinds.Select(Content).ToList();


        // Each page gets its structured data and is rendered, checked, scanned and written in one pass, then only its scan is kept; in
        // site serve, a page whose fingerprint did not change keeps last build's result and file.
        PerDocumentModule pages = new EachDocument(new AddStructuredData(), new RenderPages(theme, settings, SiteView.From(settings, today), options.Preview ? "noindex" : null, pictures), new RunPageChecks(checks.OfType<IPageCheck>()), new ScanPages(), new WriteEarly(options.WriteOutput));
        if (cache is not null)
        {
            // An item's page also goes with its parse (the same object while the file's text is unchanged): an
            // edit that leaves the HTML as it was (a blank line) still moves the lines its findings point at.
            pages = new Memoized(pages, cache.Pages, (d, context) => ComputeFingerprint.Of(d, context) + (d.Model is Rendering.SitePage { Item: { } item } ? "|" + cache.IdentityOf(item) : ""));
        }

        var api = new GenerateApi(settings, options.Now ?? DateTimeOffset.UtcNow, Environment.GetEnvironmentVariable("COMMIT_REF") ?? Environment.GetEnvironmentVariable("GITHUB_SHA"));
        // In site serve, an answer is written again only when what it is made from changed: an item's answer by
        // its rendered document (the same object while its file's text is unchanged) and the site fingerprint
        // (every item's front matter, for the summaries it includes); a list's by the site fingerprint alone.
        PerDocumentModule answers = new EachDocument(new RenderApiAnswers(api), new WriteEarly(options.WriteOutput));
        if (cache is not null)
        {
            answers = new Memoized(answers, cache.Answers, (d, context) => d.Model switch
            {
                PendingItem item => context.Get(Modules.SiteKeys.Fingerprint) + "|" + cache.IdentityOf(item.Item),
                PendingList => context.Get(Modules.SiteKeys.Fingerprint),
                _ => null,
            });
        }

        // In site serve, the sitemap is made again only when the site fingerprint changed (it lists pages by address
        // and date, all of which the fingerprint covers), and Netlify's files only when the fingerprint or the set of
        // files changed (redirects come from front matter, headers from the files' top-level folders). A file of
        // the feeds pipeline that is the same document as last build is not scanned or written again.
        IModule sitemap = new GenerateSitemap(settings);
        IModule netlify = new GenerateNetlifyFiles(settings, options.Preview);
        PerDocumentModule feedFiles = new EachDocument(new ScanPages(), new WriteEarly(options.WriteOutput));
        if (cache is not null)
        {
            sitemap = new MemoizedStep(sitemap, cache.Steps, context => context.Get(Modules.SiteKeys.Fingerprint));
            netlify = new MemoizedStep(netlify, cache.Steps, context => context.Get(Modules.SiteKeys.Fingerprint) + "|" + GenerateNetlifyFiles.FilesKey(context));
            feedFiles = new Memoized(feedFiles, cache.FeedFiles, (d, _) => cache.IdentityOf(d));
        }

        return
        [
            .. contentPipelines,
            new(Assets)
            {
                Input = [new EmitThemeAssets(assets), new ReadAssets(Path.Combine(paths.Input, "assets"), paths, skip: ImageKinds.IsResizable), new Modules.Admin.EmitEditor(model, settings)],
            },
            new(Images)
            {
                Dependencies = [.. contentPipelines.Select(p => p.Name)],
                Process = [new EncodeImages(pictures, encoder, settings, paths, options.WriteOutput, () => cache is { InPlace: true })],
            },
            new(Html)
            {
                Dependencies = [.. contentPipelines.Select(p => p.Name)],
                Process = [new IndexContent(model, settings, paths.Display(paths.SiteFile), pictures), new GenerateListPages(model), .. (cache is null ? Array.Empty<IModule>() : [new ComputeFingerprint(inputs, cache)]), pages, new ReleaseViews()],
            },
            new(Feeds)
            {
                Dependencies = [Html],
                Process = [sitemap, new GenerateRobots(settings, disallowAll: options.Preview), new GenerateFeeds(settings), new GenerateSearchIndex(cache), feedFiles],
            },
            new(Api)
            {
                Dependencies = [Html],
                Process = options.Api ? [api, answers, new GenerateApiChanges(), new WriteEarly(options.WriteOutput)] : [],
            },
            new(Netlify)
            {
                Dependencies = [Html, Feeds, Assets, Api, Images],
                Process = [netlify],
            },
            new(Checks)
            {
                PostProcess = [new RunSiteChecks(checks.OfType<ISiteCheck>())],
            },
            new(Output)
            {
                Output = options.WriteOutput ? [new CollectAll(), new WriteFiles()] : [],
            },
        ];
    }
}
