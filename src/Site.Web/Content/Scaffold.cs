using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Site.Engine.Diagnostics;
using Site.Web.Model;

namespace Site.Web.Content;

/// <summary>What to scaffold: a kind of the content model, a title, and values for reference fields by name.</summary>
/// <param name="Values">Ids for reference fields, keyed by the field's name or the referenced kind's name (<c>--author melissa</c>, <c>--condition ...</c>).</param>
public sealed record ScaffoldRequest(string Kind, string Title, ImmutableDictionary<string, string>? Values = null, string? Id = null);

/// <summary>
/// Writes a new content file of any kind from its model: the title, today's date in the clinic's time zone
/// where the kind has a publication date, the starting values each field's <c>scaffold</c> gives, and
/// <c>draft: true</c> so a half-written file never goes live. Refuses an existing id, an unknown kind, and a
/// reference to an item that does not exist, suggesting the closest.
/// </summary>
public static class Scaffold
{
    /// <summary>Creates the file and returns its path, or returns the reason it refused.</summary>
    public static (string? Path, string? Error) Create(SitePaths paths, ScaffoldRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var settings = SiteBuilder.LoadSettings(paths, new BuildOptions(), diagnostics);
        var model = ContentModel.Load(paths, diagnostics);
        if (settings is null || model is null)
        {
            return (null, "input/site.yml or input/model/ has problems; run 'site check' first.\n" + string.Join("\n", diagnostics.Sorted()));
        }

        if (model.Kind(request.Kind) is not { } kind)
        {
            return (null, $"There is no kind of content called '{request.Kind}'. {Suggest.DidYouMean(request.Kind, model.Names) ?? ""} Kinds: {string.Join(", ", model.Names)}.".Replace("  ", " ", StringComparison.Ordinal));
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, settings.TimeZone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = request.Title.Trim();
        var slug = request.Id ?? kind.ScaffoldId switch
        {
            ScaffoldId.FirstWord => ContentUrls.Slugify(PersonName.Given(title)),
            ScaffoldId.Name => PersonName.Id(title),
            _ => ContentUrls.Slugify(title),
        };
        if (!ContentUrls.IsSlug(slug))
        {
            return (null, $"'{title}' does not give a usable file name; use a title with letters or digits.");
        }

        var folder = paths.FolderOf(kind);
        var file = Path.Combine(folder, slug + ".md");
        if (File.Exists(file))
        {
            return (null, $"{paths.Display(file)} already exists. Choose a different title, or edit that file.");
        }

        var values = request.Values ?? ImmutableDictionary<string, string>.Empty;
        var unused = values.Keys.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder("---\n");
        foreach (var field in kind.Fields)
        {
            // --author fills the field called author; a kind's name (--condition) fills the one field that refers to it.
            var given = values.GetValueOrDefault(field.Name)
                ?? (field.To is { } to && kind.Field(to) is null && kind.Fields.Count(f => f.To == to) == 1 ? values.GetValueOrDefault(to) : null);
            unused.Remove(field.Name);
            if (field.To is not null)
            {
                unused.Remove(field.To);
            }

            if (field.IsReference)
            {
                var ids = Ids(paths.FolderOf(model.Kind(field.To!)!));
                given ??= field.Required && ids.Count == 1 ? ids[0] : null;
                if (given is null && field.Required)
                {
                    return (null, $"Name the {field.To} with --{field.To} ({string.Join(", ", ids)}).");
                }

                if (given is not null && !ids.Contains(given))
                {
                    return (null, $"There is no {field.To} '{given}'. {Suggest.DidYouMean(given, ids) ?? $"Known: {string.Join(", ", ids)}."}");
                }
            }

            var line = Line(kind, field, given, title, today);
            if (line is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (unused.Count > 0)
        {
            return (null, $"A {kind.Name} has no reference field '{unused.Order(StringComparer.Ordinal).First()}'.");
        }

        text.Append("draft: true\n---\n\n").Append(kind.ScaffoldBody).Append('\n');
        try
        {
            Directory.CreateDirectory(folder);
            // In the editor's layout from the start, so the first save from the editor rewrites nothing.
            var written = text.ToString();
            File.WriteAllText(file, FrontMatterLayout.Canonical(written, Admin.EditorConfig.FieldOrder(kind), out _) ?? written, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A very long title, a read-only folder, a full disk: say so instead of failing with a stack trace.
            return (null, $"{paths.Display(file)} could not be written: {ex.Message} Try a shorter title, or --id with a short file name.");
        }

        return (file, null);
    }

    /// <summary>One front-matter line (or block) for a field, or null to leave the field out.</summary>
    private static string? Line(KindDefinition kind, FieldDefinition field, string? given, string title, string today)
    {
        var name = field.Name;
        if (name == kind.TitleField)
        {
            return $"{name}: {Quote(title)}";
        }

        if (given is not null)
        {
            return field.Type == FieldType.References ? $"{name}: [{given}]" : $"{name}: {given}";
        }

        if (field.Type == FieldType.Date && (name == kind.DateField || field.Scaffold is ["today"]))
        {
            return $"{name}: {today}";
        }

        if (field.Scaffold is not { } start)
        {
            return null;
        }

        if (!field.ScaffoldIsList)
        {
            var value = start[0].Replace("{title}", title, StringComparison.Ordinal);
            return field.Type is FieldType.Number or FieldType.Boolean ? $"{name}: {value}" : $"{name}: {Quote(name == kind.DescriptionField ? Fit(value) : value)}";
        }

        return start.IsEmpty ? $"{name}: []" : $"{name}:\n" + string.Join("\n", start.Select(s => "  - " + s));
    }

    private static List<string> Ids(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A first description of at most 160 characters, for the writer to improve.</summary>
    private static string Fit(string text) => text.Length <= 160 ? text : text[..157].TrimEnd() + "...";
}
