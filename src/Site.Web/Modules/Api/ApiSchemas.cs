using System.Text.Json.Nodes;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Modules.Api;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the content API's answers, generated from the content model: one per
/// kind for its items, and one each for lists, the index and the change list. Published under
/// <c>/api/v1/schema/</c> and referenced by each answer's <c>$schema</c>.
/// </summary>
public static class ApiSchemas
{
    private static JsonObject AbsoluteUrl() => new() { ["type"] = "string", ["format"] = "uri", ["pattern"] = "^https?://" };

    private static JsonObject Date() => new() { ["type"] = "string", ["format"] = "date", ["pattern"] = @"^\d{4}-\d{2}-\d{2}$" };

    private static JsonObject Text() => new() { ["type"] = "string" };

    private static JsonArray Names(params string[] names) => new([.. names.Select(n => (JsonNode)JsonValue.Create(n)!)]);

    private static string Id(SiteSettings settings, string name) => settings.Absolute($"/{GenerateApi.Root}schema/{name}.json");

    /// <summary>A summary of an item of any kind: what lists and <c>included</c> carry.</summary>
    /// <summary>A summary of an item of any kind, as lists and <c>included</c> carry it.</summary>
    public static JsonObject Summary() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$" },
            ["kind"] = Text(),
            ["url"] = AbsoluteUrl(),
            ["api_url"] = AbsoluteUrl(),
            ["title"] = Text(),
            ["description"] = Text(),
            ["published"] = Date(),
            ["updated"] = Date(),
            ["references"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Each reference field of the item: the id it points to, or a list of ids.",
                ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "array"), ["items"] = Text() },
            },
        },
        ["required"] = Names("id", "kind", "url", "api_url", "title", "description", "references"),
        ["additionalProperties"] = false,
    };

    public static JsonObject Item(KindDefinition kind, SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(settings);
        var fields = new JsonObject();
        foreach (var field in kind.Fields)
        {
            var property = ModelDescription.Property(field);
            if (field.Type is FieldType.Path or FieldType.Image)
            {
                // Addresses on the site are absolute in the API.
                var url = AbsoluteUrl();
                url["description"] = field.Help;
                property = field.IsList ? new JsonObject { ["type"] = "array", ["items"] = url } : url;
            }

            fields[field.Name] = property;
        }

        var summary = Summary();
        var properties = summary["properties"]!.AsObject();
        summary.Remove("properties");
        properties.Remove("references");
        properties["$schema"] = AbsoluteUrl();
        properties["fields"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"Every field of a {kind.Label.ToLowerInvariant()} that is set, typed as the content model says: dates as YYYY-MM-DD, references as ids, addresses absolute.",
            ["properties"] = fields,
            ["required"] = new JsonArray([.. kind.Fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Name)!)]),
            ["additionalProperties"] = false,
        };
        properties["body_html"] = new JsonObject { ["type"] = "string", ["description"] = "The body rendered to HTML, with every link and image address absolute." };
        properties["body_markdown"] = new JsonObject { ["type"] = "string", ["description"] = "The body as written, in Markdown." };
        properties["included"] = new JsonObject
        {
            ["type"] = "array",
            ["description"] = "A summary of every item the reference fields point to, so one request is enough to show the item.",
            ["items"] = new JsonObject { ["$ref"] = "#/$defs/summary" },
        };
        return new JsonObject
        {
            ["$schema"] = ModelDescription.SchemaDialect,
            ["$id"] = Id(settings, kind.Name),
            ["title"] = $"{kind.Label} (content API v1)",
            ["description"] = kind.Help,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = Names("id", "kind", "url", "api_url", "title", "description", "fields", "body_html", "body_markdown", "included"),
            ["additionalProperties"] = false,
            ["$defs"] = new JsonObject { ["summary"] = Summary() },
        };
    }

    public static string ItemText(KindDefinition kind, SiteSettings settings) => Item(kind, settings).ToJsonString(ModelDescription.Indented) + "\n";

    public static string ListText(SiteSettings settings) => List(settings).ToJsonString(ModelDescription.Indented) + "\n";

    public static JsonObject List(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new JsonObject
        {
            ["$schema"] = ModelDescription.SchemaDialect,
            ["$id"] = Id(settings, "list"),
            ["title"] = "A page of one kind's items (content API v1)",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["$schema"] = AbsoluteUrl(),
                ["kind"] = Text(),
                ["about"] = AbsoluteUrl(),
                ["topic"] = Text(),
                ["total"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["page"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["pages"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["page_size"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["previous"] = AbsoluteUrl(),
                ["next"] = AbsoluteUrl(),
                ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/summary" } },
            },
            ["required"] = Names("kind", "total", "page", "pages", "page_size", "items"),
            ["additionalProperties"] = false,
            ["$defs"] = new JsonObject { ["summary"] = Summary() },
        };
    }

    public static string IndexText(SiteSettings settings) => Index(settings).ToJsonString(ModelDescription.Indented) + "\n";

    public static JsonObject Index(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new JsonObject
        {
            ["$schema"] = ModelDescription.SchemaDialect,
            ["$id"] = Id(settings, "index"),
            ["title"] = "The entry point of the content API v1",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["$schema"] = AbsoluteUrl(),
                ["version"] = new JsonObject { ["const"] = "1" },
                ["site"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["name"] = Text(), ["base_url"] = AbsoluteUrl(), ["language"] = Text(), ["time_zone"] = Text() },
                    ["required"] = Names("name", "base_url", "language", "time_zone"),
                    ["additionalProperties"] = false,
                },
                ["built_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["commit"] = Text(),
                ["changes"] = AbsoluteUrl(),
                ["collections"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["kind"] = Text(),
                            ["label"] = Text(),
                            ["plural"] = Text(),
                            ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                            ["items"] = AbsoluteUrl(),
                            ["schema"] = AbsoluteUrl(),
                        },
                        ["required"] = Names("kind", "label", "plural", "count", "items", "schema"),
                        ["additionalProperties"] = false,
                    },
                },
                ["topics"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["name"] = Text(), ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, ["items"] = AbsoluteUrl() },
                        ["required"] = Names("name", "count", "items"),
                        ["additionalProperties"] = false,
                    },
                },
            },
            ["required"] = Names("version", "site", "built_at", "changes", "collections", "topics"),
            ["additionalProperties"] = false,
        };
    }

    public static string ChangesText(SiteSettings settings) => Changes(settings).ToJsonString(ModelDescription.Indented) + "\n";

    public static JsonObject Changes(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new JsonObject
        {
            ["$schema"] = ModelDescription.SchemaDialect,
            ["$id"] = Id(settings, "changes"),
            ["title"] = "Every item with a hash of its API answer, to fetch only what changed (content API v1)",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["items"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["kind"] = Text(),
                            ["id"] = Text(),
                            ["hash"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9A-F]{32}$" },
                            ["updated"] = Date(),
                        },
                        ["required"] = Names("kind", "id", "hash"),
                        ["additionalProperties"] = false,
                    },
                },
            },
            ["required"] = Names("items"),
            ["additionalProperties"] = false,
        };
    }
}
