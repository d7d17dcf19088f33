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
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
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
            if (!document.Written)
            {
                toWrite.Add(document);
            }
        }

        // Create each folder once, then write files in parallel with plain synchronous IO, which is cheaper
        // than async IO for many small files.
        foreach (var folder in toWrite.Select(d => Path.GetDirectoryName(Path.Combine(context.OutputRoot, d.Destination!))!).Distinct(StringComparer.Ordinal))
        {
            context.EnsureFolder(folder);
        }

        Parallel.ForEach(toWrite, new ParallelOptions { CancellationToken = context.CancellationToken }, document =>
        {
            WriteOne(Path.Combine(context.OutputRoot, document.Destination!), document, context.OutputIsLive);
        });

        return ValueTask.FromResult(documents);
    }

    private static bool Unchanged(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != bytes.Length)
            {
                return false;
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var existing = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes.Length);
            try
            {
                return RandomAccess.Read(handle, existing.AsSpan(0, bytes.Length), 0) == bytes.Length && existing.AsSpan(0, bytes.Length).SequenceEqual(bytes);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(existing);
            }
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes one new file with as few system calls as .NET allows: no lock (the staging folder is ours alone),
    /// no preallocation, one positioned write (one per 128K characters of a longer page). Per file this is open,
    /// write, close instead of eight calls, which matters with thousands of pages.
    /// </summary>
    /// <param name="path">Where the file goes.</param>
    /// <param name="document">Its bytes, or its text written as UTF-8.</param>
    /// <param name="live">The folder is being served (site serve's in-place rebuilds): the file is written under a
    /// hidden name beside its place and renamed over it, so a request gets the old file or the new one, never an
    /// empty or half-written one.</param>
    internal static void WriteOne(string path, Document document, bool live = false)
    {
        // A build that writes in place (site serve after its first build) leaves a file that already has these
        // bytes alone: the editor's 8 MB bundle is not written again by every rebuild.
        if (document.Bytes is { } same && Unchanged(path, same.Span))
        {
            return;
        }

        if (!live)
        {
            WriteNew(path, document);
            return;
        }

        var part = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.part");
        try
        {
            WriteNew(part, document);
            File.Move(part, path, overwrite: true);
        }
        catch
        {
            File.Delete(part);
            throw;
        }
    }

    private static void WriteNew(string path, Document document)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        if (document.Bytes is { } bytes)
        {
            RandomAccess.Write(handle, bytes.Span, 0);
            return;
        }

        // Text is encoded a slice at a time into one small pooled buffer: a page listing thousands of items (millions
        // of characters) would otherwise need a buffer three times its length, which the pool would then keep.
        var chars = document.Content.AsSpan();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(Math.Min(chars.Length, Slice)));
        try
        {
            var encoder = Utf8NoBom.GetEncoder();
            long offset = 0;
            do
            {
                var take = Math.Min(chars.Length, Slice);
                // A surrogate pair cut by the slice's end waits in the encoder for the next slice.
                encoder.Convert(chars[..take], buffer, flush: take == chars.Length, out var used, out var length, out _);
                RandomAccess.Write(handle, buffer.AsSpan(0, length), offset);
                offset += length;
                chars = chars[used..];
            }
            while (!chars.IsEmpty);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>How many characters are encoded at a time: most pages fit in one slice.</summary>
    private const int Slice = 1 << 17;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static SourceLocation? Locate(Document document) =>
        document.Source is null ? null : SourceLocation.OfFile(document.Source);
}
