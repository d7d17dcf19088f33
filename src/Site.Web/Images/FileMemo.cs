using System.Collections.Concurrent;

namespace Site.Web.Images;

/// <summary>
/// Something worked out from a file's bytes (a photo's size, its hash), remembered for the life of the process
/// while the file's length and modification time stay the same. <c>site serve</c> builds again on every save,
/// and reading 50 photos' 120 MB each time more than doubled the wait after a save.
/// </summary>
public sealed class FileMemo<T>
{
    private readonly ConcurrentDictionary<string, (long Length, long Ticks, T Value)> _known = new(StringComparer.Ordinal);

    public T Get(string file, Func<string, T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var info = new FileInfo(file);
        var (length, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
        if (_known.TryGetValue(file, out var known) && known.Length == length && known.Ticks == ticks)
        {
            return known.Value;
        }

        var value = compute(file);
        _known[file] = (length, ticks, value);
        return value;
    }
}
