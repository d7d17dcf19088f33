using System.Collections.Immutable;

namespace Site.Engine;

/// <summary>
/// An immutable unit of work flowing through a pipeline. Change it with <c>with</c>.
/// </summary>
/// <param name="Source">Path of the file it came from, as shown in diagnostics (for example <c>input/articles/a.md</c>), or <see langword="null"/> when generated.</param>
/// <param name="Destination">Output path relative to the output root with forward slashes (for example <c>articles/a/index.html</c>), or <see langword="null"/> when it writes nothing.</param>
/// <param name="Content">Text content: source text before rendering, output text after.</param>
public sealed record Document(string? Source, string? Destination, string Content)
{
    /// <summary>The typed model this document carries (an article, a settings record...).</summary>
    public object? Model { get; init; }

    /// <summary>Small extra values keyed by name, for data that has no home in the model.</summary>
    public ImmutableDictionary<string, object> Metadata { get; init; } = ImmutableDictionary<string, object>.Empty;

    /// <summary>Binary content for files copied as they are; when set it is written instead of <see cref="Content"/>.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; init; }

    /// <summary>
    /// True once <see cref="Modules.WriteEarly"/> has written the document into the output folder and dropped
    /// its content; <see cref="Modules.WriteFiles"/> then only checks its destination.
    /// </summary>
    public bool Written { get; init; }

    /// <summary>The model as <typeparamref name="T"/>, or <see langword="null"/> when it is something else.</summary>
    public T? ModelAs<T>() where T : class => Model as T;

    /// <summary>A metadata value as <typeparamref name="T"/>, or <see langword="null"/>.</summary>
    public T? Get<T>(string key) where T : class => Metadata.TryGetValue(key, out var value) ? value as T : null;

    /// <summary>Returns a copy with one metadata value set.</summary>
    public Document With(string key, object value) => this with { Metadata = Metadata.SetItem(key, value) };

    /// <summary>Returns a copy without one metadata value, so what later modules no longer need can be freed.</summary>
    public Document Without(string key) => this with { Metadata = Metadata.Remove(key) };
}
