namespace Site.Web.Content;

/// <summary>
/// Gives the four original kinds their typed records, for the page, feed and structured-data code that still
/// reads them by name. Transitional: every other kind stays a plain <see cref="ContentItem"/>, and this is
/// the one place outside the model files that names kinds; it goes when that code reads the model.
/// </summary>
public static class TypedContent
{
    public static ContentItem Project(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.KindName switch
        {
            "article" when item.DateOf("date") is not null && item.ReferenceOf("author") is not null => new Article(item),
            "condition" => new Condition(item),
            "author" => new Author(item),
            "page" => new Page(item),
            _ => item,
        };
    }
}
