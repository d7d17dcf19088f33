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

    /// <summary>Small extra values, for data that has no home in the model; read and write them with a <see cref="MetadataKey{T}"/>.</summary>
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

    /// <summary>A metadata value, or the default of <typeparamref name="T"/> when it is not set.</summary>
    public T? Get<T>(MetadataKey<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Metadata.TryGetValue(key.Name, out var value) && value is T typed ? typed : default;
    }

    /// <summary>Whether a metadata value is set.</summary>
    public bool Has<T>(MetadataKey<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Metadata.ContainsKey(key.Name);
    }

    /// <summary>Returns a copy with one metadata value set.</summary>
    public Document With<T>(MetadataKey<T> key, T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Metadata = Metadata.SetItem(key.Name, value) };
    }

    /// <summary>Returns a copy without one metadata value, so what later modules no longer need can be freed.</summary>
    public Document Without<T>(MetadataKey<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Metadata = Metadata.Remove(key.Name) };
    }
}
