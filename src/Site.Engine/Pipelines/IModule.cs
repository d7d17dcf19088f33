using System.Collections.Immutable;

namespace Site.Engine.Pipelines;

/// <summary>A step of a pipeline: documents in, documents out.</summary>
public interface IModule
{
    /// <summary>Transforms the documents of one phase.</summary>
    ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context);
}
