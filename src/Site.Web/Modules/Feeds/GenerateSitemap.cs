using System.Collections.Immutable;
using System.Text;
using System.Xml;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Rendering;

namespace Site.Web.Modules.Feeds;

/// <summary>
/// Writes <c>sitemap.xml</c> (sitemaps.org 0.9) listing every indexable page, with <c>lastmod</c> taken from
/// the content's own dates so an unchanged page keeps its date from one build to the next.
/// </summary>
public sealed class GenerateSitemap(SiteSettings settings) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pages = context.DependencyDocuments()
            .Select(d => d.Model).OfType<SitePage>()
            .Where(p => p.Indexable && (p.Item is null || p.Item.Kind.Has(Model.Listings.Sitemap)))
            .OrderBy(p => p.Url, StringComparer.Ordinal);

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", settings.Absolute(page.Url));
                if (page.LastModified is { } date)
                {
                    xml.WriteElementString("lastmod", Views.DateIso(date));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the file is written as UTF-8.
        var content = text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
        return ValueTask.FromResult(documents.Add(new Document(null, "sitemap.xml", content)));
    }
}
