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
    public const string SourceText = "source-text";
    public const string RenderFailed = "render-failed";
    public const string Scan = "scan";
    public const string PlainText = "plain-text";
}
