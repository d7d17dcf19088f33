using System.Collections.Immutable;

namespace Site.Engine.Pipelines;

/// <summary>Checks a set of pipelines before anything runs.</summary>
public static class PipelineGraph
{
    /// <summary>
    /// Returns every problem with the graph: duplicate names, unknown dependencies and cycles, each naming
    /// the pipelines involved. Empty when the graph can run.
    /// </summary>
    public static ImmutableArray<string> Validate(IReadOnlyList<Pipeline> pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var problems = ImmutableArray.CreateBuilder<string>();
        var byName = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!byName.TryAdd(pipeline.Name, pipeline))
            {
                problems.Add($"Two pipelines are named '{pipeline.Name}'.");
            }
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !byName.ContainsKey(d)))
            {
                problems.Add($"Pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist.");
            }
        }

        // Depth-first search; a grey node met again closes a cycle, reported once with its path.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            Visit(pipeline.Name);
        }

        return problems.ToImmutable();

        void Visit(string name)
        {
            if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var pipeline))
            {
                return;
            }

            if (state.GetValueOrDefault(name) == 1)
            {
                var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
                var key = string.Join(">", cycle.Skip(1).Order(StringComparer.Ordinal));
                if (reported.Add(key))
                {
                    problems.Add($"Pipelines depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
                }

                return;
            }

            state[name] = 1;
            path.Add(name);
            foreach (var dependency in pipeline.Dependencies)
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
    }
}
