using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Model;

namespace Site.Web.Modules.Parsing;

/// <summary>
/// Parses each Markdown file once and binds its front matter to its kind in the content model. The YAML is taken
/// from the front-matter block Markdig found, so every reported line is a line of the real file.
/// </summary>
public sealed class ParseContent(MarkdownPipeline markdown, KindDefinition kind) : PerDocumentModule
{
    private readonly string _what = (kind.Label.ToLowerInvariant() is var label && "aeiou".Contains(label[0], StringComparison.Ordinal) ? "an " : "a ") + kind.Label.ToLowerInvariant();

    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var source = document.Source!;
        if (!InputLimits.Check(document.Content, source, context.Diagnostics))
        {
            yield break;
        }

        MarkdownDocument parsed;
        try
        {
            parsed = Markdown.Parse(document.Content, markdown);
        }
        catch (ArgumentException)
        {
            // Markdig's own guard against nesting deep enough to exhaust the stack.
            context.Diagnostics.Error(
                DiagnosticIds.TooLarge,
                InputLimits.DeepestLine(document.Content, source),
                "This file nests lists, quotes, links or emphasis too deeply for the Markdown reader (over about a hundred levels); the deepest nesting is on this line.",
                "Flatten the nesting, or remove the run of brackets or marks.");
            yield break;
        }

        if (parsed.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            // A file that opens the block but never closes it gets Markdig's thematic break instead.
            var opened = document.Content.StartsWith("---\n", StringComparison.Ordinal) || document.Content.StartsWith("---\r\n", StringComparison.Ordinal);
            context.Diagnostics.Error(
                DiagnosticIds.MissingFrontMatter,
                new SourceLocation(source, 1, 1),
                opened
                    ? "The front matter opened by '---' on this line is never closed."
                    : "The file does not start with front matter (a block of fields between two '---' lines).",
                "Start the file with '---', then fields such as 'title: ...', then '---'.");
            yield break;
        }

        // Markdig's block starts at the opening '---'; the YAML starts on the next line.
        var yamlSource = new YamlSource(source, block.Line + 1);
        var yaml = block.Lines.ToString();
        var map = yamlSource.Parse(yaml, context.Diagnostics);
        var file = new ContentFile(document.Get<string>(MetadataKeys.Slug)!, source, new SourceLocation(source, 1, 1));

        // Front matter that is not valid YAML still leaves a body to check (its links and text); the item is
        // named by its file and never published.
        var item = map is null
            ? new ContentItem(kind, file.Slug, file.FrontMatter, file.Slug, "") { Incomplete = true }
            : ItemBinder.Bind(kind, new YamlFields(map, yamlSource, context.Diagnostics, _what), file);
        yield return (document with { Model = item }).With(MetadataKeys.Markdown, parsed).With(MetadataKeys.FrontMatter, yaml);
    }
}
