namespace Site.Web.Modules;

/// <summary>Names of the few metadata values modules hand to each other.</summary>
public static class MetadataKeys
{
    public const string Slug = "slug";
    public const string Markdown = "markdown";
    public const string Body = "body";
    public const string WordCount = "word-count";
    public const string Links = "links";
    public const string Site = "site";
    public const string Page = "page";
    public const string LastModified = "last-modified";
    public const string Booking = "booking";
    /// <summary>
    /// The content file's full path, read again only to place an error; keeping every file's text for the
    /// rare broken link cost 120 MB on a 10,000-article site.
    /// </summary>
    public const string SourcePath = "source-path";
    public const string RenderFailed = "render-failed";
    public const string Scan = "scan";
    public const string PlainText = "plain-text";

    /// <summary>The front-matter text as written; <c>site serve</c> fingerprints the site by it.</summary>
    public const string FrontMatter = "front-matter";
}
