using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Site.Engine.Diagnostics;
using Site.Web;

namespace Site.Cli.Serve;

/// <summary>How the development server behaves.</summary>
/// <param name="Port">Port on 127.0.0.1.</param>
/// <param name="LiveReload">Add the reload script to pages and rebuild when files change.</param>
/// <param name="Headers">Headers added to every response; when null, the ones netlify.toml sets for "/*".</param>
public sealed record ServeOptions(int Port, bool LiveReload = true, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Print each rebuild's phase and module times (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>The build to run on each save: <see cref="SiteBuilder.BuildAsync"/> unless a test shows what a crashing one does.</summary>
    public Func<BuildOptions, CancellationToken, Task<BuildResult>> Build { get; init; } = SiteBuilder.BuildAsync;
}

/// <summary>The port asked for is taken by another program.</summary>
public sealed class PortInUseException(int port, Exception inner)
    : IOException($"Port {port} on 127.0.0.1 is already in use (is another 'site serve' running?). Stop that program, or choose another port with --port.", inner)
{
    public int Port { get; } = port;
}

/// <summary>
/// <c>site serve</c>: builds the site into a private folder, serves it on 127.0.0.1 with Kestrel and Netlify's
/// rules (clean URLs, the 404 page, the generated redirects, production's headers including the CSP),
/// rebuilds when a file under input/ or theme/ changes, and tells open pages to reload. While the last build
/// failed, every page shows what to fix. Files are found through the framework's
/// <see cref="PhysicalFileProvider"/>, and one whose real path leaves the served folder is not served.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    // Long enough to join one save's events (write, rename, touch arrive within a few milliseconds), short
    // enough not to add noticeably to the time from save to reload.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(25);

    // How often a folder that disappeared (input/ deleted, a branch switched) is looked for again.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(500);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new(new Dictionary<string, string>(new FileExtensionContentTypeProvider().Mappings, StringComparer.OrdinalIgnoreCase)
    {
        [".yml"] = "text/yaml", // the editor's config.yml, which Decap CMS expects as YAML
    });
    private readonly BuildOptions _options;
    private readonly ServeOptions _serve;
    private readonly TextWriter _log;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly LocalBackend _backend;
    private readonly EntryPreview _preview;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly ConcurrentDictionary<int, Channel> _clients = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private WebApplication? _app;
    private ImmutableArray<Diagnostic> _errors = [];
    private IReadOnlyList<RedirectRule> _redirects = [];
    private IReadOnlyList<HeaderRule> _pathHeaders = [];
    private Timer? _debounce;
    private Timer? _folders;
    private bool _missing;
    private int _nextClient;
    private int _generation;

    // Files reported changed since the last build started; unknown after a watcher overflow or a failed
    // build, in which case the next build reads every file again.
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private bool _changesUnknown = true;

    public DevServer(BuildOptions options, ServeOptions serve, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serve);
        // Builds of one session share a cache, so a save re-renders only the pages it changes.
        // Absolute addresses (the content API, feeds, canonical links) point at this server unless --base-url says
        // otherwise, so a front end developed against it follows links to the local copy.
        Port = serve.Port;
        _options = options with { Cache = options.Cache ?? new BuildCache(), BaseUrl = options.BaseUrl ?? $"http://127.0.0.1:{serve.Port}" };
        _serve = serve;
        _log = TextWriter.Synchronized(log);
        _backend = new LocalBackend(Path.GetDirectoryName(Path.GetFullPath(options.Input)) ?? ".", options.Input, Saved);
        _preview = new EntryPreview(_options, _backend, Port);
        _headers = serve.Headers ?? ProductionHeaders.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Input)) ?? ".", "netlify.toml"), _log);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>How many builds have finished, successful or not.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Builds once, then listens. Throws <see cref="PortInUseException"/> when the port is taken.</summary>
    public async Task StartAsync()
    {
        // Watch before the first build reads anything, so no save can fall between reading and watching.
        Watch();
        await RebuildAsync().ConfigureAwait(false);
        if (_serve.LiveReload)
        {
            _folders = new Timer(_ => CheckFolders(), null, Recheck, Recheck);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, Port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new PortInUseException(Port, ex);
        }

        _app = app;
    }

    /// <summary>Runs until cancelled (Ctrl+C), then stops cleanly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync().ConfigureAwait(false);
        await _log.WriteLineAsync($"Serving {Url} (drafts and future articles included). Press Ctrl+C to stop.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _log.WriteLineAsync("Stopped.").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Watches input/ and theme/. A folder that is missing, or whose watcher fails (it was deleted), is looked
    /// for again every half second, and watched afresh and rebuilt once it is back.
    /// </summary>
    private void Watch()
    {
        if (!_serve.LiveReload)
        {
            return;
        }

        lock (_watchers)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            foreach (var folder in new[] { _options.Input, _options.Theme }.Select(Path.GetFullPath))
            {
                if (!Directory.Exists(folder))
                {
                    Volatile.Write(ref _missing, true);
                    continue;
                }

                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
                watcher.Changed += Touched;
                watcher.Created += Touched;
                watcher.Deleted += Touched;
                watcher.Renamed += Touched;
                watcher.Error += (_, _) =>
                {
                    // An overflow or a watch that died: read everything next time, and watch afresh.
                    Volatile.Write(ref _changesUnknown, true);
                    _preview.Unknown();
                    Volatile.Write(ref _missing, true);
                };
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }
    }

    /// <summary>
    /// Every half second: a watched folder that went missing (deleted, moved away, a branch switched) is rebuilt
    /// as an error page at once, and when it is back it is watched afresh and everything is read again.
    /// </summary>
    private void CheckFolders()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        var missing = !Directory.Exists(_options.Input) || !Directory.Exists(_options.Theme);
        if (missing == Volatile.Read(ref _missing))
        {
            return;
        }

        Volatile.Write(ref _missing, missing);
        Volatile.Write(ref _changesUnknown, true);
        _preview.Unknown();
        if (!missing)
        {
            Watch();
        }

        _ = RebuildAsync();
    }

    /// <summary>A file the editor saved or deleted: rebuilt at once, whether or not files are watched.</summary>
    private void Saved(string file)
    {
        _changed[file] = 0;
        _preview.Touched(file);
        var timer = new Timer(_ => _ = RebuildAsync(), null, Quiet, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _debounce, timer)?.Dispose();
    }

    private void Touched(object sender, FileSystemEventArgs e)
    {
        _changed[e.FullPath] = 0;
        _preview.Touched(e.FullPath);
        if (e is RenamedEventArgs renamed)
        {
            _changed[renamed.OldFullPath] = 0;
            _preview.Touched(renamed.OldFullPath);
        }

        // The watched folder itself went away: its watcher sees nothing more; CheckFolders watches it afresh.
        if (e.ChangeType == WatcherChangeTypes.Deleted && !Directory.Exists(((FileSystemWatcher)sender).Path))
        {
            Volatile.Write(ref _missing, true);
        }

        // Editors save in bursts (temp file, rename, touch): rebuild once the burst is over.
        var timer = new Timer(_ => _ = RebuildAsync(), null, Quiet, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _debounce, timer)?.Dispose();
    }

    private async Task RebuildAsync()
    {
        try
        {
            await _building.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var (collectionsBefore, pausedBefore) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        try
        {
            var clock = Stopwatch.StartNew();
            var changed = _changed.Keys.ToList();
            foreach (var path in changed)
            {
                _changed.TryRemove(path, out _);
            }

            _options.Cache!.ChangedSinceLastBuild(Interlocked.Exchange(ref _changesUnknown, false) ? null : changed);
            var result = await _serve.Build(_options, _stop.Token).ConfigureAwait(false);
            _errors = [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];
            var redirects = Path.Combine(_options.Output, "_redirects");
            _redirects = _errors.IsEmpty && File.Exists(redirects) ? NetlifyRedirects.Parse(await File.ReadAllTextAsync(redirects).ConfigureAwait(false)) : _redirects;
            var headers = Path.Combine(_options.Output, "_headers");
            _pathHeaders = _errors.IsEmpty && File.Exists(headers) ? NetlifyHeaders.Parse(await File.ReadAllTextAsync(headers).ConfigureAwait(false)) : _pathHeaders;
            foreach (var error in _errors)
            {
                await _log.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            if (_serve.Verbose)
            {
                foreach (var (phase, time) in result.Timings)
                {
                    await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {phase,-44} {time.TotalMilliseconds,8:F0} ms")).ConfigureAwait(false);
                }

                await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / (1 << 20)} MB; {GC.CollectionCount(0) - collectionsBefore} collection(s), paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms")).ConfigureAwait(false);
            }

            var pages = _options.Cache!.Pages;
            await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(_errors.IsEmpty ? "Rebuilt" : "Build failed")} in {clock.Elapsed.TotalMilliseconds:F0} ms ({pages.Misses} of {pages.Misses + pages.Hits} pages rendered).")).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The server must survive any build failure, show it in the browser and log it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _changesUnknown, true);
            _errors = [new Diagnostic("SITE0002", Severity.Error, null, $"The build stopped with an internal error ({ex.GetType().Name}): {ex.Message}")];
            await _log.WriteLineAsync($"The build stopped with an internal error ({ex.GetType().Name}): {ex.Message}{(Environment.GetEnvironmentVariable("SITE_TRACE") == "1" ? "\n" + ex : "")}").ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _generation);
            _building.Release();
        }

        foreach (var client in _clients.Values)
        {
            client.Send("reload", Generation.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;

        // The editor's local backend keeps working while the build fails: the editor is how the failure is fixed.
        if (request.Path.Value == Site.Web.Admin.EditorConfig.LocalBackendPath)
        {
            await _backend.HandleAsync(context, Port).ConfigureAwait(false);
            return;
        }

        if (request.Path.Value == EntryPreview.RequestPath)
        {
            await _preview.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await WriteAsync(context, 405, "text/plain; charset=utf-8", "Only GET and HEAD are served."u8.ToArray()).ConfigureAwait(false);
            return;
        }

        // Kestrel leaves %2F encoded in the path; decode it too, then refuse anything a browser never sends:
        // control characters (%00), backslashes, '..' segments, and a leading '//' (which a redirect would turn
        // into another host).
        var path = (request.PathBase + request.Path).Value is { Length: > 0 } value ? value : "/";
        path = path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%2E", ".", StringComparison.OrdinalIgnoreCase);
        if (path.Any(char.IsControl) || path.Contains('\\', StringComparison.Ordinal) || path.Contains('%', StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal)
            || path.Split('/').Any(segment => segment is "." or ".."))
        {
            await WriteAsync(context, 400, "text/plain; charset=utf-8", "Bad request: the address is not a path on this site."u8.ToArray()).ConfigureAwait(false);
            return;
        }

        switch (path)
        {
            case LiveReload.ScriptPath:
                await WriteAsync(context, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Script)).ConfigureAwait(false);
                return;
            case LiveReload.StylePath:
                await WriteAsync(context, 200, "text/css; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Style)).ConfigureAwait(false);
                return;
            case LiveReload.EventsPath:
                await StreamEventsAsync(context).ConfigureAwait(false);
                return;
        }

        if (path.StartsWith(EntryPreview.PagesPath + "/", StringComparison.Ordinal))
        {
            await ServePreviewAsync(context, path[EntryPreview.PagesPath.Length..]).ConfigureAwait(false);
            return;
        }

        if (!_errors.IsEmpty)
        {
            await WriteAsync(context, 500, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Overlay(_errors))).ConfigureAwait(false);
            return;
        }

        if (NetlifyRedirects.Match(_redirects, path) is { } rule)
        {
            Redirect(context, rule.Status, rule.To);
            return;
        }

        var (status, file, redirect) = Resolve(path);
        if (status == 404 && path.StartsWith("/assets/", StringComparison.Ordinal) && Resolve(_options.Input, path) is (200, { } uploaded, null))
        {
            // A picture the editor uploaded a moment ago (input/assets/ is published as /assets/), asked for by the
            // editor's form or its preview before the rebuild that publishes it has finished.
            (status, file) = (200, uploaded);
        }
        else if (status == 404 && path.StartsWith("/_assets/images/", StringComparison.Ordinal) && Resolve(_preview.Output, path) is (200, { } resized, null))
        {
            // A resized copy of such a picture, made by the editor's preview build and asked for by the preview's
            // page before the site's own rebuild has published it. Its name holds a hash of the photo's bytes and
            // of the encoder's settings, so it is the file that rebuild publishes; nothing else of the preview is.
            (status, file) = (200, resized);
        }

        if (redirect is not null)
        {
            Redirect(context, 301, redirect);
            return;
        }

        if (file is null)
        {
            await WriteAsync(context, 404, "text/plain; charset=utf-8", "Not found."u8.ToArray()).ConfigureAwait(false);
            return;
        }

        try
        {
            var type = ContentType(file.Name);
            // The editor is never reloaded by a rebuild: its own saves cause them, and a reload would drop what is
            // being typed.
            if (_serve.LiveReload && type.StartsWith("text/html", StringComparison.Ordinal) && !path.StartsWith("/" + Site.Web.Modules.Admin.EmitEditor.Folder + "/", StringComparison.Ordinal))
            {
                var html = await File.ReadAllTextAsync(file.PhysicalPath!, context.RequestAborted).ConfigureAwait(false);
                await WriteAsync(context, status, type, Encoding.UTF8.GetBytes(LiveReload.Inject(html))).ConfigureAwait(false);
                return;
            }

            Prepare(response, status, type);
            response.ContentLength = file.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The browser went away, or the file was replaced by a rebuild as it was read; it will ask again.
        }
    }

    /// <summary>
    /// Netlify's pretty URLs: /a/ serves a/index.html, /a serves a or a.html or redirects to /a/; anything else is
    /// the 404 page. Files come from a <see cref="PhysicalFileProvider"/> over the served folder (which refuses
    /// paths that climb out of it), and a file whose real path, symbolic links resolved, is elsewhere is not served.
    /// </summary>
    private (int Status, IFileInfo? File, string? Redirect) Resolve(string path) => Resolve(_options.Output, path);

    private static (int Status, IFileInfo? File, string? Redirect) Resolve(string folder, string path)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            return (404, null, null);
        }

        using var files = new PhysicalFileProvider(root);
        IFileInfo? Existing(string relative)
        {
            var info = files.GetFileInfo(relative);
            return info is { Exists: true, IsDirectory: false, PhysicalPath: { } physical } && Site.Web.SourceFiles.IsInside(physical, root) ? info : null;
        }

        if (path.EndsWith('/'))
        {
            if (Existing(path + "index.html") is { } index)
            {
                return (200, index, null);
            }
        }
        else if ((Existing(path) ?? Existing(path + ".html")) is { } page)
        {
            return (200, page, null);
        }
        else if (Existing(path + "/index.html") is not null)
        {
            return (301, null, path + "/");
        }

        return (404, Existing("/404.html"), null);
    }

    /// <summary>
    /// A page of the editor's preview, framed by the editor: the site's strict policy, except that the editor's
    /// own pages may frame it; never indexed.
    /// </summary>
    private async Task ServePreviewAsync(HttpContext context, string path)
    {
        var response = context.Response;
        var (status, file, _) = Resolve(_preview.Output, path);
        response.Headers.ContentSecurityPolicy = Site.Web.Modules.Netlify.SecurityPolicies.Site.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.CacheControl = "no-store";
        if (file is null || status != 200)
        {
            response.StatusCode = 404;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("No preview of this page yet.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        response.StatusCode = 200;
        response.ContentType = ContentType(file.Name);
        response.ContentLength = file.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        Prepare(response, 200, "text/event-stream");
        var id = Interlocked.Increment(ref _nextClient);
        var channel = new Channel();
        _clients[id] = channel;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, context.RequestAborted);
        try
        {
            await response.Body.WriteAsync(": connected\n\n"u8.ToArray(), stop.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            await foreach (var message in channel.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), stop.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    private void Redirect(HttpContext context, int status, string location)
    {
        Prepare(context.Response, status, null);
        context.Response.Headers.Location = location;
    }

    /// <summary>Status, type, production's headers, and no caching: a dev server's pages change on every save.</summary>
    private void Prepare(HttpResponse response, int status, string? type)
    {
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        // The build's own _headers rules for this path (Content-Security-Policies, the API's content type and
        // CORS), as Netlify applies them: every matching rule, and a header two rules set is sent with both values.
        foreach (var (name, value) in NetlifyHeaders.For(_pathHeaders, response.HttpContext.Request.Path.Value ?? "/"))
        {
            response.Headers.Append(name, value);
        }

        response.StatusCode = status;
        if (type is not null)
        {
            response.ContentType = type;
        }

        response.Headers.CacheControl = "no-store";
    }

    private async Task WriteAsync(HttpContext context, int status, string type, byte[] body)
    {
        Prepare(context.Response, status, type);
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string ContentType(string file)
    {
        var type = ContentTypes.TryGetContentType(file, out var found) ? found : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/xml" or "application/javascript"
            ? type + "; charset=utf-8"
            : type;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_watchers)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }
        }

        _debounce?.Dispose();
        _folders?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        // A rebuild in progress finishes before the folder it writes is let go.
        await _building.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        _building.Release();
        _preview.Dispose();
        _stop.Dispose();
    }

    /// <summary>Messages for one event-stream client.</summary>
    private sealed class Channel
    {
        private readonly System.Threading.Channels.Channel<string> _messages = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void Send(string name, string data) => _messages.Writer.TryWrite($"event: {name}\ndata: {data}\n\n");

        public IAsyncEnumerable<string> ReadAllAsync(CancellationToken token) => _messages.Reader.ReadAllAsync(token);
    }
}
