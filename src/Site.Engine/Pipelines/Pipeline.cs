using System.Collections.Immutable;

namespace Site.Engine.Pipelines;

/// <summary>A named sequence of modules per phase, with the pipelines whose Process results it reads.</summary>
public sealed record Pipeline(string Name)
{
    /// <summary>Pipelines that must finish Process before this one's Process starts.</summary>
    public ImmutableArray<string> Dependencies { get; init; } = [];

    /// <summary>Modules of the Input phase.</summary>
    public ImmutableArray<IModule> Input { get; init; } = [];

    /// <summary>Modules of the Process phase.</summary>
    public ImmutableArray<IModule> Process { get; init; } = [];

    /// <summary>Modules of the PostProcess phase.</summary>
    public ImmutableArray<IModule> PostProcess { get; init; } = [];

    /// <summary>Modules of the Output phase.</summary>
    public ImmutableArray<IModule> Output { get; init; } = [];

    /// <summary>The modules of one phase.</summary>
    public ImmutableArray<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        _ => Output,
    };
}
