using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Engine.Diagnostics;

namespace Site.Cli;

/// <summary>Prints diagnostics in the chosen format, keeping them structured until this point.</summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(JsonSerializer.Serialize(
                    [.. diagnostics.Select(d => new JsonDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Location?.File, d.Location?.Line, d.Location?.Column, d.Message, d.Help))],
                    DiagnosticJson.Default.ListJsonDiagnostic));
                break;
            case OutputFormat.GitHub:
                foreach (var d in diagnostics)
                {
                    writer.WriteLine(GitHub(d));
                }

                break;
            default:
                foreach (var d in diagnostics)
                {
                    writer.WriteLine(d.ToString());
                }

                break;
        }
    }

    private static string GitHub(Diagnostic d)
    {
        var level = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var properties = new List<string>();
        if (d.Location is { } location)
        {
            properties.Add($"file={Escape(location.File, true)}");
            if (location.Line > 0)
            {
                properties.Add($"line={location.Line}");
            }

            if (location.Column > 0)
            {
                properties.Add($"col={location.Column}");
            }
        }

        properties.Add($"title={d.Id}");
        var message = string.IsNullOrEmpty(d.Help) ? d.Message : $"{d.Message} {d.Help}";
        return $"::{level} {string.Join(',', properties)}::{Escape(message, false)}";
    }

    // GitHub's workflow-command escaping: data escapes %, CR, LF; properties also escape : and ,.
    private static string Escape(string text, bool property)
    {
        var escaped = text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}

/// <summary>One diagnostic as <c>--format json</c> prints it.</summary>
internal sealed record JsonDiagnostic(string Id, string Severity, string? File, int? Line, int? Column, string Message, string? Help);

/// <summary>The JSON format, generated at compile time so the native build needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<JsonDiagnostic>))]
internal sealed partial class DiagnosticJson : JsonSerializerContext;
