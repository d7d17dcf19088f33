using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>A condition page in <c>input/conditions/</c>; the body is the overview.</summary>
public sealed record Condition(
    string Slug,
    Engine.Diagnostics.SourceLocation FrontMatter,
    string Title,
    string Description,
    ImmutableArray<string> AlsoKnownAs,
    ImmutableArray<string> Symptoms,
    ImmutableArray<string> AggravatingFactors,
    ImmutableArray<string> RiskFactors,
    ImmutableArray<string> Treatments,
    DateOnly? LastReviewed,
    Located<string>? ReviewedBy)
    : ContentItem(ContentKind.Condition, Slug, FrontMatter, Title, Description)
{
    public static Condition? Read(YamlFields f, ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(file);
        var title = f.Text("title", required: true);
        var description = f.Text("description", required: true);
        var aka = f.List("also_known_as");
        var symptoms = f.List("symptoms", required: true);
        var aggravating = f.List("aggravating_factors");
        var risks = f.List("risk_factors");
        var treatments = f.List("treatments", required: true);
        var lastReviewed = f.Date("last_reviewed");
        var reviewedBy = f.Text("reviewed_by");
        var draft = f.Flag("draft", fallback: false);
        f.ReportUnknownKeys();
        ContentChecks.Description(f, description);
        if (title is null || description is null)
        {
            return null;
        }

        static ImmutableArray<string> Values(ImmutableArray<Located<string>> items) => [.. items.Select(i => i.Value)];
        return new Condition(
            file.Slug, file.FrontMatter, title, description, Values(aka), Values(symptoms), Values(aggravating), Values(risks), Values(treatments),
            lastReviewed, reviewedBy is null ? null : new Located<string>(reviewedBy, f.LocationOf("reviewed_by")))
        {
            Draft = draft,
        };
    }
}
