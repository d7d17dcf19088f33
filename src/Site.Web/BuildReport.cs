using System.Globalization;
using System.Text;
using System.Text.Json;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web;

/// <summary>The review status of one clinical item on the build's day.</summary>
public sealed record ReviewStatus(ContentItem Item, DateOnly? LastReviewed, string? Reviewer, DateOnly? Due, string Status);

/// <summary>
/// The build report (<c>site build --report FILE</c>), for a pull request comment or the Netlify log, never
/// published with the site: pages built, problems by id, scheduled items, clinical reviews due and overdue,
/// suppressions with their reasons (who decided what, and why), reading grades, and external links that could
/// not be verified. Markdown, or JSON for a file named *.json.
/// </summary>
public static class BuildReport
{
    /// <param name="warningsAsErrors">The build ran with --warnaserror, so a warning failed it.</param>
    public static string Write(BuildResult result, string path, bool warningsAsErrors = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Json(result, warningsAsErrors) : Markdown(result, warningsAsErrors);
    }

    private static bool Passed(BuildResult result, bool warningsAsErrors) =>
        result.Errors == 0 && !(warningsAsErrors && result.Warnings > 0);

    /// <summary>The review status of every published item whose kind is reviewed.</summary>
    public static List<ReviewStatus> Reviews(BuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var facts = result.Facts;
        var every = facts.Settings?.Review ?? new ReviewSettings(12, 30);
        // The review findings by file, once: not a search of every diagnostic for every item.
        var reviewFindings = result.Diagnostics.Where(d => d.Id is DiagnosticIds.ReviewMissing or DiagnosticIds.ReviewerNotRegistered && d.Location is not null)
            .Select(d => (d.Id, d.Location!.File)).ToHashSet();
        var list = new List<ReviewStatus>();
        foreach (var item in facts.Published.Where(i => i.Kind.Review is not null).OrderBy(i => i.FrontMatter.File, StringComparer.Ordinal))
        {
            var (dateField, byField) = item.Kind.Review!.Value;
            var last = item.DateOf(dateField);
            var due = last?.AddMonths(every.EveryMonths);
            var file = item.FrontMatter.File;
            bool Reported(string id) => reviewFindings.Contains((id, file));
            var status = due is null || Reported(DiagnosticIds.ReviewMissing) ? "missing"
                : Reported(DiagnosticIds.ReviewerNotRegistered) ? "reviewer not registered"
                : due < facts.Today ? "overdue"
                : due.Value.DayNumber - facts.Today.DayNumber <= every.WarnDays ? "due soon"
                : "current";
            list.Add(new ReviewStatus(item, last, item.ReferenceOf(byField)?.Value, due, status));
        }

        return list;
    }

    public static string Markdown(BuildResult result, bool warningsAsErrors = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var facts = result.Facts;
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"# Build report\n\n");
        md.Append(inv, $"{(Passed(result, warningsAsErrors) ? "Passed" : "**Failed**")}: {facts.Published.Length} items published into {result.FilesWritten} files; {result.Errors} error(s), {result.Warnings} warning(s), {result.Suppressed.Length} suppressed; built on {facts.Today:yyyy-MM-dd} in {result.Elapsed.TotalSeconds:F1} s.\n\n");

        md.Append("## Problems by id\n\n");
        var problems = result.Diagnostics.Where(d => d.Severity != Severity.Info).ToList();
        if (problems.Count == 0)
        {
            md.Append("None.\n\n");
        }
        else
        {
            md.Append("| id | severity | count | what it means |\n|---|---|---:|---|\n");
            foreach (var group in problems.GroupBy(d => (d.Id, d.Severity)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Id, StringComparer.Ordinal))
            {
                md.Append(inv, $"| {group.Key.Id} | {Word(group.Key.Severity)} | {group.Count()} | {Cell(Title(group.Key.Id))} |\n");
            }

            md.Append('\n');
            foreach (var d in problems.OrderBy(d => d.Severity).ThenBy(d => d.Location?.File, StringComparer.Ordinal).ThenBy(d => d.Location?.Line))
            {
                md.Append(inv, $"- `{Where(d.Location)}` {Word(d.Severity)} {d.Id}: {Line(d.Message)}\n");
            }

            md.Append('\n');
        }

        md.Append("## Scheduled\n\n");
        var scheduled = facts.Scheduled.OrderBy(i => i.PublishedOn).ThenBy(i => i.Slug, StringComparer.Ordinal).ToList();
        md.Append(scheduled.Count == 0 ? "Nothing is scheduled.\n\n" : "| date | title | file |\n|---|---|---|\n");
        foreach (var item in scheduled)
        {
            md.Append(inv, $"| {item.PublishedOn:yyyy-MM-dd} | {Cell(item.Title)} | `{item.FrontMatter.File}` |\n");
        }

        md.Append(scheduled.Count == 0 ? "" : "\n");
        md.Append("## Clinical reviews\n\n");
        var reviews = Reviews(result);
        var attention = reviews.Where(r => r.Status != "current").ToList();
        md.Append(inv, $"{reviews.Count} reviewed item(s): {reviews.Count(r => r.Status == "current")} current, {reviews.Count(r => r.Status == "due soon")} due soon, {reviews.Count(r => r.Status == "overdue")} overdue, {reviews.Count(r => r.Status == "missing")} never reviewed.\n\n");
        if (attention.Count > 0)
        {
            md.Append("| status | due | last reviewed | by | title | file |\n|---|---|---|---|---|---|\n");
            foreach (var r in attention.OrderBy(r => r.Due ?? DateOnly.MinValue))
            {
                md.Append(inv, $"| {r.Status} | {r.Due:yyyy-MM-dd} | {r.LastReviewed:yyyy-MM-dd} | {r.Reviewer} | {Cell(r.Item.Title)} | `{r.Item.FrontMatter.File}` |\n");
            }

            md.Append('\n');
        }

        md.Append("## Suppressions\n\n");
        md.Append(result.Suppressed.IsEmpty ? "None.\n\n" : "| id | where | reason | finding |\n|---|---|---|---|\n");
        foreach (var (finding, why) in result.Suppressed.OrderBy(s => s.Finding.Location?.File, StringComparer.Ordinal))
        {
            md.Append(inv, $"| {finding.Id} | `{Where(finding.Location)}` | {Cell(why)} | {Cell(finding.Message)} |\n");
        }

        md.Append(result.Suppressed.IsEmpty ? "" : "\n");
        md.Append("## Reading grade\n\n");
        var target = facts.Settings?.Readability ?? new ReadabilitySettings(8, 12);
        var grades = facts.Readability.Values.OrderByDescending(g => g.Grade.FleschKincaid).ToList();
        md.Append(inv, $"Target Year {target.Target:0.#}, limit Year {target.Limit:0.#} (Flesch-Kincaid; bodies under 100 words are not held to them).\n\n");
        if (grades.Count > 0)
        {
            md.Append("| grade | SMOG | words | title | file |\n|---:|---:|---:|---|---|\n");
            foreach (var (item, grade) in grades)
            {
                md.Append(inv, $"| {grade.FleschKincaid:0.0} | {grade.Smog:0.0} | {grade.Words} | {Cell(item.Title)} | `{item.FrontMatter.File}` |\n");
            }

            md.Append('\n');
        }

        md.Append("## External links\n\n");
        var unverified = result.Diagnostics.Where(d => d.Id == DiagnosticIds.UnverifiedExternalLink).ToList();
        md.Append(!facts.ExternalChecked ? "Not checked in this build (build with --check-external).\n"
            : unverified.Count == 0 ? "Every external link answered.\n"
            : string.Concat(unverified.Select(d => $"- `{Where(d.Location)}`: {Line(d.Message)}\n")));
        return md.ToString();
    }

    public static string Json(BuildResult result, bool warningsAsErrors = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var facts = result.Facts;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("built_on", facts.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteBoolean("passed", Passed(result, warningsAsErrors));
            json.WriteNumber("items_published", facts.Published.Length);
            json.WriteNumber("files_written", result.FilesWritten);
            json.WriteNumber("errors", result.Errors);
            json.WriteNumber("warnings", result.Warnings);
            json.WriteStartArray("by_id");
            foreach (var group in result.Diagnostics.Where(d => d.Severity != Severity.Info).GroupBy(d => (d.Id, d.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", group.Key.Id);
                json.WriteString("severity", Word(group.Key.Severity));
                json.WriteNumber("count", group.Count());
                json.WriteString("title", Title(group.Key.Id));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var d in result.Diagnostics.Where(d => d.Severity != Severity.Info))
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", Word(d.Severity));
                Location(json, d.Location);
                json.WriteString("message", d.Message);
                json.WriteString("help", d.Help);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("scheduled");
            foreach (var item in facts.Scheduled.OrderBy(i => i.PublishedOn).ThenBy(i => i.Slug, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("date", item.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("title", item.Title);
                json.WriteString("file", item.FrontMatter.File);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("reviews");
            foreach (var r in Reviews(result))
            {
                json.WriteStartObject();
                json.WriteString("status", r.Status);
                json.WriteString("due", r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("last_reviewed", r.LastReviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("reviewed_by", r.Reviewer);
                json.WriteString("title", r.Item.Title);
                json.WriteString("file", r.Item.FrontMatter.File);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("suppressions");
            foreach (var (finding, why) in result.Suppressed)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                Location(json, finding.Location);
                json.WriteString("reason", why);
                json.WriteString("finding", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("readability");
            foreach (var (item, grade) in facts.Readability.Values.OrderBy(g => g.Item.FrontMatter.File, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("file", item.FrontMatter.File);
                json.WriteString("title", item.Title);
                json.WriteNumber("flesch_kincaid", grade.FleschKincaid);
                json.WriteNumber("smog", grade.Smog);
                json.WriteNumber("words", grade.Words);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("external_links_checked", facts.ExternalChecked);
            json.WriteStartArray("unverified_external_links");
            foreach (var d in result.Diagnostics.Where(d => d.Id == DiagnosticIds.UnverifiedExternalLink))
            {
                json.WriteStartObject();
                Location(json, d.Location);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Location(Utf8JsonWriter json, SourceLocation? at)
    {
        json.WriteString("file", at?.File);
        json.WriteNumber("line", at?.Line ?? 0);
        json.WriteNumber("column", at?.Column ?? 0);
    }

    private static string Title(string id) => DiagnosticIds.All.FirstOrDefault(i => i.Id == id)?.Title ?? "";

    private static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Where(SourceLocation? at) =>
        at is null ? "(site)" : at.Line > 0 ? $"{at.File}({at.Line},{at.Column})" : at.File;

    /// <summary>Text for one Markdown table cell: one line, with its pipes escaped.</summary>
    private static string Cell(string text) => Line(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Line(string text) => text.ReplaceLineEndings(" ");
}
