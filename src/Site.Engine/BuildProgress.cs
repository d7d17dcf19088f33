namespace Site.Engine;

/// <summary>
/// How far a build has got, for a progress line: the step that started last among those with many documents,
/// and how many of its documents are done. Written by the engine from many threads, read by a timer.
/// </summary>
public sealed class BuildProgress
{
    /// <summary>Steps with fewer documents than this are too quick to be worth showing.</summary>
    public const int MinimumShown = 50;

    private string _step = "reading the model and theme";
    private int _done;
    private int _total;

    /// <summary>The pipeline and module, such as "html: RenderPages".</summary>
    public string Step => Volatile.Read(ref _step);

    /// <summary>Documents of the step that are done.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Documents the step has in all.</summary>
    public int Total => Volatile.Read(ref _total);

    internal void Begin(string step, int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _step, step);
    }

    internal void Advance() => Interlocked.Increment(ref _done);
}
