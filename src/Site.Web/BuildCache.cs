using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Web;

/// <summary>
/// What <c>site serve</c> keeps from one build to the next so a save rebuilds only what it changed: each
/// file's parse and Markdown rendering (by its text), each page's render, check, scan and write (by a
/// fingerprint of everything pages are made from), and each content API answer. Production builds never use it.
/// </summary>
public sealed class BuildCache
{
    /// <summary>Front matter and Markdown parsed, per content file.</summary>
    public MemoCache Parsed { get; } = new();

    /// <summary>Markdown rendered to HTML, per content file.</summary>
    public MemoCache Rendered { get; } = new();

    /// <summary>Pages rendered, checked, scanned and written, per page.</summary>
    public MemoCache Pages { get; } = new();

    /// <summary>Content API answers written, per answer: an item's by its rendered document, a list's by the site fingerprint.</summary>
    public MemoCache Answers { get; } = new();

    /// <summary>
    /// Whole-site steps that only add files (the sitemap, Netlify's files), by a key of what they are made from: while
    /// it is unchanged, the step adds the very documents it added last time.
    /// </summary>
    public MemoCache Steps { get; } = new();

    /// <summary>The sitemap, feeds, robots.txt and search index scanned and written, per file, while it is the same document.</summary>
    public MemoCache FeedFiles { get; } = new();

    /// <summary>What the link check found in each file, reused for a page that was not rendered again.</summary>
    public Checks.CheckLinks.Memo Links { get; } = new();

    /// <summary>Whether each address a content API answer links to resolved.</summary>
    public Checks.CheckApiLinks.Memo ApiLinks { get; } = new();

    /// <summary>
    /// Item checks' findings, per content file, reused while the file's rendered document is the very one the last
    /// build checked (its parse and render were reused, so its text and every input were unchanged).
    /// </summary>
    public MemoCache Checked { get; } = new();

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> _identities = [];
    private long _nextIdentity;

    /// <summary>A key that stays the same exactly as long as the object (a document, a parsed item) is the same one.</summary>
    internal string IdentityOf(object document) =>
        _identities.GetValue(document, _ => Interlocked.Increment(ref _nextIdentity).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// True once a build has put the site in the output folder: later builds write there directly, so a page
    /// whose render is reused is already on disk. Until then (and after a failed build) every page is written.
    /// </summary>
    public bool InPlace { get; internal set; }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, string> _textHashes = [];

    /// <summary>
    /// A hash of the document's text, computed once per document object: a file the watcher did not report is the
    /// same document at the next save (and so is its parse, when reused), so its text is not hashed again.
    /// </summary>
    internal string TextHash(Document document) =>
        _textHashes.GetValue(document, d => Modules.Html.ComputeFingerprint.Hash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Content.AsSpan())));

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, string> _itemFingerprints = [];

    /// <summary>An item's part of the site fingerprint, computed once per document object.</summary>
    internal string ItemFingerprint(Document item, System.Runtime.CompilerServices.ConditionalWeakTable<Document, string>.CreateValueCallback compute) =>
        _itemFingerprints.GetValue(item, compute);

    /// <summary>Search-index entries by document: an unchanged file's document is not stemmed again.</summary>
    public System.Runtime.CompilerServices.ConditionalWeakTable<Engine.Document, object> SearchEntries { get; } = [];

    internal IEnumerable<MemoCache> All => [Parsed, Rendered, Pages, Answers, Checked, Steps, FeedFiles];

    /// <summary>
    /// Forgets every result that stands for a file already in the output folder (pages, API answers): after a
    /// failed build, or when the next build writes into a new staging folder, each of them is written again.
    /// </summary>
    internal void ForgetWritten()
    {
        Pages.Clear();
        Answers.Clear();
        FeedFiles.Clear();
        Written = null;
    }

    /// <summary>
    /// The output paths the last successful build wrote, or null when not known (before the first build, after a
    /// failed one): an in-place build then lists the output folder to find what it must remove.
    /// </summary>
    internal HashSet<string>? Written { get; set; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Document> _read = new(StringComparer.Ordinal);
    private IReadOnlyCollection<string>? _changed;

    /// <summary>
    /// Tells the next build which files changed since the last one (full paths, as the file watcher reported
    /// them; a folder stands for everything in it). Null, the default, means "not known": every file is read.
    /// </summary>
    public void ChangedSinceLastBuild(IReadOnlyCollection<string>? paths) => _changed = paths;

    /// <summary>The document read for <paramref name="path"/> last time, if the file is known not to have changed.</summary>
    internal Document? Unchanged(string path)
    {
        var changed = _changed;
        if (changed is null || !_read.TryGetValue(path, out var document))
        {
            return null;
        }

        foreach (var c in changed)
        {
            if (path == c || path.StartsWith(c + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return document;
    }

    internal void Remember(string path, Document document) => _read[path] = document;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _listed = new(StringComparer.Ordinal);

    /// <summary>The content files of one folder that gave this build a document (read again or kept).</summary>
    internal void Listed(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _listed.TryAdd(path, 0);
        }
    }

    /// <summary>After a build: the change list is used up, and files the build no longer found are forgotten.</summary>
    internal void EndReading()
    {
        _changed = null;
        foreach (var path in _read.Keys.Where(p => !_listed.ContainsKey(p)).ToList())
        {
            _read.TryRemove(path, out _);
        }

        _listed.Clear();
    }
}
