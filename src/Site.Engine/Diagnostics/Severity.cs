namespace Site.Engine.Diagnostics;

/// <summary>How serious a diagnostic is. Errors fail the build.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a build.</summary>
    Info,

    /// <summary>Probably wrong; fails the build only with warnings-as-errors.</summary>
    Warning,

    /// <summary>The site cannot be trusted; the build fails.</summary>
    Error,
}
