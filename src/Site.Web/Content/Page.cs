namespace Site.Web.Content;

/// <summary>A plain page in <c>input/pages/</c> (about, privacy, medical disclaimer...).</summary>
public sealed record Page(string Slug, Engine.Diagnostics.SourceLocation FrontMatter, string Title, string Description, DateOnly? Updated)
    : ContentItem(ContentKind.Page, Slug, FrontMatter, Title, Description)
{
    public static Page? Read(YamlFields f, ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(file);
        var title = f.Text("title", required: true);
        var description = f.Text("description", required: true);
        var updated = f.Date("updated");
        var draft = f.Flag("draft", fallback: false);
        f.ReportUnknownKeys();
        ContentChecks.Description(f, description);
        return title is null || description is null ? null : new Page(file.Slug, file.FrontMatter, title, description, updated) { Draft = draft };
    }
}
