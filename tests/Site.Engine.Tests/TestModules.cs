using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

/// <summary>Records when each pipeline's phase ran, then passes documents through.</summary>
internal sealed class Record(ConcurrentQueue<string> log, string label) : IModule
{
    public async ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        log.Enqueue($"{context.Pipeline.Name}:{context.Phase}:start:{label}");
        await Task.Delay(5);
        log.Enqueue($"{context.Pipeline.Name}:{context.Phase}:end:{label}");
        return documents;
    }
}

/// <summary>Produces documents named after the pipeline.</summary>
internal sealed class Produce(params string[] names) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context) =>
        ValueTask.FromResult(documents.AddRange(names.Select(n => new Document($"input/{n}.md", null, n))));
}

/// <summary>Reads a dependency's documents and appends them.</summary>
internal sealed class ReadFrom(string pipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context) =>
        ValueTask.FromResult(documents.AddRange(context.DocumentsOf(pipeline)));
}

/// <summary>Upper-cases content in parallel with random delays; throws for documents whose content is "boom".</summary>
internal sealed class Shout : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        Thread.Sleep(Random.Shared.Next(0, 4));
        if (document.Content == "boom")
        {
            throw new InvalidOperationException("the document exploded");
        }

        yield return document with { Content = document.Content.ToUpperInvariant() };
    }
}

/// <summary>Replaces the pipeline's documents with the given ones.</summary>
internal sealed class Given(ImmutableArray<Document> documents) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> input, BuildContext context) => ValueTask.FromResult(documents);
}
