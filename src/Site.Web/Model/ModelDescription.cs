using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Site.Web.Model;

/// <summary>The content model written out: for a person (<c>site model</c>) and as one JSON Schema per kind.</summary>
public static class ModelDescription
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>How every generated schema and description is written: indented, text left readable.</summary>
    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every kind and field, with type, whether it is required and its help, for reading in a terminal.</summary>
    public static string ForPeople(ContentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        foreach (var kind in model.Kinds)
        {
            var listed = Enum.GetValues<Listings>().Where(l => l != Listings.None && kind.Has(l)).Select(l => l.ToString().ToLowerInvariant()).ToList();
            var parts = new[] { kind.Disclaimer ? "disclaimer" : null, kind.BookNow ? "book-now" : null }.OfType<string>().ToList();
            text.Append(CultureInfo.InvariantCulture, $"{kind.Name} ({kind.Plural}): input/{kind.Folder}/*.md -> {kind.UrlPattern}, layout {kind.Layout}, schema.org {kind.SchemaType}\n");
            if (kind.Help.Length > 0)
            {
                text.Append("  ").Append(kind.Help).Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"  shows: {(parts.Count == 0 ? "-" : string.Join(", ", parts))}; appears in: {(listed.Count == 0 ? "-" : string.Join(", ", listed))}\n");
            var width = kind.Fields.Select(f => f.Name.Length).Append("suppress".Length).Max();
            foreach (var field in kind.Fields)
            {
                text.Append("  ").Append(field.Name.PadRight(width)).Append("  ").Append(field.Required ? "required" : "optional").Append("  ").Append(field.Describe());
                if (field.Help.Length > 0)
                {
                    text.Append(". ").Append(field.Help.TrimEnd('.')).Append('.');
                }

                text.Append('\n');
            }

            text.Append("  ").Append("draft".PadRight(width)).Append("  optional  true or false. true keeps the item off the site until it is removed.\n");
            text.Append("  ").Append("suppress".PadRight(width)).Append("  optional  list of {id, reason}. Diagnostic ids not to report for this file, each with why.\n\n");
        }

        return text.ToString();
    }

    /// <summary>The JSON Schema (draft 2020-12) of one kind's front matter.</summary>
    public static JsonObject Schema(KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var properties = new JsonObject();
        foreach (var field in kind.Fields)
        {
            properties[field.Name] = Property(field);
        }

        properties["draft"] = new JsonObject { ["type"] = "boolean", ["description"] = "true keeps the item off the site until it is removed." };
        properties["suppress"] = new JsonObject
        {
            ["type"] = "array",
            ["description"] = "Diagnostic ids not to report for this file, each with the reason.",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^SITE[0-9]{4}$" },
                    ["reason"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                },
                ["required"] = new JsonArray("id", "reason"),
                ["additionalProperties"] = false,
            },
        };
        var schema = new JsonObject
        {
            ["$schema"] = SchemaDialect,
            ["$id"] = $"{kind.Name}.schema.json",
            ["title"] = kind.Label,
            ["description"] = kind.Help,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. kind.Fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Name)!)]),
            ["additionalProperties"] = false,
        };
        foreach (var field in kind.Fields.Where(f => f.Alt is not null))
        {
            // An image needs its description: JSON Schema says it as a dependency between the two fields.
            schema["dependentRequired"] ??= new JsonObject();
            schema["dependentRequired"]![field.Name] = new JsonArray(field.Alt);
        }

        return schema;
    }

    public static string SchemaText(KindDefinition kind) => Schema(kind).ToJsonString(Indented) + "\n";

    internal static JsonObject Property(FieldDefinition field)
    {
        var node = Value(field);
        if (field.IsList)
        {
            node = new JsonObject { ["type"] = "array", ["items"] = node };
            if (field.Required)
            {
                node["minItems"] = 1;
            }
        }

        node["description"] = field.Help;
        if (field.Example is { } example)
        {
            node["examples"] = new JsonArray(ExampleValue(field, example));
        }

        if (field.To is not null)
        {
            node["x-reference"] = field.To;
        }

        return node;
    }

    private static JsonObject Value(FieldDefinition field)
    {
        var node = field.Type switch
        {
            FieldType.Boolean => new JsonObject { ["type"] = "boolean" },
            FieldType.Number => new JsonObject { ["type"] = "integer", ["minimum"] = field.Min ?? 0 },
            FieldType.Date => new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = @"^\d{4}-\d{2}-\d{2}$" },
            FieldType.Url => new JsonObject { ["type"] = "string", ["format"] = "uri", ["pattern"] = "^https?://" },
            FieldType.Path or FieldType.Image => new JsonObject { ["type"] = "string", ["pattern"] = @"^/(?!/)[^\s""'<>`\\]*$" },
            FieldType.Reference or FieldType.References => new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$" },
            FieldType.Choice => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode)JsonValue.Create(v)!)]) },
            _ => new JsonObject { ["type"] = "string", ["minLength"] = Math.Max(1, field.MinLength ?? 1) },
        };
        if (field.Type == FieldType.Number && field.Max is { } max)
        {
            node["maximum"] = max;
        }

        if (field.PatternText is { } pattern)
        {
            node["pattern"] = "^(?:" + pattern + ")$";
        }

        if (field.MaxLength is { } maxLength)
        {
            node["maxLength"] = maxLength;
        }

        return node;
    }

    private static JsonNode? ExampleValue(FieldDefinition field, string example)
    {
        if (field.IsList)
        {
            var items = example.StartsWith('[') ? example.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [example];
            return new JsonArray([.. items.Select(i => (JsonNode)JsonValue.Create(i)!)]);
        }

        return field.Type switch
        {
            FieldType.Number when int.TryParse(example, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            FieldType.Boolean when bool.TryParse(example, out var b) => JsonValue.Create(b),
            _ => JsonValue.Create(example),
        };
    }
}
