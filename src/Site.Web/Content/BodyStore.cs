using Microsoft.Win32.SafeHandles;

namespace Site.Web.Content;

/// <summary>
/// Where a one-off build keeps its items' rendered bodies between the render and the last module that reads
/// them (the page, the feeds, the content API): a file beside the output folder, deleted from its folder as
/// soon as it is opened, so that on Linux and macOS only the open handle knows it and nothing is left behind
/// whatever ends the process (elsewhere, and on network file systems, it is removed when the handle closes).
/// At 10,000 articles the bodies are about 64 MB of UTF-8 that would otherwise stay in memory to the end of the
/// build; the operating system's page cache keeps them close at hand while memory allows.
/// </summary>
public sealed class BodyStore : IDisposable
{
    private readonly SafeFileHandle _handle;
    private long _length;
    private int _failed;

    private BodyStore(SafeFileHandle handle) => _handle = handle;

    /// <summary>
    /// A store in <paramref name="folder"/>, or null where a file cannot be made there (the bodies then stay in
    /// memory, as they do in <c>site serve</c>): keeping bodies out of memory is a saving, never a reason to fail.
    /// </summary>
    public static BodyStore? TryCreate(string folder)
    {
        var path = Path.Combine(folder, $".site-bodies-{Guid.NewGuid():N}");
        SafeFileHandle? handle = null;
        try
        {
            // Delete-on-close as well, in case the file system refuses to remove an open file's name.
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, FileOptions.DeleteOnClose);
            File.Delete(path);
            return new BodyStore(handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }
    }

    /// <summary>Keeps <paramref name="body"/>; safe to call from several threads at once.</summary>
    public StoredBody Put(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Volatile.Read(ref _failed) == 0)
        {
            var offset = Interlocked.Add(ref _length, body.Length) - body.Length;
            try
            {
                RandomAccess.Write(_handle, body, offset);
                return new StoredBody(this, offset, body.Length);
            }
            catch (IOException)
            {
                // A full disk: this body and every later one stay in memory.
                Volatile.Write(ref _failed, 1);
            }
        }

        return new StoredBody(body);
    }

    internal byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = RandomAccess.Read(_handle, bytes.AsSpan(read), offset + read);
            if (count == 0)
            {
                throw new IOException("A rendered body was cut short in the build's body store.");
            }

            read += count;
        }

        return bytes;
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>An item's rendered body as UTF-8: held in memory, or read back from the build's <see cref="BodyStore"/> on each use.</summary>
public sealed class StoredBody
{
    private readonly byte[]? _bytes;
    private readonly BodyStore? _store;
    private readonly long _offset;

    /// <summary>A body kept in memory.</summary>
    public StoredBody(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes = bytes;
        Length = bytes.Length;
    }

    internal StoredBody(BodyStore store, long offset, int length)
    {
        _store = store;
        _offset = offset;
        Length = length;
    }

    /// <summary>The body's length in bytes.</summary>
    public int Length { get; }

    /// <summary>The body's bytes; from a store, a fresh copy on every call, which the caller may keep or drop.</summary>
    public byte[] Bytes() => _bytes ?? _store!.Read(_offset, Length);

    private string? _hash;

    /// <summary>
    /// A hash of the bytes (<see cref="Modules.Html.ComputeFingerprint.Hash"/>), computed on first use and kept: in
    /// <c>site serve</c> an unchanged file's rendered body is the same object from one save to the next, so its
    /// page's key costs no hashing after the first build.
    /// </summary>
    public string Hash => _hash ??= Modules.Html.ComputeFingerprint.Hash(Bytes());
}
