using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;

namespace Site.Engine.Pipelines;

/// <summary>
/// What a per-document module produced for each document in earlier builds of one long-running process
/// (<c>site serve</c>), keyed by the document's identity and a fingerprint of everything the result depends
/// on. Entries a build does not use are dropped when it ends, so the cache never outgrows the site.
/// </summary>
public sealed class MemoCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _generation;
    private int _hits;
    private int _misses;

    /// <summary>Results reused in the current build.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Results computed in the current build.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>How many documents have a stored result.</summary>
    public int Count => _entries.Count;

    /// <summary>Starts a build: counts from zero and marks every entry unused.</summary>
    public void BeginBuild()
    {
        Interlocked.Increment(ref _generation);
        _hits = 0;
        _misses = 0;
    }

    /// <summary>Ends a build: forgets every entry this build did not use.</summary>
    public void EndBuild()
    {
        var generation = Volatile.Read(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (entry.Generation != generation)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Forgets everything, so the next build computes every result again.</summary>
    public void Clear() => _entries.Clear();

    internal bool TryGet(string identity, string fingerprint, out Entry entry)
    {
        if (_entries.TryGetValue(identity, out var found) && string.Equals(found.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            // Marked used in place: a hit allocates nothing (10,000 of them at each save of a large site).
            found.Generation = Volatile.Read(ref _generation);
            entry = found;
            Interlocked.Increment(ref _hits);
            return true;
        }

        entry = null!;
        return false;
    }

    internal void Set(string identity, string fingerprint, Document[] documents, ImmutableArray<Diagnostic> diagnostics)
    {
        _entries[identity] = new Entry(fingerprint, documents, diagnostics, Volatile.Read(ref _generation));
        Interlocked.Increment(ref _misses);
    }

    internal sealed class Entry(string fingerprint, Document[] documents, ImmutableArray<Diagnostic> diagnostics, int generation)
    {
        public string Fingerprint { get; } = fingerprint;

        public Document[] Documents { get; } = documents;

        public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

        /// <summary>The last build that used it.</summary>
        public int Generation
        {
            get => Volatile.Read(ref _generation);
            set => Volatile.Write(ref _generation, value);
        }

        private int _generation = generation;
    }
}

/// <summary>
/// Runs a per-document module only for documents whose fingerprint changed since the last build, and
/// otherwise returns what it produced then, reporting again the diagnostics it reported then, so a
/// warning does not disappear because its file was not re-read. A null fingerprint means "always run".
/// </summary>
/// <param name="inner">The module whose results are reused.</param>
/// <param name="cache">Results of earlier builds.</param>
/// <param name="fingerprint">Everything the module's result for a document depends on, as text.</param>
public sealed class Memoized(PerDocumentModule inner, MemoCache cache, Func<Document, BuildContext, string?> fingerprint) : PerDocumentModule, INamedModule
{
    /// <inheritdoc />
    public string Name { get; } = ModuleName.Of(inner);

    /// <inheritdoc />
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var identity = document.Source ?? document.Destination;
        var key = identity is null ? null : fingerprint(document, context);
        if (identity is null || key is null)
        {
            return inner.Guard(document, context);
        }

        if (cache.TryGet(identity, key, out var stored))
        {
            foreach (var diagnostic in stored.Diagnostics)
            {
                context.Diagnostics.Add(diagnostic);
            }

            return stored.Documents;
        }

        var own = new DiagnosticBag();
        var result = inner.Guard(document, context.ReportingTo(own));
        var reported = own.Sorted();
        foreach (var diagnostic in reported)
        {
            context.Diagnostics.Add(diagnostic);
        }

        cache.Set(identity, key, result, reported);
        return result;
    }
}

/// <summary>
/// Runs a whole-site module that only adds documents (a sitemap, Netlify's files) only when its key changed
/// since the last build; otherwise adds again the documents it added then, the very same objects, and reports
/// again what it reported then. A null key means "always run". The documents it is given pass through either way.
/// </summary>
/// <param name="inner">The module whose additions are reused.</param>
/// <param name="cache">Results of earlier builds, under the module's name.</param>
/// <param name="key">Everything the module's additions depend on, as text.</param>
public sealed class MemoizedStep(IModule inner, MemoCache cache, Func<BuildContext, string?> key) : IModule, INamedModule
{
    /// <inheritdoc />
    public string Name { get; } = ModuleName.Of(inner);

    /// <inheritdoc />
    public async ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fingerprint = key(context);
        if (fingerprint is not null && cache.TryGet(Name, fingerprint, out var stored))
        {
            foreach (var diagnostic in stored.Diagnostics)
            {
                context.Diagnostics.Add(diagnostic);
            }

            return documents.AddRange(stored.Documents);
        }

        var own = new DiagnosticBag();
        var result = await inner.ExecuteAsync(documents, context.ReportingTo(own)).ConfigureAwait(false);
        var reported = own.Sorted();
        foreach (var diagnostic in reported)
        {
            context.Diagnostics.Add(diagnostic);
        }

        // Kept only when the module did what this class is for: returned what it was given, then its own.
        if (fingerprint is not null && result.Length >= documents.Length && documents.Select((d, i) => ReferenceEquals(d, result[i])).All(same => same))
        {
            cache.Set(Name, fingerprint, [.. result.Skip(documents.Length)], reported);
        }

        return result;
    }
}
