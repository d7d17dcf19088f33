using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;

namespace Site.Engine.Pipelines;

/// <summary>
/// What a module may see while it runs: the diagnostics of the build, the output folder, and the documents
/// of other pipelines it is allowed to read in the current phase.
/// </summary>
public sealed class BuildContext
{
    private readonly BuildState _state;
    private readonly DiagnosticBag? _diagnostics;

    internal BuildContext(BuildState state, Pipeline pipeline, Phase phase, DiagnosticBag? diagnostics = null)
    {
        _state = state;
        Pipeline = pipeline;
        Phase = phase;
        _diagnostics = diagnostics;
    }

    /// <summary>The same context, reporting into <paramref name="diagnostics"/> (to keep what one document caused).</summary>
    internal BuildContext ReportingTo(DiagnosticBag diagnostics) => new(_state, Pipeline, Phase, diagnostics);

    /// <summary>The build's progress counters, when something shows them.</summary>
    internal BuildProgress? Progress => _state.Progress;

    /// <summary>The pipeline whose module is running.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>The phase that is running.</summary>
    public Phase Phase { get; }

    /// <summary>Where diagnostics go.</summary>
    public DiagnosticBag Diagnostics => _diagnostics ?? _state.Diagnostics;

    /// <summary>Folder the Output phase writes to (a temporary folder that becomes the site on success).</summary>
    public string OutputRoot => _state.OutputRoot;

    /// <summary>
    /// True when <see cref="OutputRoot"/> is the folder being served while the build writes into it (<c>site
    /// serve</c> after its first build): each file is then replaced whole, never truncated and refilled in place.
    /// </summary>
    public bool OutputIsLive => _state.OutputIsLive;

    /// <summary>Cancels the build.</summary>
    public CancellationToken CancellationToken => _state.CancellationToken;

    /// <summary>
    /// One copy per build of a string that many documents repeat (the header's and footer's links on every page):
    /// what a document keeps for later checks then costs a reference, not a string, per page.
    /// </summary>
    public string Shared(string value) => _state.Strings.GetOrAdd(value, value);

    /// <summary>
    /// Creates a folder under the output once per build: asking the file system again for each of 10,000 pages
    /// costs a failed mkdir and two lstat calls a page.
    /// </summary>
    public void EnsureFolder(string folder)
    {
        // The folder is recorded only after it exists, so a thread that finds it recorded can write into it.
        _state.Folders.GetOrAdd(folder, static path =>
        {
            Directory.CreateDirectory(path);
            return 0;
        });
    }

    /// <summary>
    /// The Process results of another pipeline. During Process only declared dependencies may be read;
    /// from PostProcess on, every pipeline may.
    /// </summary>
    public ImmutableArray<Document> DocumentsOf(string pipeline)
    {
        if (Phase <= Phase.Process && !Pipeline.Dependencies.Contains(pipeline, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Pipeline '{Pipeline.Name}' reads '{pipeline}' during {Phase} but does not declare it as a dependency.");
        }

        return _state.ProcessResults.TryGetValue(pipeline, out var documents)
            ? documents
            : throw new InvalidOperationException($"Pipeline '{pipeline}' has no Process results yet.");
    }

    /// <summary>
    /// The Process results of every pipeline this one depends on, in the order the dependencies are declared:
    /// what a module reads without naming another pipeline.
    /// </summary>
    public ImmutableArray<Document> DependencyDocuments() => [.. Pipeline.Dependencies.SelectMany(name => DocumentsOf(name))];

    /// <summary>Makes a value available to the rest of the build. Each key is published once.</summary>
    public void Publish<T>(BuildKey<T> key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_state.Values.TryAdd(key.Name, value))
        {
            throw new InvalidOperationException($"'{key.Name}' was published twice in one build (again by pipeline '{Pipeline.Name}').");
        }
    }

    /// <summary>
    /// A value published earlier in the build. Its publisher must have run first: a module of a pipeline this
    /// one depends on, or an earlier module of this pipeline.
    /// </summary>
    public T Get<T>(BuildKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return _state.Values.TryGetValue(key.Name, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Pipeline '{Pipeline.Name}' reads '{key.Name}', which no module has published yet; does it depend on the pipeline that makes it?");
    }

    /// <summary>
    /// Every document of every pipeline, in pipeline declaration order: the Process results during PostProcess,
    /// the PostProcess results during Output.
    /// </summary>
    public ImmutableArray<Document> AllDocuments()
    {
        if (Phase <= Phase.Process)
        {
            throw new InvalidOperationException("Every document is visible only from PostProcess on.");
        }

        return [.. _state.Order.SelectMany(name => _state.ProcessResults.GetValueOrDefault(name, []))];
    }
}

internal sealed class BuildState(DiagnosticBag diagnostics, string outputRoot, IReadOnlyList<string> order, CancellationToken cancellationToken)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public string OutputRoot { get; } = outputRoot;

    public bool OutputIsLive { get; init; }

    public IReadOnlyList<string> Order { get; } = order;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ConcurrentDictionary<string, ImmutableArray<Document>> ProcessResults { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

    public BuildProgress? Progress { get; init; }

    public ConcurrentDictionary<string, byte> Folders { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);
}
