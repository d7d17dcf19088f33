using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;

namespace Site.Engine;

/// <summary>The result of running every pipeline once.</summary>
/// <param name="Documents">Final documents per pipeline, in pipeline declaration order.</param>
/// <param name="Timings">Wall time of each phase across all pipelines.</param>
public sealed record EngineResult(
    ImmutableArray<KeyValuePair<string, ImmutableArray<Document>>> Documents,
    ImmutableArray<KeyValuePair<Phase, TimeSpan>> Timings)
{
    /// <summary>Wall time of each module, as "pipeline/Phase/Module", slowest first.</summary>
    public ImmutableArray<KeyValuePair<string, TimeSpan>> ModuleTimings { get; init; } = [];
}

/// <summary>
/// Runs pipelines: Input and Process as soon as their dependencies' Process has finished (independent
/// pipelines concurrently), then every PostProcess, then every Output.
/// </summary>
public sealed class Engine
{
    private readonly ImmutableArray<Pipeline> _pipelines;

    /// <summary>Creates an engine, validating the pipeline graph first.</summary>
    /// <exception cref="InvalidOperationException">The graph has duplicate names, unknown dependencies or a cycle.</exception>
    public Engine(IEnumerable<Pipeline> pipelines)
    {
        _pipelines = [.. pipelines];
        var problems = PipelineGraph.Validate(_pipelines);
        if (!problems.IsEmpty)
        {
            throw new InvalidOperationException("The pipelines cannot run: " + string.Join(" ", problems));
        }
    }

    /// <summary>Updated as large steps start and their documents are done, for a progress line; optional.</summary>
    public BuildProgress? Progress { get; init; }

    /// <summary>
    /// The output root is being served as it is written (not a staging folder): files are written beside their
    /// place and renamed over it, so no request ever gets one half-written.
    /// </summary>
    public bool OutputIsLive { get; init; }

    /// <summary>Runs every pipeline once, reporting problems into <paramref name="diagnostics"/>.</summary>
    public async Task<EngineResult> RunAsync(DiagnosticBag diagnostics, string outputRoot, CancellationToken cancellationToken = default)
    {
        var state = new BuildState(diagnostics, outputRoot, [.. _pipelines.Select(p => p.Name)], cancellationToken) { Progress = Progress, OutputIsLive = OutputIsLive };
        var moduleTimings = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var timings = new ConcurrentDictionary<Phase, TimeSpan>();
        var clock = Stopwatch.StartNew();

        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var pipeline in _pipelines)
        {
            _ = GetTask(pipeline);
        }

        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        timings[Phase.Process] = clock.Elapsed;

        var finals = new ImmutableArray<Document>[_pipelines.Length];
        await RunPhaseEverywhere(Phase.PostProcess, i => state.ProcessResults[_pipelines[i].Name]).ConfigureAwait(false);
        await RunPhaseEverywhere(Phase.Output, i => finals[i]).ConfigureAwait(false);

        var documents = _pipelines.Select((p, i) => KeyValuePair.Create(p.Name, finals[i])).ToImmutableArray();
        return new EngineResult(documents, [.. timings.OrderBy(t => t.Key)])
        {
            ModuleTimings = [.. moduleTimings.OrderByDescending(t => t.Value)],
        };

        Task GetTask(Pipeline pipeline)
        {
            if (tasks.TryGetValue(pipeline.Name, out var existing))
            {
                return existing;
            }

            var dependencies = pipeline.Dependencies.Select(d => GetTask(_pipelines.First(p => p.Name == d))).ToArray();
            var task = Task.Run(
                async () =>
                {
                    await Task.WhenAll(dependencies).ConfigureAwait(false);
                    var input = await RunModules(state, pipeline, Phase.Input, [], moduleTimings).ConfigureAwait(false);
                    state.ProcessResults[pipeline.Name] = await RunModules(state, pipeline, Phase.Process, input, moduleTimings).ConfigureAwait(false);
                },
                cancellationToken);
            tasks[pipeline.Name] = task;
            return task;
        }

        async Task RunPhaseEverywhere(Phase phase, Func<int, ImmutableArray<Document>> start)
        {
            var phaseClock = Stopwatch.StartNew();
            var results = await Task.WhenAll(_pipelines.Select((p, i) =>
                Task.Run(() => RunModules(state, p, phase, start(i), moduleTimings).AsTask(), cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < results.Length; i++)
            {
                finals[i] = results[i];

                // From here on, other pipelines see what this phase made of each pipeline's documents.
                state.ProcessResults[_pipelines[i].Name] = results[i];
            }

            timings[phase] = phaseClock.Elapsed;
        }
    }

    private static async ValueTask<ImmutableArray<Document>> RunModules(BuildState state, Pipeline pipeline, Phase phase, ImmutableArray<Document> documents, ConcurrentDictionary<string, TimeSpan> timings)
    {
        var context = new BuildContext(state, pipeline, phase);
        foreach (var module in pipeline.ModulesOf(phase))
        {
            if (documents.Length >= BuildProgress.MinimumShown && module is PerDocumentModule)
            {
                var name = Name(module);
                state.Progress?.Begin($"{pipeline.Name}: {(name.Contains('+', StringComparison.Ordinal) ? name[..name.IndexOf('+', StringComparison.Ordinal)] + "…" : name)}", documents.Length);
            }

            state.CancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            try
            {
                documents = await module.ExecuteAsync(documents, context).ConfigureAwait(false);
                timings.AddOrUpdate($"{pipeline.Name}/{phase}/{Name(module)}", clock.Elapsed, (_, before) => before + clock.Elapsed);
            }
#pragma warning disable CA1031 // A module failure is reported and the rest of the build still runs to find every problem.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                state.Diagnostics.Error(
                    EngineDiagnosticIds.ModuleFailed,
                    null,
                    $"Module {Name(module)} of pipeline '{pipeline.Name}' failed during {phase}: {ex.Message}");
                return [];
            }
        }

        return documents;
    }

    private static string Name(IModule module) => ModuleName.Of(module);
}
