using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>An item of the <c>condition</c> kind, with its fields as typed properties.</summary>
public sealed record Condition : ContentItem
{
    public Condition(ContentItem item)
        : base(item)
    {
        ArgumentNullException.ThrowIfNull(item);
        AlsoKnownAs = item.TextsOf("also_known_as");
        Symptoms = item.TextsOf("symptoms");
        AggravatingFactors = item.TextsOf("aggravating_factors");
        RiskFactors = item.TextsOf("risk_factors");
        Treatments = item.TextsOf("treatments");
        LastReviewed = item.DateOf("last_reviewed");
        ReviewedBy = item.ReferenceOf("reviewed_by");
    }

    public ImmutableArray<string> AlsoKnownAs { get; }

    public ImmutableArray<string> Symptoms { get; }

    public ImmutableArray<string> AggravatingFactors { get; }

    public ImmutableArray<string> RiskFactors { get; }

    public ImmutableArray<string> Treatments { get; }

    public DateOnly? LastReviewed { get; }

    public Located<string>? ReviewedBy { get; }
}
