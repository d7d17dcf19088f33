using System.Collections.Immutable;
using Site.Engine.Pipelines;

namespace Site.Engine.Modules;

/// <summary>Replaces the documents with every document of every pipeline (PostProcess and Output only).</summary>
public sealed class CollectAll : IModule
{
    /// <inheritdoc />
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.AllDocuments());
    }
}
