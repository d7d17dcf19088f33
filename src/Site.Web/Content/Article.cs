using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>
/// An item of the <c>article</c> kind, with its fields as typed properties for the code that still reads
/// articles by name (lists, feeds, related articles). Bound from the model like every other kind.
/// </summary>
public sealed record Article : ContentItem
{
    public Article(ContentItem item)
        : base(item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Date = item.DateOf("date") ?? throw new ArgumentException("An article needs its date.", nameof(item));
        Updated = item.DateOf("updated");
        Author = item.ReferenceOf("author") ?? throw new ArgumentException("An article needs its author.", nameof(item));
        ReviewedBy = item.ReferenceOf("reviewed_by");
        LastReviewed = item.DateOf("last_reviewed");
        Conditions = item.ItemsOf("conditions");
        Tags = item.TextsOf("tags");
        Image = item.TextOf("image");
        ImageAlt = item.TextOf("image_alt");
        Aliases = item.ItemsOf("aliases");
    }

    public DateOnly Date { get; }

    public DateOnly? Updated { get; }

    public Located<string> Author { get; }

    public Located<string>? ReviewedBy { get; }

    public DateOnly? LastReviewed { get; }

    public ImmutableArray<Located<string>> Conditions { get; }

    public ImmutableArray<string> Tags { get; }

    public string? Image { get; }

    public string? ImageAlt { get; }

    public ImmutableArray<Located<string>> Aliases { get; }
}
