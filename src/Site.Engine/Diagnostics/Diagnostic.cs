namespace Site.Engine.Diagnostics;

/// <summary>
/// One problem found during a build, kept structured until it is printed.
/// </summary>
/// <param name="Id">Stable identifier such as <c>SITE1001</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Location">Where to fix it, or <see langword="null"/> when no file is involved.</param>
/// <param name="Message">Plain-English statement of the problem.</param>
/// <param name="Help">Optional suggestion: a fix or a did-you-mean.</param>
public sealed record Diagnostic(string Id, Severity Severity, SourceLocation? Location, string Message, string? Help = null)
{
    /// <summary>Formats MSBuild-style: <c>input/a.md(3,9): error SITE0001: message (help)</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var prefix = Location is null ? "site" : Location.ToString();
        var help = string.IsNullOrEmpty(Help) ? "" : $" {Help}";
        return $"{prefix}: {severity} {Id}: {Message}{help}";
    }
}
