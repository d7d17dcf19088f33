using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

public class PipelineGraphTests
{
    [Fact]
    public void A_valid_graph_has_no_problems()
    {
        var problems = PipelineGraph.Validate([new Pipeline("a"), new Pipeline("b") { Dependencies = ["a"] }]);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_unknown_dependency_is_named()
    {
        var problem = Assert.Single(PipelineGraph.Validate([new Pipeline("html") { Dependencies = ["artcles"] }]));
        Assert.Contains("'html'", problem, StringComparison.Ordinal);
        Assert.Contains("'artcles'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_reported_once_with_its_path()
    {
        var problems = PipelineGraph.Validate(
        [
            new Pipeline("a") { Dependencies = ["c"] },
            new Pipeline("b") { Dependencies = ["a"] },
            new Pipeline("c") { Dependencies = ["b"] },
        ]);
        var problem = Assert.Single(problems);
        Assert.Contains("a -> c -> b -> a", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_depending_on_itself_is_a_cycle()
    {
        var problem = Assert.Single(PipelineGraph.Validate([new Pipeline("a") { Dependencies = ["a"] }]));
        Assert.Contains("a -> a", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_reported()
    {
        var problem = Assert.Single(PipelineGraph.Validate([new Pipeline("a"), new Pipeline("a")]));
        Assert.Contains("'a'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_refuses_an_invalid_graph_before_running_anything()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Engine([new Pipeline("x") { Dependencies = ["y"] }]));
        Assert.Contains("'y'", ex.Message, StringComparison.Ordinal);
    }
}
