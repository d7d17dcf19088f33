using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Site.Web.Content;

/// <summary>The one Markdig pipeline of a build: built once, shared by every thread.</summary>
public static class MarkdownSetup
{
    public static MarkdownPipeline Build() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseDefinitionLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UseFigures()
        .Build();
}
