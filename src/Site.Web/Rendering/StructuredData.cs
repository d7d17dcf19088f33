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

    public static string PersonId(SiteSettings settings, Author author) => settings.Absolute(author.Url + "#person");

    public string ConditionId(Condition condition) => settings.Absolute(condition.Url + "#condition");

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
                "list" or "tag" => "CollectionPage",
                "search" => "SearchResultsPage",
                _ => "WebPage",
            },
            ["@id"] = pageId,
            ["url"] = pageUrl,
            ["name"] = page.Title,
            ["description"] = page.Description,
            ["inLanguage"] = settings.Language,
            ["isPartOf"] = Ref(WebsiteId),
            ["breadcrumb"] = Ref(breadcrumbId),
        };
        graph.Add(webPage);
        graph.Add(Breadcrumbs(page, breadcrumbId));

        switch (page.Item)
        {
            case Article article:
                AddArticle(graph, webPage, article, pageId);
                break;
            case Condition condition:
                AddCondition(graph, webPage, condition);
                break;
            case Author author:
                graph.Add(Person(author));
                webPage["mainEntity"] = Ref(PersonId(settings, author));
                break;
            case { } item when item.GetType() == typeof(ContentItem):
                AddItem(graph, webPage, item);
                break;
        }

        var nodes = string.Join(",", graph.Select(n => n.ToJsonString(Options)));
        return "{\"@context\":\"https://schema.org\",\"@graph\":[" + _sharedNodes + "," + nodes + "]}";
    }

    private void AddArticle(List<JsonNode> graph, JsonObject webPage, Article article, string pageId)
    {
        var author = index.AuthorsById[article.Author.Value].Item;
        graph.Add(Person(author));
        var posting = new JsonObject
        {
            ["@type"] = "BlogPosting",
            ["@id"] = settings.Absolute(article.Url + "#article"),
            ["headline"] = article.Title,
            ["description"] = article.Description,
            ["datePublished"] = Stamp(article.Date),
            ["dateModified"] = Stamp(article.Updated ?? article.Date),
            ["author"] = Ref(PersonId(settings, author)),
            ["publisher"] = Ref(ClinicId),
            ["mainEntityOfPage"] = Ref(pageId),
            ["inLanguage"] = settings.Language,
        };
        if (article.Image is not null)
        {
            posting["image"] = settings.Absolute(article.Image);
        }

        if (article.Tags.Length > 0)
        {
            posting["keywords"] = string.Join(", ", article.Tags);
        }

        graph.Add(posting);
        AddReview(graph, webPage, article.ReviewedBy, article.LastReviewed);

        var conditions = article.Conditions.Where(c => index.ConditionsById.ContainsKey(c.Value)).Select(c => index.ConditionsById[c.Value].Item).ToList();
        if (conditions.Count > 0)
        {
            webPage["about"] = new JsonArray([.. conditions.Select(c => (JsonNode)Ref(ConditionId(c)))]);
            foreach (var condition in conditions)
            {
                // The article shows the condition's name and links to its page; that much is stated here.
                graph.Add(new JsonObject { ["@type"] = "MedicalCondition", ["@id"] = ConditionId(condition), ["name"] = condition.Title, ["url"] = settings.Absolute(condition.Url) });
            }
        }
    }

    /// <summary>The id of the node an item's page is about: its address and the kind's <c>schema_id</c>.</summary>
    private string NodeId(ContentItem item) => settings.Absolute(item.Url + "#" + item.Kind.SchemaId);

    /// <summary>
    /// An item of a kind without code of its own, stated from the model: its schema.org type, name, description
    /// and address, and every field that names a schema.org property (<c>schema:</c>). A property written
    /// <c>page.about</c> goes on the web page instead; <c>provider</c> always starts with the clinic.
    /// </summary>
    private void AddItem(List<JsonNode> graph, JsonObject webPage, ContentItem item)
    {
        var node = new JsonObject
        {
            ["@type"] = item.Kind.SchemaType,
            ["@id"] = NodeId(item),
            ["name"] = item.Title,
            ["description"] = item.Description,
            ["url"] = settings.Absolute(item.Url),
        };
        foreach (var field in item.Kind.Fields.Where(f => f.Schema is not null))
        {
            var onPage = field.Schema!.StartsWith("page.", StringComparison.Ordinal);
            var target = onPage ? webPage : node;
            var property = onPage ? field.Schema["page.".Length..] : field.Schema;
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
                        graph.Add(other is Author person ? Person(person) : new JsonObject { ["@type"] = other.Kind.SchemaType, ["@id"] = NodeId(other), ["name"] = other.Title, ["url"] = settings.Absolute(other.Url) });
                    }
                }
            }
            else
            {
                if (field.IsList)
                {
                    foreach (var text in item.TextsOf(field.Name))
                    {
                        values.Add((JsonNode?)JsonValue.Create(text));
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
            }

            if (values.Count > 0)
            {
                target[property] = values.Count == 1 && !field.IsList ? values[0]!.DeepClone() : values;
            }
        }

        graph.Add(node);
        webPage["mainEntity"] = Ref(NodeId(item));
    }

    private void AddCondition(List<JsonNode> graph, JsonObject webPage, Condition condition)
    {
        var node = new JsonObject
        {
            ["@type"] = "MedicalCondition",
            ["@id"] = ConditionId(condition),
            ["name"] = condition.Title,
            ["url"] = settings.Absolute(condition.Url),
            ["description"] = condition.Description,
        };
        if (condition.AlsoKnownAs.Length > 0)
        {
            node["alternateName"] = new JsonArray([.. condition.AlsoKnownAs.Select(a => (JsonNode)JsonValue.Create(a)!)]);
        }

        AddNamed(node, "signOrSymptom", "MedicalSignOrSymptom", condition.Symptoms);
        AddNamed(node, "riskFactor", "MedicalRiskFactor", condition.RiskFactors);
        AddNamed(node, "possibleTreatment", "MedicalTherapy", condition.Treatments);
        graph.Add(node);
        webPage["about"] = Ref(ConditionId(condition));
        webPage["mainEntity"] = Ref(ConditionId(condition));
        AddReview(graph, webPage, condition.ReviewedBy, condition.LastReviewed);
    }

    private void AddReview(List<JsonNode> graph, JsonObject webPage, Located<string>? reviewer, DateOnly? date)
    {
        if (date is { } reviewed)
        {
            webPage["lastReviewed"] = Views.DateIso(reviewed);
        }

        if (reviewer is not null && index.AuthorsById.TryGetValue(reviewer.Value, out var person))
        {
            if (!graph.Any(n => n?["@id"]?.GetValue<string>() == PersonId(settings, person.Item)))
            {
                graph.Add(Person(person.Item));
            }

            webPage["reviewedBy"] = Ref(PersonId(settings, person.Item));
        }
    }

    private static void AddNamed(JsonObject node, string property, string type, IReadOnlyCollection<string> names)
    {
        if (names.Count > 0)
        {
            node[property] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["@type"] = type, ["name"] = n })]);
        }
    }

    private JsonObject Person(Author author) => new()
    {
        ["@type"] = "Person",
        ["@id"] = PersonId(settings, author),
        ["name"] = PlainName(author.Name),
        ["jobTitle"] = author.Role,
        ["url"] = settings.Absolute(author.Url),
        ["worksFor"] = Ref(ClinicId),
    };

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
