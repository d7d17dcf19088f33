using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Web.Content;

namespace Site.Web.Rendering;

/// <summary>
/// Builds the one JSON-LD <c>@graph</c> of each page in code: the clinic, the website, the page, its
/// breadcrumbs, and what the page is about (an article, a condition, a person). Every node has a stable
/// <c>@id</c> and every reference points at a node of the same graph. Only facts shown on the page are
/// stated, and never ratings or reviews (testimonials are not allowed in Australian health advertising).
/// </summary>
public sealed class StructuredData
{
    private readonly SiteSettings settings;
    private readonly SiteIndex index;

    // The clinic and website nodes are the same on every page: serialise them once per build.
    private readonly string _sharedNodes;

    public StructuredData(SiteSettings settings, SiteIndex index)
    {
        this.settings = settings;
        this.index = index;
        _sharedNodes = Clinic().ToJsonString(Options) + "," + Website().ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Default, // escapes <, > and & so the JSON cannot close its script element
    };

    public string ClinicId => settings.Absolute("/#clinic");

    public string WebsiteId => settings.Absolute("/#website");

    /// <summary>The serialised graph for one page.</summary>
    public string For(SitePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var pageUrl = settings.Absolute(page.Url);
        var pageId = pageUrl + "#webpage";
        var breadcrumbId = pageUrl + "#breadcrumb";
        var graph = new List<JsonNode>();

        var webPage = new JsonObject
        {
            ["@type"] = page.Item?.Kind.PageSchemaType ?? page.Kind switch
            {
                "list" or "tag" or "topics" => "CollectionPage",
                "search" => "SearchResultsPage",
                _ => "WebPage",
            },
            ["@id"] = pageId,
            ["url"] = pageUrl,
            ["name"] = page.Title,
            ["description"] = page.Description,
            ["inLanguage"] = settings.Language,
            ["isPartOf"] = Ref(WebsiteId),
        };
        graph.Add(webPage);

        // A trail of one (the home page, the 404 page) is no trail: search engines want at least two items.
        if (page.Breadcrumbs.Length >= 2)
        {
            webPage["breadcrumb"] = Ref(breadcrumbId);
            graph.Add(Breadcrumbs(page, breadcrumbId));
        }
        if (page.Item is { } item)
        {
            AddItem(graph, webPage, item, pageId);
        }

        var nodes = string.Join(",", graph.Select(n => n.ToJsonString(Options)));
        return "{\"@context\":\"https://schema.org\",\"@graph\":[" + _sharedNodes + "," + nodes + "]}";
    }

    /// <summary>The id of the node an item's page is about: its address and the kind's <c>schema_id</c>.</summary>
    private string NodeId(ContentItem item) => settings.Absolute(item.Url + "#" + item.Kind.SchemaId);

    /// <summary>
    /// What an item's page is about, by the schema.org type its kind declares: a blog posting by its author, a
    /// person, or any other thing with its name, address, description and the fields that name a schema.org
    /// property (<c>schema:</c>). Fields stating a property of the web page (<c>page.lastReviewed</c>,
    /// <c>page.reviewedBy</c>, <c>page.about</c>) come last, in the order the kind declares them.
    /// </summary>
    private void AddItem(List<JsonNode> graph, JsonObject webPage, ContentItem item, string pageId)
    {
        switch (item.Kind.SchemaType)
        {
            case "BlogPosting":
                AddPosting(graph, item, pageId);
                break;
            case "Person":
                graph.Add(Person(item));
                webPage["mainEntity"] = Ref(NodeId(item));
                break;
            case "WebPage" or "Thing":
                // A plain page is about itself: the web page node already says everything.
                break;
            default:
                var node = new JsonObject
                {
                    ["@type"] = item.Kind.SchemaType,
                    ["@id"] = NodeId(item),
                    ["name"] = item.Title,
                    ["url"] = settings.Absolute(item.Url),
                    ["description"] = item.Description,
                };
                AddFields(graph, node, item, onPage: false);
                graph.Add(node);
                if (!item.Kind.Fields.Any(f => f.Schema == "page.about" && HasValue(item, f)))
                {
                    webPage["about"] = Ref(NodeId(item));
                }

                webPage["mainEntity"] = Ref(NodeId(item));
                break;
        }

        AddFields(graph, webPage, item, onPage: true);
    }

    /// <summary>A blog posting: headline, dates at the clinic's midnight, its author, the clinic as publisher.</summary>
    private void AddPosting(List<JsonNode> graph, ContentItem item, string pageId)
    {
        var author = index.Graph.AuthorOf(item);
        if (author is not null)
        {
            graph.Add(Person(author));
        }

        var published = item.PublishedOn;
        var modified = item.UpdatedOn;
        var posting = new JsonObject
        {
            ["@type"] = item.Kind.SchemaType,
            ["@id"] = NodeId(item),
            ["headline"] = item.Title,
            ["description"] = item.Description,
        };
        if (published is { } p)
        {
            posting["datePublished"] = Stamp(p);
            posting["dateModified"] = Stamp(modified!.Value);
        }

        if (author is not null)
        {
            posting["author"] = Ref(NodeId(author));
        }

        posting["publisher"] = Ref(ClinicId);
        posting["mainEntityOfPage"] = Ref(pageId);
        posting["inLanguage"] = settings.Language;
        // Search engines want an image for every article: its own, or the clinic's social image.
        if (((item.Kind.ShareImage is { } imageField ? item.TextOf(imageField) : null) ?? settings.SocialImage) is { } image)
        {
            posting["image"] = settings.Absolute(image);
        }

        var keywords = item.Kind.Fields.Where(f => f.Taxonomy).SelectMany(f => item.TextsOf(f.Name)).ToList();
        if (keywords.Count > 0)
        {
            posting["keywords"] = string.Join(", ", keywords);
        }

        AddFields(graph, posting, item, onPage: false);
        graph.Add(posting);
    }

    private static bool HasValue(ContentItem item, Model.FieldDefinition field) =>
        field.IsList ? !item.ItemsOf(field.Name).IsEmpty : item.Fields.ContainsKey(field.Name);

    /// <summary>
    /// The fields that name a schema.org property, on the item's node or (<c>page.</c>) on the web page.
    /// References point at the referenced item's node, which joins the graph; list items become named things
    /// of the field's <c>schema_item_type</c>; <c>provider</c> always starts with the clinic.
    /// </summary>
    private void AddFields(List<JsonNode> graph, JsonObject target, ContentItem item, bool onPage)
    {
        foreach (var field in item.Kind.Fields.Where(f => f.Schema is not null && f.Schema.StartsWith("page.", StringComparison.Ordinal) == onPage))
        {
            var property = onPage ? field.Schema!["page.".Length..] : field.Schema!;
            var values = new JsonArray();
            if (property == "provider")
            {
                values.Add((JsonNode)Ref(ClinicId));
            }

            if (field.IsReference)
            {
                foreach (var id in ContentGraph.Targets(item, field))
                {
                    if (index.Graph.Find(field.To!, id)?.Model is not ContentItem other)
                    {
                        continue;
                    }

                    values.Add((JsonNode)Ref(NodeId(other)));
                    if (!graph.Any(n => n?["@id"]?.GetValue<string>() == NodeId(other)))
                    {
                        graph.Add(other.Kind.SchemaType == "Person" ? Person(other) : new JsonObject { ["@type"] = other.Kind.SchemaType, ["@id"] = NodeId(other), ["name"] = other.Title, ["url"] = settings.Absolute(other.Url) });
                    }
                }
            }
            else if (field.IsList)
            {
                foreach (var text in item.TextsOf(field.Name))
                {
                    values.Add(field.SchemaItemType is { } type ? new JsonObject { ["@type"] = type, ["name"] = text } : (JsonNode?)JsonValue.Create(text));
                }
            }
            else if (item.Fields.TryGetValue(field.Name, out var value))
            {
                values.Add((JsonNode?)(value switch
                {
                    DateOnly date => JsonValue.Create(Views.DateIso(date)),
                    bool flag => JsonValue.Create(flag),
                    int number => JsonValue.Create(number),
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                }));
            }

            if (values.Count > 0)
            {
                target[property] = values.Count == 1 && !field.IsList ? values[0]!.DeepClone() : values;
            }
        }
    }

    /// <summary>A person: the name without courtesy titles, their job title (the field stated as jobTitle), the clinic.</summary>
    private JsonObject Person(ContentItem person)
    {
        var node = new JsonObject
        {
            ["@type"] = "Person",
            ["@id"] = NodeId(person),
            ["name"] = PlainName(person.Title),
        };
        if (person.Kind.Fields.FirstOrDefault(f => f.Schema == "jobTitle") is { } job && person.TextOf(job.Name) is { } title)
        {
            node["jobTitle"] = title;
        }

        node["url"] = settings.Absolute(person.Url);
        node["worksFor"] = Ref(ClinicId);
        return node;
    }

    private JsonObject Clinic()
    {
        var clinic = settings.Clinic;
        var node = new JsonObject
        {
            ["@type"] = new JsonArray("Physiotherapy", "MedicalClinic"),
            ["@id"] = ClinicId,
            ["name"] = settings.Name,
            ["url"] = settings.Absolute("/"),
            ["telephone"] = clinic.Phone,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = clinic.Street,
                ["addressLocality"] = clinic.Suburb,
                ["addressRegion"] = clinic.State,
                ["postalCode"] = clinic.Postcode,
                ["addressCountry"] = "AU",
            },
            ["openingHoursSpecification"] = new JsonArray([.. clinic.Hours.Select(h => (JsonNode)new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = new JsonArray([.. h.Days.Select(d => (JsonNode)JsonValue.Create(d.ToString())!)]),
                ["opens"] = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["closes"] = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
            })]),
            ["potentialAction"] = new JsonObject
            {
                ["@type"] = "ReserveAction",
                ["name"] = settings.Booking.Label,
                ["target"] = new JsonObject { ["@type"] = "EntryPoint", ["urlTemplate"] = settings.Booking.Url },
            },
        };
        if (clinic.Email is not null)
        {
            node["email"] = clinic.Email;
        }

        return node;
    }

    private JsonObject Website() => new()
    {
        ["@type"] = "WebSite",
        ["@id"] = WebsiteId,
        ["url"] = settings.Absolute("/"),
        ["name"] = settings.Name,
        ["inLanguage"] = settings.Language,
        ["publisher"] = Ref(ClinicId),
    };

    private JsonObject Breadcrumbs(SitePage page, string id) => new()
    {
        ["@type"] = "BreadcrumbList",
        ["@id"] = id,
        ["itemListElement"] = new JsonArray([.. page.Breadcrumbs.Select((crumb, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Name,
            ["item"] = settings.Absolute(crumb.Url),
        })]),
    };

    private string Stamp(DateOnly date) =>
        Modules.Feeds.GenerateFeeds.AtClinicMidnight(date, settings.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject Ref(string id) => new() { ["@id"] = id };

    /// <summary>A person's name without courtesy titles or post-nominals, as schema.org's name expects.</summary>
    public static string PlainName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && words[0].TrimEnd('.') is "Dr" or "Mr" or "Mrs" or "Ms" or "Miss" or "Prof")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }
}
