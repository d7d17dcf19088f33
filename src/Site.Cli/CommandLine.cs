using System.Collections.Immutable;
using Site.Web;

namespace Site.Cli;

/// <summary>How diagnostics are printed.</summary>
public enum OutputFormat
{
    Text,
    Json,
    GitHub,
}

/// <summary>A parsed command line, or the reason it could not be parsed.</summary>
public sealed record CommandLine(string Command, BuildOptions Build, OutputFormat Format, bool Verbose, ImmutableArray<string> Arguments)
{
    /// <summary>Port for <c>site serve</c>.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Named values for <c>site new</c>: --id, and a reference field or kind per option (--author melissa).</summary>
    public ImmutableDictionary<string, string> Values { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>For <c>site model</c>: print for people, or write JSON Schemas.</summary>
    public bool JsonSchema { get; init; }

    /// <summary>For <c>site format</c>: report what would change, and change nothing.</summary>
    public bool CheckOnly { get; init; }

    /// <summary>For <c>build</c> and <c>check</c>: where to write the build report, if anywhere.</summary>
    public string? Report { get; init; }

    /// <summary>For <c>help</c>: the generated help text to print.</summary>
    public string HelpText { get; init; } = "";

    /// <summary>
    /// Parses arguments with System.CommandLine; returns the error message (with a did-you-mean for a misspelt
    /// command or option, and the command's generated help) for bad usage.
    /// </summary>
    public static (CommandLine? Line, string? Error) Parse(IReadOnlyList<string> args) => CommandSyntax.Parse(args);
}
