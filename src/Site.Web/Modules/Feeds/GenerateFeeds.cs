using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Rendering;

namespace Site.Web.Modules.Feeds;

/// <summary>Writes the latest articles as an Atom feed (<c>feed.xml</c>) and a JSON Feed 1.1 (<c>feed.json</c>).</summary>
public sealed class GenerateFeeds(SiteSettings settings, int count = 20) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Get(SiteKeys.Index);
        var latest = (index.Model?.Kinds ?? []).Where(k => k.Has(Model.Listings.Feeds))
            .SelectMany(k => index.Graph.ItemsOf(k.Name))
            .Select(SiteIndex.EntryOf<ContentItem>)
            .OrderByDescending(e => e.Item.PublishedOn).ThenBy(e => e.Item.Title, StringComparer.Ordinal)
            .Take(count).ToList();
        return ValueTask.FromResult(documents
            .Add(new Document(null, "feed.xml", Atom(index, latest)))
            .Add(new Document(null, "feed.json", Json(index, latest))));
    }

    /// <summary>A date at the start of the day in the clinic's time zone, with its UTC offset.</summary>
    public static DateTimeOffset AtClinicMidnight(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private string Stamp(DateOnly date) => AtClinicMidnight(date, settings.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string Atom(SiteIndex index, List<Entry<ContentItem>> latest)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, settings.Name);
            xml.WriteElementString("subtitle", ns, settings.Description);
            xml.WriteElementString("id", ns, settings.Absolute("/"));
            WriteLink(xml, settings.Absolute("/feed.xml"), "self");
            WriteLink(xml, settings.Absolute("/"), "alternate");
            var newest = latest.Select(a => a.Item.UpdatedOn!.Value).DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
            xml.WriteElementString("updated", ns, Stamp(newest));
            foreach (var entry in latest)
            {
                var a = entry.Item;
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, a.Title);
                xml.WriteElementString("id", ns, settings.Absolute(a.Url));
                WriteLink(xml, settings.Absolute(a.Url), "alternate");
                xml.WriteElementString("published", ns, Stamp(a.PublishedOn!.Value));
                xml.WriteElementString("updated", ns, Stamp(a.UpdatedOn!.Value));
                // Atom needs an author on every entry: the item's, or the clinic.
                var author = index.Graph.AuthorOf(a);
                xml.WriteStartElement("author", ns);
                xml.WriteElementString("name", ns, author?.Title ?? settings.Name);
                xml.WriteElementString("uri", ns, settings.Absolute(author?.Url ?? "/"));
                xml.WriteEndElement();

                xml.WriteElementString("summary", ns, a.Description);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";

        static void WriteLink(XmlWriter xml, string href, string rel)
        {
            xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", href);
            xml.WriteAttributeString("rel", rel);
            xml.WriteEndElement();
        }
    }

    private string Json(SiteIndex index, List<Entry<ContentItem>> latest)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", settings.Name);
            json.WriteString("home_page_url", settings.Absolute("/"));
            json.WriteString("feed_url", settings.Absolute("/feed.json"));
            json.WriteString("description", settings.Description);
            json.WriteString("language", settings.Language);
            json.WriteStartArray("items");
            foreach (var entry in latest)
            {
                var a = entry.Item;
                var author = index.Graph.AuthorOf(a);
                json.WriteStartObject();
                json.WriteString("id", settings.Absolute(a.Url));
                json.WriteString("url", settings.Absolute(a.Url));
                json.WriteString("title", a.Title);
                json.WriteString("summary", a.Description);
                json.WriteString("content_html", ContentUrls.AbsoluteLinks(entry.Body, settings.BaseUrl)); // feed readers cannot resolve /paths
                json.WriteString("date_published", Stamp(a.PublishedOn!.Value));
                json.WriteString("date_modified", Stamp(a.UpdatedOn!.Value));
                json.WriteStartArray("authors");
                if (author is not null)
                {
                    json.WriteStartObject();
                    json.WriteString("name", author.Title);
                    json.WriteString("url", settings.Absolute(author.Url));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("tags");
                foreach (var tag in a.Kind.Fields.Where(f => f.Taxonomy).SelectMany(f => a.TextsOf(f.Name)))
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
