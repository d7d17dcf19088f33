using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;

namespace Site.Web.Modules.Feeds;

/// <summary>Writes <c>robots.txt</c>: open to crawlers with the sitemap's address, or closed for previews.</summary>
public sealed class GenerateRobots(SiteSettings settings, bool disallowAll) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        var content = disallowAll
            ? "# A preview build: keep it out of search results.\nUser-agent: *\nDisallow: /\n"
            : $"User-agent: *\nAllow: /\n\nSitemap: {settings.Absolute("/sitemap.xml")}\n";
        return ValueTask.FromResult(documents.Add(new Document(null, "robots.txt", content)));
    }
}
