using System.Collections.Immutable;
using System.Text;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;

namespace Site.Engine.Modules;

/// <summary>
/// Writes every document that has a destination under the build's output root. Two documents claiming the
/// same destination is an error naming both sources, since one would silently replace the other.
/// </summary>
public sealed class WriteFiles : IModule
{

    /// <inheritdoc />
    public async ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seen = new Dictionary<string, Document>(StringComparer.Ordinal);
        var toWrite = new List<Document>();
        foreach (var document in documents.Where(d => d.Destination is not null))
        {
            if (!OutputPaths.IsSafeRelative(document.Destination!))
            {
                context.Diagnostics.Error(
                    EngineDiagnosticIds.OutputFailed,
                    Locate(document),
                    $"The output path '{document.Destination}' would leave the output folder.");
                continue;
            }

            if (seen.TryGetValue(document.Destination!, out var first))
            {
                context.Diagnostics.Error(
                    EngineDiagnosticIds.OutputCollision,
                    Locate(document.Source is null ? first : document),
                    $"Two documents would be written to '{document.Destination}': {first.Source ?? "a generated page"} and {document.Source ?? "a generated page"}.",
                    "Give one of them a different slug.");
                continue;
            }

            seen[document.Destination!] = document;
            toWrite.Add(document);
        }

        await Parallel.ForEachAsync(toWrite, context.CancellationToken, async (document, token) =>
        {
            var path = Path.Combine(context.OutputRoot, document.Destination!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (document.Bytes is { } bytes)
            {
                await File.WriteAllBytesAsync(path, bytes.ToArray(), token).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(path, document.Content, Utf8NoBom, token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return documents;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static SourceLocation? Locate(Document document) =>
        document.Source is null ? null : SourceLocation.OfFile(document.Source);
}
