using System.Collections.Concurrent;
using System.Net;

namespace Site.Web.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 with a few behaviours the external link checker must handle. Never the
/// internet: every request in these tests goes to this process.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _inFlight;

    public LocalHttpServer()
    {
        var port = TestFiles.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Every request, as "METHOD /path" with the time it arrived.</summary>
    public ConcurrentQueue<(string Request, DateTimeOffset At)> Requests { get; } = new();

    public int MaxConcurrent { get; private set; }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue(($"{context.Request.HttpMethod} {path}", DateTimeOffset.UtcNow));
        var now = Interlocked.Increment(ref _inFlight);
        lock (_listener)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
        }

        var response = context.Response;
        var counted = true;
        try
        {
            switch (path)
            {
                case "/ok" or "/ok-2" or "/ok-3" or "/ok-4":
                    await Task.Delay(50);
                    response.StatusCode = 200;
                    break;
                case "/moved":
                    response.StatusCode = 301;
                    response.RedirectLocation = BaseUrl + "/ok";
                    break;
                case "/self":
                    response.StatusCode = 301;
                    response.RedirectLocation = BaseUrl + "/self";
                    break;
                case "/loop-a" or "/loop-b":
                    response.StatusCode = 302;
                    response.RedirectLocation = BaseUrl + (path == "/loop-a" ? "/loop-b" : "/loop-a");
                    break;
                case var chain when chain.StartsWith("/chain-", StringComparison.Ordinal):
                    // /chain-N redirects to /chain-(N-1); /chain-0 is the page.
                    var left = int.Parse(chain["/chain-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    response.StatusCode = left == 0 ? 200 : 301;
                    if (left > 0)
                    {
                        response.RedirectLocation = $"{BaseUrl}/chain-{left - 1}";
                    }

                    break;
                case var slow when slow.StartsWith("/slow-chain-", StringComparison.Ordinal):
                    // Like /chain-N, but every answer takes 0.5 s: quick enough for each request, slow in sum.
                    await Task.Delay(500);
                    var remaining = int.Parse(slow["/slow-chain-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    response.StatusCode = remaining == 0 ? 200 : 302;
                    if (remaining > 0)
                    {
                        response.RedirectLocation = $"{BaseUrl}/slow-chain-{remaining - 1}";
                    }

                    break;
                case "/cookie-gate":
                    // Sets a cookie and sends the client back to itself; with the cookie, the page answers.
                    var admitted = context.Request.Cookies["gate"]?.Value == "1";
                    response.StatusCode = admitted ? 200 : 302;
                    if (!admitted)
                    {
                        response.AppendHeader("Set-Cookie", "gate=1; Path=/");
                        response.RedirectLocation = BaseUrl + "/cookie-gate";
                    }

                    break;
                case "/redirect-nowhere":
                    response.StatusCode = 302;
                    break;
                case "/missing":
                    response.StatusCode = 404;
                    break;
                case "/gone":
                    response.StatusCode = 410;
                    break;
                case "/forbidden":
                    response.StatusCode = 403;
                    break;
                case "/busy-then-ok":
                    var seen = Requests.Count(r => r.Request.EndsWith(" /busy-then-ok", StringComparison.Ordinal));
                    response.StatusCode = seen == 1 ? 429 : 200;
                    response.AddHeader("Retry-After", "1");
                    break;
                case "/always-busy":
                    response.StatusCode = 429;
                    response.AddHeader("Retry-After", "1");
                    break;
                case "/hang":
                    await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    response.StatusCode = 200;
                    break;
                default:
                    response.StatusCode = 404;
                    break;
            }

            // The request stops counting as in flight before the answer goes out: once the client has the
            // answer it may send its next request, which must not be counted as overlapping this one.
            Interlocked.Decrement(ref _inFlight);
            counted = false;
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
