namespace Site.Engine.Diagnostics;

/// <summary>Diagnostic ids the engine itself raises. Site-specific ids live with the site.</summary>
public static class EngineDiagnosticIds
{
    /// <summary>A module threw while processing one document.</summary>
    public const string DocumentFailed = "SITE0001";

    /// <summary>A module threw while processing a whole phase.</summary>
    public const string ModuleFailed = "SITE0002";

    /// <summary>The output folder could not be written or swapped in.</summary>
    public const string OutputFailed = "SITE0003";

    /// <summary>Two documents would be written to the same output path.</summary>
    public const string OutputCollision = "SITE0004";
}
