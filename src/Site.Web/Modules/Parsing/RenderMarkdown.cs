using Markdig;
using Markdig.Syntax;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Diagnostics;

namespace Site.Web.Modules.Parsing;

/// <summary>A link written in Markdown, with the place it was written, for the link checker.</summary>
/// <summary>Raw HTML written in Markdown (a block or an inline tag), with where it starts.</summary>
public sealed record SourceHtml(string Html, SourceLocation Location);

public sealed record SourceLink(string Url, SourceLocation Location, string Text = "")
{
    /// <summary>An image (<c>![...](...)</c>) rather than a link.</summary>
    public bool IsImage { get; init; }

    /// <summary>Whether anything is written between the brackets (for an image, its alternative text).</summary>
    public bool HasText { get; init; }
}

/// <summary>
/// Renders the already-parsed Markdown to HTML, and while walking it once collects the links and images (with
/// their file positions) for the checks, and counts the words.
/// </summary>
/// <param name="bodies">Where a one-off build keeps rendered bodies until they are used; null keeps them in memory.</param>
public sealed class RenderMarkdown(MarkdownPipeline markdown, Images.PicturePlan pictures, Content.BodyStore? bodies = null) : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = document.Get<MarkdownDocument>(MetadataKeys.Markdown)!;
        var links = new List<SourceLink>();
        List<SourceHtml>? html = null;
        List<LinkInline>? images = null;
        var words = 0;
        var text = new System.Text.StringBuilder(document.Content.Length);
        foreach (var node in parsed.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is { } url:
                    var location = new SourceLocation(document.Source!, link.Line + 1, link.Column + 1);
                    links.Add(new SourceLink(url, location, LinkText(link)) { IsImage = link.IsImage, HasText = link.Any() });
                    if (link.IsImage)
                    {
                        (images ??= []).Add(link);
                    }

                    break;
                case LiteralInline literal:
                    words += CountWords(literal.Content.AsSpan());
                    text.Append(literal.Content.AsSpan()).Append(' ');
                    break;
                case CodeInline code:
                    text.Append(code.Content).Append(' ');
                    break;
                case HtmlInline inline:
                    (html ??= []).Add(new SourceHtml(inline.Tag, new SourceLocation(document.Source!, inline.Line + 1, inline.Column + 1)));
                    break;
                case HtmlBlock block:
                    (html ??= []).Add(new SourceHtml(block.Lines.ToString(), new SourceLocation(document.Source!, block.Line + 1, block.Column + 1)));
                    break;
            }
        }

        // Pictures in the text sit below the fold: each becomes a lazily loaded <picture> in every resized width,
        // shown at most as wide as the text column (site.yml's images: body_width). A picture that opens the text
        // of an item without a photo of its own is the page's main picture instead: loaded first.
        var lead = document.Model is Content.ContentItem owner
            && owner.Kind.Fields.All(f => f.Type != Model.FieldType.Image || owner.TextOf(f.Name) is null)
            ? parsed.FirstOrDefault(b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock) : null;
        foreach (var image in images ?? [])
        {
            Inline root = image;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            var main = lead is not null && ReferenceEquals((root as ContainerInline)?.ParentBlock, lead);
            lead = main ? null : lead;
            var picture = Images.PictureMarkup.Html(pictures, image.Url!, LinkText(image), new Images.PictureUse(pictures.Settings.BodyWidth, Priority: main));
            image.ReplaceBy(new HtmlInline(picture) { Line = image.Line, Column = image.Column }, copyChildren: false);
        }

        var rendered = parsed.ToHtml(markdown);
        // The syntax tree is several times the size of the text; nothing after this module reads it, and a
        // 10,000-article site must not keep 10,000 of them alive.
        // The body is kept as UTF-8 until a page, feed or the API needs it, in the build's body store where there is
        // one (a 10,000-article site would otherwise hold every body for the whole build). Of its words the search
        // index needs only the distinct stems, so only they are kept, and only for kinds the model lists in search.
        var result = (document with { Content = "" })
            .Without(MetadataKeys.Markdown)
            .With(MetadataKeys.Links, links)
            .With(MetadataKeys.WordCount, words)
            .With(MetadataKeys.Body, Keep(System.Text.Encoding.UTF8.GetBytes(rendered)))
            .With(MetadataKeys.RawHtml, (IReadOnlyList<SourceHtml>?)html ?? []);
        yield return document.Model is Content.ContentItem item && item.Kind.Has(Model.Listings.Search)
            ? result.With(MetadataKeys.BodyStems, Content.SearchText.DistinctStems(text.ToString()))
            : result;
    }

    private Content.StoredBody Keep(byte[] body) => bodies?.Put(body) ?? new Content.StoredBody(body);

    private static string LinkText(ContainerInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var letter = !char.IsWhiteSpace(ch);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
