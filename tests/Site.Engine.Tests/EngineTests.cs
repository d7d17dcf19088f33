using System.Collections.Concurrent;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

public class EngineTests
{
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "engine-tests-unused");

    [Fact]
    public async Task Phases_run_in_order_and_dependencies_finish_Process_first()
    {
        var log = new ConcurrentQueue<string>();
        Pipeline Make(string name, params string[] deps) => new(name)
        {
            Dependencies = [.. deps],
            Input = [new Record(log, "i")],
            Process = [new Record(log, "p")],
            PostProcess = [new Record(log, "pp")],
            Output = [new Record(log, "o")],
        };

        await new Engine([Make("content"), Make("html", "content"), Make("assets")]).RunAsync(new DiagnosticBag(), Nowhere);
        var events = log.ToList();
        int At(string e) => events.IndexOf(e);

        Assert.True(At("content:Input:end:i") < At("content:Process:start:p"));
        Assert.True(At("content:Process:end:p") < At("html:Input:start:i"));
        var lastProcess = events.FindLastIndex(e => e.Contains(":Process:", StringComparison.Ordinal));
        var firstPost = events.FindIndex(e => e.Contains(":PostProcess:", StringComparison.Ordinal));
        var lastPost = events.FindLastIndex(e => e.Contains(":PostProcess:", StringComparison.Ordinal));
        var firstOutput = events.FindIndex(e => e.Contains(":Output:", StringComparison.Ordinal));
        Assert.True(lastProcess < firstPost);
        Assert.True(lastPost < firstOutput);
        Assert.Equal(24, events.Count);
    }

    [Fact]
    public async Task Independent_pipelines_run_concurrently()
    {
        var log = new ConcurrentQueue<string>();
        var pipelines = Enumerable.Range(0, 4).Select(i => new Pipeline($"p{i}") { Process = [new Record(log, "p"), new Record(log, "q")] });
        await new Engine(pipelines).RunAsync(new DiagnosticBag(), Nowhere);
        var events = log.ToList();

        // Had they run one after another, every pipeline would end before the next one starts.
        var firstEnd = events.FindIndex(e => e.Contains(":end:q", StringComparison.Ordinal));
        var starts = events.Take(firstEnd).Count(e => e.Contains(":start:p", StringComparison.Ordinal));
        Assert.True(starts > 1, string.Join(", ", events));
    }

    [Fact]
    public async Task A_failing_document_becomes_a_diagnostic_and_the_others_keep_building()
    {
        var diagnostics = new DiagnosticBag();
        var pipeline = new Pipeline("articles") { Input = [new Produce("a", "boom", "c")], Process = [new Shout()] };
        var result = await new Engine([pipeline]).RunAsync(diagnostics, Nowhere);

        var documents = result.Documents.Single().Value;
        Assert.Equal(["A", "C"], documents.Select(d => d.Content));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(EngineDiagnosticIds.DocumentFailed, error.Id);
        Assert.Equal("input/boom.md", error.Location?.File);
        Assert.Contains("the document exploded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_modules_keep_document_order_and_runs_are_identical()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"doc{i:D3}").ToArray();
        async Task<string[]> Run()
        {
            var pipeline = new Pipeline("many") { Input = [new Produce(names)], Process = [new Shout()] };
            var result = await new Engine([pipeline, new Pipeline("other") { Input = [new Produce("x")] }]).RunAsync(new DiagnosticBag(), Nowhere);
            return [.. result.Documents.SelectMany(p => p.Value).Select(d => d.Content)];
        }

        var first = await Run();
        var second = await Run();
        Assert.Equal([.. names.Select(n => n.ToUpperInvariant()), "x"], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Process_may_read_declared_dependencies_only()
    {
        var diagnostics = new DiagnosticBag();
        var result = await new Engine(
        [
            new Pipeline("content") { Input = [new Produce("a")] },
            new Pipeline("declared") { Dependencies = ["content"], Process = [new ReadFrom("content")] },
            new Pipeline("sneaky") { Process = [new ReadFrom("content")] },
        ]).RunAsync(diagnostics, Nowhere);

        Assert.Single(result.Documents.Single(p => p.Key == "declared").Value);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(EngineDiagnosticIds.ModuleFailed, error.Id);
        Assert.Contains("'sneaky'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not declare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostProcess_sees_every_pipeline()
    {
        var result = await new Engine(
        [
            new Pipeline("a") { Input = [new Produce("a1")] },
            new Pipeline("b") { Input = [new Produce("b1", "b2")] },
            new Pipeline("all") { PostProcess = [new Modules.CollectAll()] },
        ]).RunAsync(new DiagnosticBag(), Nowhere);

        Assert.Equal(["a1", "b1", "b2"], result.Documents.Single(p => p.Key == "all").Value.Select(d => d.Content));
    }
}
