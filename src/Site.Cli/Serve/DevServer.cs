using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Site.Engine.Diagnostics;
using Site.Web;

namespace Site.Cli.Serve;

/// <summary>How the development server behaves.</summary>
/// <param name="Port">Port on 127.0.0.1.</param>
/// <param name="LiveReload">Add the reload script to pages and rebuild when files change.</param>
/// <param name="Headers">Headers added to every response (the browser tests pass netlify.toml's).</param>
public sealed record ServeOptions(int Port, bool LiveReload = true, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Print each rebuild's phase and module times (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }
}

/// <summary>
/// <c>site serve</c>: builds the site into a private folder, serves it on 127.0.0.1 with Netlify's rules
/// (clean URLs, the 404 page, the generated redirects), rebuilds when a file under input/ or theme/ changes,
/// and tells open pages to reload. While the last build failed, every page shows what to fix.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    // Long enough to join one save's events (write, rename, touch arrive within a few milliseconds), short
    // enough not to add noticeably to the time from save to reload.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(25);
    private readonly BuildOptions _options;
    private readonly ServeOptions _serve;
    private readonly TextWriter _log;
    private readonly HttpListener _listener = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly ConcurrentDictionary<int, Channel> _clients = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private ImmutableArray<Diagnostic> _errors = [];
    private IReadOnlyList<RedirectRule> _redirects = [];
    private Timer? _debounce;
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
        _options = options with { Cache = options.Cache ?? new BuildCache() };
        _serve = serve;
        _log = log;
        Port = serve.Port;
        _listener.Prefixes.Add($"http://127.0.0.1:{serve.Port}/");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>How many builds have finished, successful or not.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public async Task StartAsync()
    {
        // Watch before the first build reads anything, so no save can fall between reading and watching.
        foreach (var folder in _serve.LiveReload ? new[] { _options.Input, _options.Theme } : [])
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(folder)) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += Touched;
            watcher.Created += Touched;
            watcher.Deleted += Touched;
            watcher.Renamed += Touched;
            watcher.Error += (_, _) => Volatile.Write(ref _changesUnknown, true);
            _watchers.Add(watcher);
        }

        await RebuildAsync().ConfigureAwait(false);
        _listener.Start();

        _ = Task.Run(AcceptAsync);
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

    private void Touched(object sender, FileSystemEventArgs e)
    {
        _changed[e.FullPath] = 0;
        if (e is RenamedEventArgs renamed)
        {
            _changed[renamed.OldFullPath] = 0;
        }

        // Editors save in bursts (temp file, rename, touch): rebuild once the burst is over.
        var timer = new Timer(_ => _ = RebuildAsync(), null, Quiet, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _debounce, timer)?.Dispose();
    }

    private async Task RebuildAsync()
    {
        await _building.WaitAsync().ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var changed = _changed.Keys.ToList();
            foreach (var path in changed)
            {
                _changed.TryRemove(path, out _);
            }

            _options.Cache!.ChangedSinceLastBuild(Interlocked.Exchange(ref _changesUnknown, false) ? null : changed);
            var result = await SiteBuilder.BuildAsync(_options, _stop.Token).ConfigureAwait(false);
            _errors = [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];
            var redirects = Path.Combine(_options.Output, "_redirects");
            _redirects = _errors.IsEmpty && File.Exists(redirects) ? NetlifyRedirects.Parse(await File.ReadAllTextAsync(redirects).ConfigureAwait(false)) : _redirects;
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
            }

            var pages = _options.Cache!.Pages;
            await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(_errors.IsEmpty ? "Rebuilt" : "Build failed")} in {clock.Elapsed.TotalMilliseconds:F0} ms ({pages.Misses} of {pages.Misses + pages.Hits} pages rendered).")).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The server must survive any build failure and show it in the browser.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _changesUnknown, true);
            _errors = [new Diagnostic("SITE0002", Severity.Error, null, ex.Message)];
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

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            switch (path)
            {
                case LiveReload.ScriptPath:
                    await WriteAsync(response, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Script)).ConfigureAwait(false);
                    return;
                case LiveReload.EventsPath:
                    await StreamEventsAsync(response).ConfigureAwait(false);
                    return;
            }

            if (!_errors.IsEmpty)
            {
                await WriteAsync(response, 500, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Overlay(_errors))).ConfigureAwait(false);
                return;
            }

            if (NetlifyRedirects.Match(_redirects, path) is { } rule)
            {
                Redirect(response, rule.Status, rule.To);
                return;
            }

            var (status, file, redirect) = Resolve(path);
            if (redirect is not null)
            {
                Redirect(response, 301, redirect);
                return;
            }

            var bytes = await File.ReadAllBytesAsync(file!).ConfigureAwait(false);
            var type = ContentType(file!);
            if (_serve.LiveReload && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                bytes = Encoding.UTF8.GetBytes(LiveReload.Inject(Encoding.UTF8.GetString(bytes)));
            }

            await WriteAsync(response, status, type, bytes).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away or the output folder was being swapped; it will ask again.
        }
    }

    /// <summary>Netlify's pretty URLs: /a/ serves a/index.html, /a serves a or a.html or redirects to /a/.</summary>
    private (int Status, string? File, string? Redirect) Resolve(string path)
    {
        var root = Path.GetFullPath(_options.Output);
        var relative = path.TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(root, relative));
        // Inside the served folder itself: a prefix without the separator would also match a sibling
        // folder whose name starts the same ("serve-secrets" beside "serve").
        if (full == root || full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            if (path.EndsWith('/') && File.Exists(Path.Combine(full, "index.html")))
            {
                return (200, Path.Combine(full, "index.html"), null);
            }

            if (!path.EndsWith('/'))
            {
                if (File.Exists(full))
                {
                    return (200, full, null);
                }

                if (File.Exists(full + ".html"))
                {
                    return (200, full + ".html", null);
                }

                if (File.Exists(Path.Combine(full, "index.html")))
                {
                    return (301, null, path + "/");
                }
            }
        }

        return (404, Path.Combine(root, "404.html"), null);
    }

    private async Task StreamEventsAsync(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers["Cache-Control"] = "no-store";
        response.SendChunked = true;
        var id = Interlocked.Increment(ref _nextClient);
        var channel = new Channel();
        _clients[id] = channel;
        try
        {
            var stream = response.OutputStream;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(": connected\n\n"), _stop.Token).ConfigureAwait(false);
            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            await foreach (var message in channel.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(message), _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _clients.TryRemove(id, out _);
            response.Abort();
        }
    }

    private static void Redirect(HttpListenerResponse response, int status, string location)
    {
        response.StatusCode = status;
        response.RedirectLocation = location;
        response.Close();
    }

    private async Task WriteAsync(HttpListenerResponse response, int status, string type, byte[] body)
    {
        foreach (var (name, value) in _serve.Headers ?? ImmutableDictionary<string, string>.Empty)
        {
            response.Headers[name] = value;
        }

        response.StatusCode = status;
        response.ContentType = type;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToUpperInvariant() switch
    {
        ".HTML" => "text/html; charset=utf-8",
        ".CSS" => "text/css; charset=utf-8",
        ".JS" => "text/javascript; charset=utf-8",
        ".JSON" => "application/json; charset=utf-8",
        ".XML" => "application/xml; charset=utf-8",
        ".TXT" => "text/plain; charset=utf-8",
        ".SVG" => "image/svg+xml",
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".WEBP" => "image/webp",
        ".ICO" => "image/x-icon",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce?.Dispose();
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        _listener.Close();
        _stop.Dispose();
        _building.Dispose();
    }

    /// <summary>Messages for one event-stream client.</summary>
    private sealed class Channel
    {
        private readonly System.Threading.Channels.Channel<string> _messages = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void Send(string name, string data) => _messages.Writer.TryWrite($"event: {name}\ndata: {data}\n\n");

        public IAsyncEnumerable<string> ReadAllAsync(CancellationToken token) => _messages.Reader.ReadAllAsync(token);
    }
}
