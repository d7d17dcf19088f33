using System.Text.RegularExpressions;

namespace Site.Web.Content;

/// <summary>
/// A person's name without the titles written before it ("Dr Sam O'Brien" is "Sam O'Brien"): what a file name
/// is made from, and the name a sentence calls someone by ("Book with Sam, Melissa or Nicole", never "with Dr").
/// </summary>
public static partial class PersonName
{
    public static string WithoutTitles(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rest = name.Trim();
        while (Title().Match(rest) is { Success: true } title && title.Length < rest.Length)
        {
            rest = rest[title.Length..].TrimStart();
        }

        return rest;
    }

    /// <summary>The first name, after any titles.</summary>
    public static string Given(string name) => WithoutTitles(name).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;

    /// <summary>A file name from the whole name, titles left out and apostrophes dropped: sam-obrien.</summary>
    public static string Id(string name) => ContentUrls.Slugify(WithoutTitles(name).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?:Dr|Doctor|Prof|Professor|Assoc(?:iate)?\.?\s+Prof(?:essor)?|A/Prof|Mr|Mrs|Ms|Miss|Mx)\.?(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
