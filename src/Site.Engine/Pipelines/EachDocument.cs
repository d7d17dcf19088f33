using System.Collections.Immutable;

namespace Site.Engine.Pipelines;

/// <summary>
/// Runs several per-document modules as one pass: each document goes through all of them before the next
/// module sees any other document. The result is the same as running them one after another, but what a
/// module produces and the next one consumes (a rendered page before it is scanned and written) exists for
/// a few documents at a time instead of for the whole site at once.
/// </summary>
public sealed class EachDocument : PerDocumentModule, INamedModule
{
    private readonly ImmutableArray<PerDocumentModule> _modules;

    /// <summary>Chains <paramref name="modules"/> in the order given.</summary>
    public EachDocument(params PerDocumentModule[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = [.. modules];
        Name = string.Join('+', _modules.Select(ModuleName.Of));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        Document[] current = [document];
        foreach (var module in _modules)
        {
            current = current.Length == 1 ? module.Guard(current[0], context) : [.. current.SelectMany(d => module.Guard(d, context))];
        }

        return current;
    }
}

/// <summary>A module that names itself in timings and messages (for modules made of other modules).</summary>
public interface INamedModule
{
    /// <summary>The name shown in timings and messages.</summary>
    string Name { get; }
}

/// <summary>The name a module goes by in timings and messages.</summary>
public static class ModuleName
{
    /// <summary>Its own name if it gives one (<see cref="INamedModule"/>), else its type's.</summary>
    public static string Of(IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module is INamedModule named ? named.Name : module.GetType().Name;
    }
}
