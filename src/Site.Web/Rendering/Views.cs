using System.Collections.Immutable;
using System.Globalization;

namespace Site.Web.Rendering;

/// <summary>A link with its text.</summary>
public sealed record LinkView(string Title, string Url)
{
    /// <summary>A short description shown beside the link (a practitioner's role).</summary>
    public string? Note { get; init; }
}

/// <summary>A page of the site that is not a kind's list (home, search, 404): its heading and intro.</summary>
public sealed record SiteListView(string Title, string Intro);

/// <summary>
/// A page listing items of one kind (a kind's <c>list:</c> page, one page of it when paged, or a topic): the
/// kind's name, so one layout can show different kinds differently, and the items' views.
/// </summary>
public sealed record ItemListView(
    string Kind, string Title, string Intro, ImmutableArray<Scriban.Runtime.ScriptObject> Items,
    int PageNumber, int PageCount, string? PreviousUrl, string? NextUrl);

/// <summary>How dates and reading times are shown.</summary>
public static class Views
{
    private const int WordsPerMinute = 220;

    public static string DateText(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DateIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Minutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
}
