using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>An article in <c>input/articles/</c>.</summary>
public sealed record Article(
    string Slug,
    Engine.Diagnostics.SourceLocation FrontMatter,
    string Title,
    string Description,
    DateOnly Date,
    DateOnly? Updated,
    Located<string> Author,
    Located<string>? ReviewedBy,
    DateOnly? LastReviewed,
    ImmutableArray<Located<string>> Conditions,
    ImmutableArray<string> Tags,
    string? Image,
    string? ImageAlt,
    ImmutableArray<Located<string>> Aliases)
    : ContentItem(ContentKind.Article, Slug, FrontMatter, Title, Description)
{
    public static readonly ImmutableArray<string> Fields =
        ["title", "description", "date", "updated", "author", "reviewed_by", "last_reviewed", "conditions", "tags", "image", "image_alt", "draft", "aliases"];

    public static Article? Read(YamlFields f, ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(file);
        var title = f.Text("title", required: true);
        var description = f.Text("description", required: true);
        var date = f.Date("date", required: true);
        var updated = f.Date("updated");
        var author = f.Text("author", required: true);
        var reviewedBy = f.Text("reviewed_by");
        var lastReviewed = f.Date("last_reviewed");
        var conditions = f.List("conditions");
        var tags = f.List("tags");
        var (image, imageAlt) = ImageFields.Read(f, "image", "image_alt");
        var draft = f.Flag("draft", fallback: false);
        var aliases = f.List("aliases");
        foreach (var alias in aliases.Where(a => !a.Value.StartsWith('/') || a.Value.Any(char.IsWhiteSpace) || a.Value.Contains("://", StringComparison.Ordinal)))
        {
            f.Diagnostics.Error(Diagnostics.DiagnosticIds.WrongType, alias.Location, $"The old address '{alias.Value}' must be a path on this site starting with '/'.", "For example: aliases: [/blog/hamstring-pain/]");
        }

        f.ReportUnknownKeys();
        ContentChecks.Description(f, description);
        if (updated < date)
        {
            f.Diagnostics.Error(Diagnostics.DiagnosticIds.WrongType, f.LocationOf("updated"), $"'updated' ({updated:yyyy-MM-dd}) is before 'date' ({date:yyyy-MM-dd}).", "Check both dates.");
        }

        if (title is null || description is null || date is null || author is null)
        {
            return null;
        }

        return new Article(
            file.Slug, file.FrontMatter, title, description, date.Value, updated,
            new Located<string>(author, f.LocationOf("author")),
            reviewedBy is null ? null : new Located<string>(reviewedBy, f.LocationOf("reviewed_by")),
            lastReviewed, conditions, [.. tags.Select(t => t.Value)], image, imageAlt,
            [.. aliases.Where(a => a.Value.StartsWith('/'))])
        {
            Draft = draft,
        };
    }
}
