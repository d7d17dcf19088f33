using System.Collections.Immutable;
using Site.Engine.Diagnostics;

namespace Site.Web.Diagnostics;

/// <summary>An item's request, in its front matter, not to report one diagnostic id for itself.</summary>
/// <param name="File">The item's file as diagnostics show it; only findings located in that file are suppressed.</param>
public sealed record Suppression(string Id, string? Reason, SourceLocation Location, string File);

/// <summary>A finding that was not reported, and why: the item's reason, or the site's setting.</summary>
public sealed record SuppressedFinding(Diagnostic Finding, string Why);

/// <summary>
/// The one place severities and suppressions are applied, after every check has run: <c>diagnostics:</c> in
/// site.yml sets an id to error, warning or off; an item's <c>suppress:</c> hides an id in its own file when it
/// gives a reason. Nothing disappears silently: every suppressed finding is kept with its reason for the build
/// summary, and a suppression without a reason, or of an id that did not fire, is itself a warning.
/// </summary>
public static class DiagnosticPolicy
{
    /// <param name="notRun">Ids no check could report in this build (external links without --check-external):
    /// a suppression of one of them is not "unused".</param>
    public static (ImmutableArray<Diagnostic> Reported, ImmutableArray<SuppressedFinding> Suppressed) Apply(
        IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, Severity?> severities, IReadOnlyCollection<Suppression> suppressions, IReadOnlySet<string>? notRun = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(severities);
        ArgumentNullException.ThrowIfNull(suppressions);
        var reported = ImmutableArray.CreateBuilder<Diagnostic>();
        var suppressed = ImmutableArray.CreateBuilder<SuppressedFinding>();
        var used = new HashSet<Suppression>();
        var valid = suppressions.Where(s => !string.IsNullOrWhiteSpace(s.Reason)).ToList();
        var raised = new List<Diagnostic>();
        foreach (var suppression in suppressions.Where(s => string.IsNullOrWhiteSpace(s.Reason)))
        {
            raised.Add(new Diagnostic(DiagnosticIds.SuppressionInvalid, Severity.Warning, suppression.Location, $"The suppression of {suppression.Id} gives no reason, so it is ignored.", "Add a line 'reason: ...' saying why this page is right as it is."));
        }

        foreach (var diagnostic in diagnostics)
        {
            var match = valid.FirstOrDefault(s => s.Id == diagnostic.Id && s.File == diagnostic.Location?.File);
            if (match is not null)
            {
                used.Add(match);
                suppressed.Add(new SuppressedFinding(diagnostic, match.Reason!));
            }
            else
            {
                raised.Add(diagnostic);
            }
        }

        foreach (var unused in valid.Where(s => !used.Contains(s) && notRun?.Contains(s.Id) != true))
        {
            raised.Add(new Diagnostic(DiagnosticIds.SuppressionInvalid, Severity.Warning, unused.Location, $"{unused.Id} is suppressed here but was not reported for this file.", "Remove the suppression, so that a real finding later is not hidden."));
        }

        foreach (var diagnostic in raised)
        {
            if (!severities.TryGetValue(diagnostic.Id, out var severity))
            {
                reported.Add(diagnostic);
            }
            else if (severity is { } changed)
            {
                reported.Add(diagnostic with { Severity = changed });
            }
            else
            {
                suppressed.Add(new SuppressedFinding(diagnostic, $"{diagnostic.Id} is off in site.yml"));
            }
        }

        return (reported.ToImmutable(), suppressed.ToImmutable());
    }
}
