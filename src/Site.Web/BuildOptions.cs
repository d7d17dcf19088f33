namespace Site.Web;

/// <summary>What one build reads, writes and includes.</summary>
public sealed record BuildOptions
{
    public string Input { get; init; } = "input";

    public string Theme { get; init; } = "theme";

    public string Output { get; init; } = "output";

    /// <summary>Paths in diagnostics are shown relative to this folder (default: the working folder).</summary>
    public string? DisplayRoot { get; init; }

    /// <summary>Include articles marked <c>draft: true</c>.</summary>
    public bool Drafts { get; init; }

    /// <summary>Include articles dated after today in the clinic's time zone.</summary>
    public bool Future { get; init; }

    /// <summary>Overrides <c>base_url</c> from site.yml (deploy previews).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The moment "today" is judged from; the real clock unless a test pins it.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Write the site to the output folder; false runs every check and writes nothing.</summary>
    public bool WriteOutput { get; init; } = true;

    /// <summary>Ask other websites whether linked pages exist (off by default: builds stay offline).</summary>
    public bool CheckExternal { get; init; }

    /// <summary>Where external link answers are cached; default <c>.site-cache/external-links.json</c> beside <c>input/</c>.</summary>
    public string? ExternalCache { get; init; }

    /// <summary>Where resized photos are kept between builds, instead of <c>.site-cache/images/</c> beside the input folder.</summary>
    public string? ImageCache { get; init; }

    /// <summary>
    /// A deploy preview: every page is marked noindex, robots.txt disallows everything and the headers say
    /// noindex too, so previews never compete with the real site in search results.
    /// </summary>
    public bool Preview { get; init; }

    /// <summary>Treat warnings as errors.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Results kept between builds of one <c>site serve</c> session; null for a normal build.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>
    /// Publish the content API under <c>/api/v1/</c> (always, in every real build). Only the benchmark turns it
    /// off, through the environment variable <c>SITE_BENCHMARK_WITHOUT_API=1</c>, to report what the API costs.
    /// </summary>
    public bool Api { get; init; } = true;

    /// <summary>
    /// Content files to read from memory instead of disk, by full path (the editor's preview of unsaved values);
    /// see <see cref="SitePaths.Overlay"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Overlay { get; init; }

    /// <summary>Counters the engine updates as it goes, for the command line's progress line.</summary>
    public Site.Engine.BuildProgress? Progress { get; init; }
}
