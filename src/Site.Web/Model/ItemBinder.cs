using System.Collections.Immutable;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Model;

/// <summary>
/// Binds one file's front matter to its kind: reads every declared field with its type, reports wrong types,
/// missing required fields, broken rules (pattern, length, choices, date order) and unknown keys with a
/// did-you-mean, each at its true file position. References are checked later, once every item is known.
/// </summary>
public static class ItemBinder
{
    /// <summary>
    /// The bound item. When a required field is missing or unreadable it is <see cref="ContentItem.Incomplete"/>
    /// (named by its file until its title can be read): still checked, never published.
    /// </summary>
    public static ContentItem Bind(KindDefinition kind, YamlFields f, ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(file);
        // Plain dictionaries, filled here and never changed after: bound items are read by many threads.
        var values = new Dictionary<string, object>(kind.Fields.Length, StringComparer.Ordinal);
        var complete = true;
        foreach (var field in kind.Fields)
        {
            var value = Read(field, f);
            if (value is not null)
            {
                values[field.Name] = value;
            }
        }

        foreach (var field in kind.Fields)
        {
            if (!values.ContainsKey(field.Name) && field.Default is { } fallback)
            {
                values[field.Name] = Fill(fallback, values);
            }

            complete &= values.ContainsKey(field.Name) || !field.Required || field.IsList;
            CheckCompanions(field, f, values);
        }

        var draft = f.Flag("draft", fallback: false);
        var suppressions = Suppressions(f, file);
        f.ReportUnknownKeys();
        var title = values.GetValueOrDefault(kind.TitleField) as string;
        var description = values.GetValueOrDefault(kind.DescriptionField) as string;
        return new ContentItem(kind, file.Slug, file.FrontMatter, title ?? file.Slug, description ?? "") {
            Incomplete = !complete || title is null || description is null,
            Draft = draft,
            Fields = values,
            Suppressions = suppressions,
            Positions = Positions(kind, f),
        };
    }

    private static int[] Positions(KindDefinition kind, YamlFields f)
    {
        var positions = new int[kind.Fields.Length * 2];
        for (var i = 0; i < kind.Fields.Length; i++)
        {
            if (f.Has(kind.Fields[i].Name))
            {
                var at = f.LocationOf(kind.Fields[i].Name);
                positions[2 * i] = at.Line;
                positions[(2 * i) + 1] = at.Column;
            }
        }

        return positions;
    }

    /// <summary><c>suppress: [{id: SITE6002, reason: "..."}]</c>; the reason is checked when the policy is applied.</summary>
    private static ImmutableArray<Suppression> Suppressions(YamlFields f, ContentFile file)
    {
        var entries = f.MapList("suppress");
        if (entries.IsEmpty)
        {
            return [];
        }

        var known = DiagnosticIds.All.Select(d => d.Id).ToList();
        var result = ImmutableArray.CreateBuilder<Suppression>();
        foreach (var entry in entries)
        {
            var id = entry.Text("id", required: true);
            var reason = entry.Text("reason");
            entry.ReportUnknownKeys();
            if (id is not null && !known.Contains(id))
            {
                f.Diagnostics.Error(DiagnosticIds.WrongType, entry.LocationOf("id"), $"'{id}' is not a diagnostic id.", Suggest.DidYouMean(id, known) ?? "Run 'site explain' for the list.");
            }
            else if (id is not null && !DiagnosticIds.Adjustable.Contains(id))
            {
                f.Diagnostics.Error(DiagnosticIds.WrongType, entry.LocationOf("id"), $"{id} cannot be suppressed: it means this page would be built incomplete or wrong.", "Fix what it reports instead.");
            }
            else if (id is not null)
            {
                result.Add(new Suppression(id, reason, entry.LocationOf("id"), file.Source));
            }
        }

        return result.ToImmutable();
    }

    private static object? Read(FieldDefinition field, YamlFields f)
    {
        var name = field.Name;
        switch (field.Type)
        {
            case FieldType.Date:
                return f.Date(name, field.Required);
            case FieldType.Boolean:
                return f.Has(name) || field.Required ? f.Flag(name, fallback: false) : null;
            case FieldType.Number:
                var number = f.Number(name, field.Min ?? 0, field.Max ?? int.MaxValue);
                if (number is null && field.Required && !f.Has(name))
                {
                    f.Text(name, required: true);
                }

                return number;
            case FieldType.Url:
                return ContentUrls.ReadAbsolute(f, name, field.Required);
            case FieldType.List or FieldType.References:
                var items = f.List(name, field.Required);
                var valid = ImmutableArray.CreateBuilder<Located<string>>(items.Length);
                foreach (var item in items)
                {
                    if (field.RedirectFrom && (!ContentUrls.IsSitePath(item.Value) || item.Value.Contains('*', StringComparison.Ordinal) || item.Value.Contains(':', StringComparison.Ordinal) || item.Value.Contains("..", StringComparison.Ordinal)))
                    {
                        f.Diagnostics.Error(DiagnosticIds.WrongType, item.Location, $"The old address '{item.Value}' must be one path on this site starting with '/', without '*', ':' or '..'.", $"For example: {name}: [/blog/hamstring-pain/]");
                        continue;
                    }

                    if (field.Taxonomy && ContentUrls.Slugify(item.Value).Length == 0)
                    {
                        f.Diagnostics.Error(DiagnosticIds.WrongType, item.Location, item.Value.Any(char.IsLetterOrDigit)
                            ? $"The topic '{item.Value}' cannot become a web address: topic pages are at /tags/NAME/, written with the letters a to z and digits, and this topic has none of them."
                            : $"The topic '{item.Value}' has no letters or digits to make its page's address from.",
                            "Add a Latin spelling to the topic, for example 'pain (Боль)', whose page is /tags/pain/; or write it with plain letters, for example: running.");
                        continue;
                    }

                    if (CheckRules(field, f, item.Value, item.Location))
                    {
                        valid.Add(item);
                    }
                }

                // Values that broke a rule were reported and are left out, so nothing later trips over them.
                return items.IsEmpty && !f.Has(name) ? null : valid.ToImmutable();
            case FieldType.Reference:
                return f.Text(name, field.Required) is { } id ? new Located<string>(id, f.LocationOf(name)) : null;
            default:
                var text = f.Text(name, field.Required);
                if (text is null)
                {
                    return null;
                }

                var location = f.LocationOf(name);
                if (field.Type is FieldType.Path or FieldType.Image && !ContentUrls.IsSitePath(text))
                {
                    f.Diagnostics.Error(DiagnosticIds.WrongType, location, $"'{name}' must be an address on this site starting with '/', but it is '{text}'.", $"For example: {name}: {field.Example ?? "/assets/images/photo.jpg"}");
                    return null;
                }

                if (field.Type is FieldType.Choice && !field.Values.Contains(text, StringComparer.Ordinal))
                {
                    f.Diagnostics.Error(DiagnosticIds.WrongType, location, $"'{name}' must be one of {string.Join(", ", field.Values)}, but it is '{text}'.", Suggest.DidYouMean(text, field.Values) ?? $"For example: {name}: {field.Values[0]}");
                    return null;
                }

                return CheckRules(field, f, text, location) ? text : null;
        }
    }

    private static bool CheckRules(FieldDefinition field, YamlFields f, string value, Engine.Diagnostics.SourceLocation location)
    {
        string? problem = null;
        if (field.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            problem = $"'{field.Name}' does not have the expected form: '{value}'.";
        }
        else if (value.Length < (field.MinLength ?? 0))
        {
            problem = $"'{field.Name}' is {value.Length} characters long; it needs at least {field.MinLength}.";
        }
        else if (value.Length > (field.MaxLength ?? int.MaxValue))
        {
            problem = $"'{field.Name}' is {value.Length} characters long; it may have at most {field.MaxLength}.";
        }

        if (problem is null)
        {
            return true;
        }

        var message = field.Message?.Replace("{value}", value, StringComparison.Ordinal) ?? problem;
        f.Diagnostics.Error(DiagnosticIds.WrongType, location, message, field.Example is null ? null : $"For example: {field.Name}: {field.Example}");
        return false;
    }

    /// <summary>Rules between two fields of one item: an image needs its description; a date may not precede another.</summary>
    private static void CheckCompanions(FieldDefinition field, YamlFields f, Dictionary<string, object> values)
    {
        if (field.Alt is { } alt && values.ContainsKey(field.Name) && !values.ContainsKey(alt))
        {
            f.Diagnostics.Error(DiagnosticIds.MissingAltText, f.LocationOf(field.Name), $"'{field.Name}' has no '{alt}'.", $"Add a line '{alt}: ' describing what the image shows.");
        }

        if (field.NotBefore is { } other && values.GetValueOrDefault(field.Name) is DateOnly date && values.GetValueOrDefault(other) is DateOnly earliest && date < earliest)
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf(field.Name), $"'{field.Name}' ({date:yyyy-MM-dd}) is before '{other}' ({earliest:yyyy-MM-dd}).", "Check both dates.");
        }
    }

    /// <summary>Fills <c>{field}</c> placeholders of a default value with the item's own text fields.</summary>
    private static string Fill(string template, Dictionary<string, object> values)
    {
        var text = template;
        foreach (var (name, value) in values)
        {
            if (value is string s)
            {
                text = text.Replace("{" + name + "}", s, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
