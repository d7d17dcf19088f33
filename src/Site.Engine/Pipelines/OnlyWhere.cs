namespace Site.Engine.Pipelines;

/// <summary>
/// Runs a per-document module only on the documents <paramref name="test"/> accepts; the others pass through
/// unchanged. Inside an <see cref="EachDocument"/> chain it lets a later whole-site module (a filter, say) decide
/// what to drop while the chain still skips work on what it will drop.
/// </summary>
public sealed class OnlyWhere(Func<Document, bool> test, PerDocumentModule inner) : PerDocumentModule, INamedModule
{
    /// <inheritdoc />
    public string Name { get; } = ModuleName.Of(inner);

    /// <inheritdoc />
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test(document) ? inner.Guard(document, context) : [document];
    }
}
