using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;

namespace Site.Engine.Pipelines;

/// <summary>
/// Helper base for modules that treat each document on its own. A failure in one document becomes a
/// diagnostic naming that document's file; the other documents keep going.
/// </summary>
public abstract class PerDocumentModule : IModule
{
    /// <summary>Whether documents may be processed concurrently. Results keep the input order either way.</summary>
    protected virtual bool Parallel => true;

    /// <summary>Processes one document. Return nothing to drop it, or several to split it.</summary>
    protected abstract IEnumerable<Document> Execute(Document document, BuildContext context);

    /// <inheritdoc />
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = new Document[documents.Length][];
        if (Parallel && documents.Length > 1)
        {
            var options = new ParallelOptions { CancellationToken = context.CancellationToken };
            System.Threading.Tasks.Parallel.For(0, documents.Length, options, i =>
            {
                results[i] = Guard(documents[i], context);
                context.Progress?.Advance();
            });
        }
        else
        {
            for (var i = 0; i < documents.Length; i++)
            {
                results[i] = Guard(documents[i], context);
                context.Progress?.Advance();
            }
        }

        return ValueTask.FromResult(results.SelectMany(r => r).ToImmutableArray());
    }

    /// <summary>Runs the module on one document, turning a failure into a diagnostic as the module itself does.</summary>
    internal Document[] Guard(Document document, BuildContext context)
    {
        try
        {
            return [.. Execute(document, context)];
        }
#pragma warning disable CA1031 // The document boundary: any failure is reported against the file and the build goes on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var location = document.Source is null ? null : SourceLocation.OfFile(document.Source);
            context.Diagnostics.Error(
                EngineDiagnosticIds.DocumentFailed,
                location,
                $"{GetType().Name} failed on {document.Source ?? document.Destination ?? "a generated document"}: {ex.Message}");
            return [];
        }
    }
}
