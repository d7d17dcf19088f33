using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

/// <summary>Values shared through the build context with typed keys, and documents read without naming pipelines.</summary>
public class BuildValueTests
{
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "engine-tests-unused");
    private static readonly BuildKey<string> Greeting = new("the greeting");
    private static readonly MetadataKey<int> Count = new("count");

    private sealed class Publish(string value) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
        {
            context.Publish(Greeting, value);
            return ValueTask.FromResult(documents);
        }
    }

    private sealed class Read(ConcurrentQueue<string> seen) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
        {
            seen.Enqueue(context.Get(Greeting));
            seen.Enqueue(string.Join(",", context.DependencyDocuments().Select(d => d.Content)));
            return ValueTask.FromResult(documents);
        }
    }

    [Fact]
    public async Task A_value_published_by_a_dependency_is_read_by_its_dependents_with_their_documents()
    {
        var seen = new ConcurrentQueue<string>();
        var diagnostics = new DiagnosticBag();
        await new Engine([
            new Pipeline("index") { Process = [new Produce("a"), new Publish("hello")] },
            new Pipeline("other") { Process = [new Produce("b")] },
            new Pipeline("pages") { Dependencies = ["other", "index"], Process = [new Read(seen)] },
        ]).RunAsync(diagnostics, Nowhere);
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(["hello", "b,a"], seen);
    }

    [Fact]
    public async Task Reading_a_value_nobody_published_names_the_pipeline_and_the_value()
    {
        var diagnostics = new DiagnosticBag();
        await new Engine([new Pipeline("pages") { Process = [new Read(new ConcurrentQueue<string>())] }]).RunAsync(diagnostics, Nowhere);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Contains("'pages' reads 'the greeting', which no module has published yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_published_twice_is_an_error()
    {
        var diagnostics = new DiagnosticBag();
        await new Engine([new Pipeline("a") { Process = [new Publish("one"), new Publish("two")] }]).RunAsync(diagnostics, Nowhere);
        Assert.Contains("published twice", Assert.Single(diagnostics.Sorted()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_keys_carry_their_type()
    {
        var document = new Document("a.md", null, "").With(Count, 3);
        Assert.Equal(3, document.Get(Count));
        Assert.True(document.Has(Count));
        Assert.Equal(0, document.Without(Count).Get(Count));
        Assert.False(document.Without(Count).Has(Count));
    }
}
