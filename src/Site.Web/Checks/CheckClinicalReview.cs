using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Rendering;

namespace Site.Web.Checks;

/// <summary>
/// Clinical content (a kind with <c>review:</c> in its model) is reviewed by a registered practitioner on the
/// schedule site.yml sets: each published item needs its review date and reviewer, the reviewer must be an
/// item whose registration field holds an Ahpra registration number, a review falling due within the warning
/// window is a warning, and an overdue one is an error. Pages show the next review date beside the last one.
/// </summary>
public sealed class CheckClinicalReview(SiteSettings settings, DateOnly today) : ISiteCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.ReviewMissing, DiagnosticIds.ReviewerNotRegistered, DiagnosticIds.ReviewDueSoon, DiagnosticIds.ReviewOverdue];

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        var items = site.Pages.Select(p => p.Page.Item).OfType<ContentItem>().ToList();
        var byKindAndId = items.GroupBy(i => (i.KindName, i.Slug)).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in items.Where(i => i.Kind.Review is not null && !i.Draft).DistinctBy(i => (i.KindName, i.Slug)))
        {
            var (dateField, byField) = item.Kind.Review!.Value;
            var reviewed = item.DateOf(dateField);
            var reviewer = item.ReferenceOf(byField);
            if ((reviewed is null && item.IsWritten(dateField)) || (reviewer is null && item.IsWritten(byField)))
            {
                continue; // written, but not readable: reported where it was read
            }

            if (reviewed is null || reviewer is null)
            {
                var missing = reviewed is null && reviewer is null ? $"'{dateField}' and '{byField}'" : reviewed is null ? $"'{dateField}'" : $"'{byField}'";
                report.Error(
                    DiagnosticIds.ReviewMissing,
                    item.FrontMatter,
                    $"This {item.Kind.Label.ToLowerInvariant()} is clinical content and has no clinical review: {missing} {(missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} missing.",
                    $"Have a registered practitioner check it, then add '{dateField}: {today:yyyy-MM-dd}' and '{byField}: ' with their id.");
                continue;
            }

            if (reviewed > today)
            {
                report.Error(
                    DiagnosticIds.ReviewMissing,
                    item.LocationOf(dateField),
                    $"The review date {reviewed:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a review cannot have happened yet, so this {item.Kind.Label.ToLowerInvariant()} counts as not reviewed.",
                    $"Write the date the review actually took place in '{dateField}'.");
                continue;
            }

            var to = item.Kind.Field(byField)?.To;
            if (to is null || !byKindAndId.TryGetValue((to, reviewer.Value), out var person))
            {
                continue; // an unknown reviewer is reported where references are checked
            }

            if (person.Kind.RegistrationField is null)
            {
                report.Error(
                    DiagnosticIds.ReviewerNotRegistered,
                    reviewer.Location,
                    $"'{reviewer.Value}' reviewed this {item.Kind.Label.ToLowerInvariant()}, but the model of {person.Kind.Plural.ToLowerInvariant()} has no registration_field, so the build cannot see that they are registered.",
                    $"Ask a developer to add 'registration_field: ...' to input/model/{person.KindName}.yml, naming the field with the Ahpra number.");
                continue;
            }

            var registration = person.TextOf(person.Kind.RegistrationField);
            if (!IsAhpraNumber(registration))
            {
                report.Error(
                    DiagnosticIds.ReviewerNotRegistered,
                    reviewer.Location,
                    $"'{reviewer.Value}' reviewed this {item.Kind.Label.ToLowerInvariant()}, but {(registration is null ? "has no registration number" : $"their registration '{registration}' is not an Ahpra registration number")}, so the review does not show a registered practitioner checked it.",
                    "Ask a registered practitioner to review it, or give the reviewer their Ahpra number (three letters and ten digits, for example PHY0001234567).");
            }

            var due = reviewed.Value.AddMonths(settings.Review.EveryMonths);
            var at = item.LocationOf(dateField);
            if (due < today)
            {
                report.Error(
                    DiagnosticIds.ReviewOverdue,
                    at,
                    $"The clinical review of this {item.Kind.Label.ToLowerInvariant()} was due on {Views.DateText(due)}: it was last reviewed on {Views.DateText(reviewed.Value)}, and site.yml asks for a review every {settings.Review.EveryMonths} months.",
                    $"Have a registered practitioner check the page, then change '{dateField}' to the date of that review.");
            }
            else if (due.DayNumber - today.DayNumber <= settings.Review.WarnDays)
            {
                report.Warning(
                    DiagnosticIds.ReviewDueSoon,
                    at,
                    $"The clinical review of this {item.Kind.Label.ToLowerInvariant()} is due on {Views.DateText(due)}, {(due.DayNumber - today.DayNumber) switch { 0 => "today", 1 => "tomorrow", var days => $"in {days} days" }}.",
                    $"Plan the review now; once it is done, change '{dateField}' to its date.");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Three capital letters and ten digits, as Ahpra writes registration numbers (PHY0001234567).</summary>
    public static bool IsAhpraNumber(string? text) =>
        text is { Length: >= 13 } && text[..3].All(char.IsAsciiLetterUpper) && text[3..13].All(char.IsAsciiDigit) && (text.Length == 13 || !char.IsAsciiLetterOrDigit(text[13]));
}
