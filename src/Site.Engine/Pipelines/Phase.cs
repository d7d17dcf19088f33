namespace Site.Engine.Pipelines;

/// <summary>The phases every pipeline passes through, in this order.</summary>
public enum Phase
{
    /// <summary>Reads the pipeline's own sources.</summary>
    Input,

    /// <summary>Transforms them; may read the Process results of declared dependencies.</summary>
    Process,

    /// <summary>Runs after every pipeline's Process; sees every document of the build.</summary>
    PostProcess,

    /// <summary>Writes results.</summary>
    Output,
}
