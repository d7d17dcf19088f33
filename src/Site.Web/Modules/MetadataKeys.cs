using Markdig.Syntax;
using Site.Engine;
using Site.Web.Checks;
using Site.Web.Modules.Parsing;

namespace Site.Web.Modules;

/// <summary>The few metadata values modules hand to each other, each with its type.</summary>
public static class MetadataKeys
{
    /// <summary>The content file's name without .md: the item's id.</summary>
    public static readonly MetadataKey<string> Slug = new("slug");

    /// <summary>The parsed Markdown, from ParseContent to RenderMarkdown, then dropped.</summary>
    public static readonly MetadataKey<MarkdownDocument> Markdown = new("markdown");

    /// <summary>The rendered body as UTF-8, in memory or in the build's body store.</summary>
    public static readonly MetadataKey<Content.StoredBody> Body = new("body");

    public static readonly MetadataKey<int> WordCount = new("word-count");

    /// <summary>Links written in the Markdown, with where each was written, for placing link errors.</summary>
    public static readonly MetadataKey<List<SourceLink>> Links = new("links");

    /// <summary>
    /// The content file's full path, read again only to place an error; keeping every file's text for the
    /// rare broken link cost 120 MB on a 10,000-article site.
    /// </summary>
    public static readonly MetadataKey<string> SourcePath = new("source-path");

    /// <summary>Set on a page whose template failed, so checks skip it instead of reporting it again.</summary>
    public static readonly MetadataKey<bool> RenderFailed = new("render-failed");

    /// <summary>What the link and SEO checks need of a rendered page, kept after its HTML is written.</summary>
    public static readonly MetadataKey<PageScan> Scan = new("scan");

    /// <summary>Every address on the site that a content API answer links to (not the copies inside bodies).</summary>
    public static readonly MetadataKey<string[]> ApiLinks = new("api-links");

    /// <summary>Raw HTML written in the Markdown, with where each piece starts, for the raw-HTML check.</summary>
    public static readonly MetadataKey<IReadOnlyList<SourceHtml>> RawHtml = new("raw-html");

    /// <summary>The body's distinct word stems, sorted and joined by spaces, as UTF-8: for the search index.</summary>
    public static readonly MetadataKey<byte[]> BodyStems = new("body-stems");

    /// <summary>The front-matter text as written; <c>site serve</c> fingerprints the site by it.</summary>
    public static readonly MetadataKey<string> FrontMatter = new("front-matter");
}
