using System.Globalization;
using System.Text;
using Site.Engine.Diagnostics;

namespace Site.Web.Content;

/// <summary>What to scaffold: an article, a condition or an author.</summary>
public sealed record ScaffoldRequest(ContentKind Kind, string Title, string? Author = null, string? Condition = null, string? Id = null);

/// <summary>
/// Writes a new content file with valid front matter, today's date in the clinic's time zone and a slug made
/// from the title, marked as a draft so a half-written file never goes live. Refuses an existing slug and an
/// author or condition that does not exist, suggesting the closest one.
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
        if (settings is null)
        {
            return (null, "input/site.yml has problems; run 'site check' first.\n" + string.Join("\n", diagnostics.Sorted()));
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, settings.TimeZone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = request.Title.Trim();
        var slug = request.Id ?? ContentUrls.Slugify(request.Kind == ContentKind.Author ? title.Split(' ')[0] : title);
        if (!ContentUrls.IsSlug(slug))
        {
            return (null, $"'{title}' does not give a usable file name; use a title with letters or digits.");
        }

        var folder = request.Kind switch
        {
            ContentKind.Article => paths.Articles,
            ContentKind.Condition => paths.Conditions,
            ContentKind.Author => paths.Authors,
            _ => paths.Pages,
        };
        var file = Path.Combine(folder, slug + ".md");
        if (File.Exists(file))
        {
            return (null, $"{paths.Display(file)} already exists. Choose a different title, or edit that file.");
        }

        string text;
        switch (request.Kind)
        {
            case ContentKind.Article:
                var authors = Ids(paths.Authors);
                var author = request.Author ?? (authors.Count == 1 ? authors[0] : null);
                if (author is null)
                {
                    return (null, $"Name the author with --author ({string.Join(", ", authors)}).");
                }

                if (!authors.Contains(author))
                {
                    return (null, $"There is no author '{author}'. {Suggest.DidYouMean(author, authors) ?? $"Known authors: {string.Join(", ", authors)}."}");
                }

                var conditions = Ids(paths.Conditions);
                if (request.Condition is { } condition && !conditions.Contains(condition))
                {
                    return (null, $"There is no condition '{condition}'. {Suggest.DidYouMean(condition, conditions) ?? $"Known conditions: {string.Join(", ", conditions)}."}");
                }

                text = Article(title, today, author, request.Condition);
                break;
            case ContentKind.Condition:
                text = Condition(title, today);
                break;
            case ContentKind.Author:
                text = Author(title);
                break;
            default:
                return (null, "Only articles, conditions and authors can be scaffolded.");
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return (file, null);
    }

    private static List<string> Ids(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Article(string title, string today, string author, string? condition) => $"""
        ---
        title: {Quote(title)}
        description: {Quote(Describe(title, "what it means for you and what a physiotherapist can do to help"))}
        date: {today}
        author: {author}
        {(condition is null ? "conditions: []" : $"conditions: [{condition}]")}
        tags: []
        draft: true
        ---

        Write the article here. Start with what the reader is feeling, in plain words.

        ## A first heading

        Break the article up with headings like this one. Remove `draft: true` above when it is ready.

        """;

    private static string Condition(string title, string today) => $"""
        ---
        title: {Quote(title)}
        description: {Quote(Describe(title, "what it is, what makes it worse, and how physiotherapy can help"))}
        symptoms:
          - Replace with a symptom people notice
        aggravating_factors: []
        risk_factors: []
        treatments:
          - Replace with something a physiotherapist offers
        last_reviewed: {today}
        draft: true
        ---

        Explain the condition here in plain words. Remove `draft: true` above when it is ready.

        """;

    private static string Author(string name) => $"""
        ---
        name: {Quote(name)}
        role: Physiotherapist
        credentials: "Replace with qualifications, for example Bachelor of Physiotherapy"
        registration: "Replace with the AHPRA registration number"
        interests: []
        draft: true
        ---

        Write a short bio here. Say "has a special interest in" rather than "specialises in".
        Remove `draft: true` above when the details are filled in.

        """;

    /// <summary>A first description of 50 to 160 characters, for the writer to improve.</summary>
    private static string Describe(string title, string about)
    {
        var text = $"{title}: {about}.";
        return text.Length <= 160 ? text : text[..157].TrimEnd() + "...";
    }
}
