using System.Text.Json.Nodes;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Modules.Api;

/// <summary>
/// The OpenAPI 3.1 description of the content API (<c>/api/v1/openapi.json</c>), generated from the content
/// model: a path per kind's list, page, item and referring lists, the topics and the change list, each
/// answering with the same schemas as <c>/api/v1/schema/</c>, carried here as components.
/// </summary>
public static class ApiDescription
{
    public static string Text(ContentModel model, SiteSettings settings, IEnumerable<(KindDefinition Of, KindDefinition Referring)> referring, bool topics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(referring);
        var schemas = new JsonObject
        {
            ["summary"] = Component(ApiSchemas.Summary()),
            ["list"] = Component(ApiSchemas.List(settings)),
            ["index"] = Component(ApiSchemas.Index(settings)),
            ["changes"] = Component(ApiSchemas.Changes(settings)),
        };
        var paths = new JsonObject
        {
            ["/index.json"] = Get("The site, every collection with its count, and every topic.", "index"),
            ["/changes.json"] = Get("Every item with a hash of its answer and its last change, to fetch only what changed since the last visit.", "changes"),
        };
        foreach (var kind in model.Kinds)
        {
            schemas[kind.Name] = Component(ApiSchemas.Item(kind, settings));
            var plural = kind.Plural.ToLowerInvariant();
            paths[$"/{kind.Name}/index.json"] = Get($"The first page of {plural}, {(kind.DateField is null ? "by title" : "newest first")}.", "list");
            paths[$"/{kind.Name}/page/{{page}}.json"] = Get($"A later page of {plural}; follow 'next' from the first.", "list", ("page", "integer", "Page number, from 2."));
            paths[$"/{kind.Name}/{{id}}.json"] = Get($"One {kind.Label.ToLowerInvariant()} with every field, its body as HTML and Markdown, and what it refers to.", kind.Name, ("id", "string", "The item's id (its file name without .md)."));
        }

        foreach (var (of, by) in referring.Distinct())
        {
            paths[$"/{of.Name}/{{id}}/{by.Name}.json"] = Get($"Every {by.Label.ToLowerInvariant()} that refers to this {of.Label.ToLowerInvariant()}.", "list", ("id", "string", $"The {of.Label.ToLowerInvariant()}'s id."));
        }

        if (topics)
        {
            paths["/tags/{topic}.json"] = Get("Every item on one topic; index.json lists the topics.", "list", ("topic", "string", "The topic's address name, as in index.json."));
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = $"{settings.Name} content API",
                ["version"] = "1",
                ["description"] = "The site's content as static JSON, published with every build. Read-only; every address in an answer is absolute.",
            },
            ["jsonSchemaDialect"] = ModelDescription.SchemaDialect,
            ["servers"] = new JsonArray(new JsonObject { ["url"] = settings.Absolute("/" + GenerateApi.Root.TrimEnd('/')) }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        }.ToJsonString(ModelDescription.Indented) + "\n";
    }

    private static JsonObject Get(string summary, string schema, params (string Name, string Type, string Description)[] parameters)
    {
        var operation = new JsonObject
        {
            ["summary"] = summary,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "The answer.",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" } } },
                },
                ["404"] = new JsonObject { ["description"] = "No such item, page or topic." },
            },
        };
        if (parameters.Length > 0)
        {
            operation["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["in"] = "path",
                ["required"] = true,
                ["description"] = p.Description,
                ["schema"] = new JsonObject { ["type"] = p.Type },
            })]);
        }

        return new JsonObject { ["get"] = operation };
    }

    /// <summary>A published schema as an OpenAPI component: no $schema, $id or $defs, references into components.</summary>
    private static JsonNode Component(JsonNode schema)
    {
        var copy = schema.DeepClone();
        if (copy is JsonObject root)
        {
            root.Remove("$schema");
            root.Remove("$id");
            root.Remove("$defs");
        }

        Rewrite(copy);
        return copy;

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue reference && reference.GetValue<string>() == "#/$defs/summary")
                    {
                        o["$ref"] = "#/components/schemas/summary";
                    }

                    foreach (var (_, child) in o.ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }
}
