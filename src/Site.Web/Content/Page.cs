namespace Site.Web.Content;

/// <summary>An item of the <c>page</c> kind (about, privacy, medical disclaimer...).</summary>
public sealed record Page : ContentItem
{
    public Page(ContentItem item)
        : base(item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Updated = item.DateOf("updated");
    }

    public DateOnly? Updated { get; }
}
