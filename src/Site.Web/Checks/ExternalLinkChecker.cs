using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Site.Web.Checks;

public enum ExternalStatus
{
    Ok,
    Broken,
    Unverified,
}

/// <summary>What one external URL answered.</summary>
public sealed record ExternalResult(ExternalStatus Status, string Reason, DateTimeOffset CheckedAt);

/// <summary>Limits and cache settings of the external link check.</summary>
public sealed record ExternalCheckOptions
{
    public required string CacheFile { get; init; }

    /// <summary>How long a good or broken answer is reused without asking again.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public int Concurrency { get; init; } = 8;

    public int PerHost { get; init; } = 2;

    /// <summary>The longest Retry-After the checker is willing to wait before asking again.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public int Retries { get; init; } = 2;
}

/// <summary>
/// Asks other websites whether linked pages exist, politely: bounded concurrency overall and per host,
/// Retry-After honoured, a timeout, and a cache file so repeated builds do not ask again. 404, 410 and
/// unknown hosts are broken; 401, 403, 429, 999, server errors and timeouts are unverified, never passed.
/// </summary>
public sealed class ExternalLinkChecker(ExternalCheckOptions options, HttpMessageHandler? handler = null)
{
    public async Task<IReadOnlyDictionary<Uri, ExternalResult>> CheckAsync(IEnumerable<Uri> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var cache = LoadCache();
        var now = DateTimeOffset.UtcNow;
        var results = new ConcurrentDictionary<Uri, ExternalResult>();
        var toFetch = new List<Uri>();
        foreach (var url in urls.Distinct())
        {
            if (cache.TryGetValue(url.AbsoluteUri, out var cached) && cached.Status != ExternalStatus.Unverified && now - cached.CheckedAt < options.CacheFor)
            {
                results[url] = cached;
            }
            else
            {
                toFetch.Add(url);
            }
        }

        using var client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: handler is null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("PhysionorthSiteLinkCheck/1.0 (+https://www.physionorth.example/)");
        var hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(toFetch, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (url, token) =>
        {
            var gate = hosts.GetOrAdd(url.Host, _ => new SemaphoreSlim(options.PerHost));
            await gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                results[url] = await FetchAsync(client, url, token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ConfigureAwait(false);

        foreach (var (url, result) in results)
        {
            cache[url.AbsoluteUri] = result;
        }

        SaveCache(cache);
        return results;
    }

    private async Task<ExternalResult> FetchAsync(HttpClient client, Uri url, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            try
            {
                var (response, hops, problem) = await FollowAsync(client, url, timeout, options.Timeout).ConfigureAwait(false);
                using var answered = response;
                if (problem is not null)
                {
                    return Result(ExternalStatus.Broken, problem);
                }

                var code = (int)response!.StatusCode;
                if (code == 429 && attempt < options.Retries && RetryAfter(response) is { } wait && wait <= options.MaxRetryAfter)
                {
                    await Task.Delay(wait, token).ConfigureAwait(false);
                    continue;
                }

                return code switch
                {
                    >= 200 and < 300 => Result(ExternalStatus.Ok, hops == 0 ? $"answered {code}" : $"answered {code} after {hops} redirect(s)"),
                    404 or 410 => Result(ExternalStatus.Broken, $"the server answered {code} ({response.ReasonPhrase})"),
                    401 or 403 or 429 or 999 => Result(ExternalStatus.Unverified, $"the server answered {code}, which sites use to turn away automated checks"),
                    >= 500 => Result(ExternalStatus.Unverified, $"the server answered {code} ({response.ReasonPhrase})"),
                    _ => Result(ExternalStatus.Broken, $"the server answered {code} ({response.ReasonPhrase})"),
                };
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return Result(ExternalStatus.Unverified, $"no answer within {options.Timeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData })
            {
                return Result(ExternalStatus.Broken, $"the host {url.Host} does not exist");
            }
            catch (HttpRequestException ex)
            {
                return Result(ExternalStatus.Unverified, ex.Message.TrimEnd('.'));
            }
        }
    }

    /// <summary>The most redirects followed before a link is called broken, as browsers and crawlers give up too.</summary>
    public const int MaxRedirects = 10;

    /// <summary>
    /// Follows redirects one at a time (the handler does not), so a loop, a page that redirects to itself, a chain
    /// longer than <see cref="MaxRedirects"/> or a redirect to nowhere is reported as such instead of being taken
    /// for an answer. Each request gets its own <paramref name="perRequest"/> time to answer, so a long chain of
    /// quick redirects is not mistaken for a server that does not answer. Returns the final response, or the problem.
    /// </summary>
    private static async Task<(HttpResponseMessage? Response, int Hops, string? Problem)> FollowAsync(
        HttpClient client, Uri url, CancellationTokenSource timeout, TimeSpan perRequest)
    {
        var visited = new List<Uri> { url };
        var current = url;
        for (var hops = 0; ; hops++)
        {
            timeout.CancelAfter(perRequest);
            var response = await SendAsync(client, current, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (code is < 300 or >= 400 or 304)
            {
                return (response, hops, null);
            }

            var location = response.Headers.Location;
            var setsCookie = response.Headers.Contains("Set-Cookie");
            response.Dispose();
            if (location is null)
            {
                return (null, hops, $"the server answered {code} (a redirect) without saying where to");
            }

            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme is not ("http" or "https"))
            {
                return (null, hops, $"it redirects to '{next}', which is not a web address");
            }

            // A page that sends the reader back to itself with a cookie (a consent or session gate) arrives on
            // the next visit, as in a browser; only a revisit without a new cookie is a loop.
            if (visited.Contains(next) && !setsCookie)
            {
                return (null, hops, next == current
                    ? $"it redirects to itself ({code}), so it never arrives anywhere"
                    : $"it redirects in a loop: {string.Join(" → ", visited.Skip(visited.IndexOf(next)).Append(next))}");
            }

            if (hops + 1 > MaxRedirects)
            {
                return (null, hops, $"it redirects more than {MaxRedirects} times without arriving (last: {current})");
            }

            visited.Add(next);
            current = next;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, CancellationToken token)
    {
        // HEAD is cheap; some servers refuse it, so fall back to GET without reading the body.
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        var response = await client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden)
        {
            response.Dispose();
            using var get = new HttpRequestMessage(HttpMethod.Get, url);
            return await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        }

        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static ExternalResult Result(ExternalStatus status, string reason) => new(status, reason, DateTimeOffset.UtcNow);

    private Dictionary<string, ExternalResult> LoadCache()
    {
        try
        {
            return File.Exists(options.CacheFile)
                ? JsonSerializer.Deserialize(File.ReadAllText(options.CacheFile), ExternalCacheJson.Default.DictionaryStringExternalResult) ?? []
                : [];
        }
        catch (JsonException)
        {
            return []; // A damaged cache only costs a re-check.
        }
    }

    private void SaveCache(Dictionary<string, ExternalResult> cache)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.CacheFile))!;
        Directory.CreateDirectory(folder);
        var temporary = options.CacheFile + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(cache.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(), ExternalCacheJson.Default.DictionaryStringExternalResult));
        File.Move(temporary, options.CacheFile, overwrite: true);
    }
}

/// <summary>The cache file's format, generated at compile time so the native build needs no reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, ExternalResult>))]
internal sealed partial class ExternalCacheJson : JsonSerializerContext;
