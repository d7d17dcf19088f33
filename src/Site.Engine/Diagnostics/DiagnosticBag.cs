using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Site.Engine.Diagnostics;

/// <summary>Thread-safe collector of the diagnostics of one build.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Adds an error.</summary>
    public void Error(string id, SourceLocation? location, string message, string? help = null) =>
        Add(new Diagnostic(id, Severity.Error, location, message, help));

    /// <summary>Adds a warning.</summary>
    public void Warning(string id, SourceLocation? location, string message, string? help = null) =>
        Add(new Diagnostic(id, Severity.Warning, location, message, help));

    /// <summary>True once any error was reported.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic so far, sorted by file, line, column and id so output is stable.</summary>
    public ImmutableArray<Diagnostic> Sorted() => [.. _items
        .OrderBy(d => d.Location is null ? 0 : 1)
        .ThenBy(d => d.Location?.File, StringComparer.Ordinal)
        .ThenBy(d => d.Location?.Line ?? 0)
        .ThenBy(d => d.Location?.Column ?? 0)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .Distinct()];
}
