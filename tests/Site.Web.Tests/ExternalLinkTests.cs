using Site.Web.Checks;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

public sealed class ExternalLinkTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly string _cache = Path.Combine(Directory.CreateTempSubdirectory("link-cache-").FullName, "links.json");

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(Path.GetDirectoryName(_cache)!, recursive: true);
    }

    private ExternalLinkChecker Checker() => new(new ExternalCheckOptions
    {
        CacheFile = _cache,
        Timeout = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
        PerHost = 2,
    });

    private Uri At(string path) => new(_server.BaseUrl + path);

    private async Task<ExternalResult> Check(string path) =>
        (await Checker().CheckAsync([At(path)], CancellationToken.None))[At(path)];

    [Theory]
    [InlineData("/ok", ExternalStatus.Ok)]
    [InlineData("/moved", ExternalStatus.Ok)]
    [InlineData("/missing", ExternalStatus.Broken)]
    [InlineData("/gone", ExternalStatus.Broken)]
    [InlineData("/forbidden", ExternalStatus.Unverified)]
    [InlineData("/always-busy", ExternalStatus.Unverified)]
    public async Task Answers_are_classified(string path, ExternalStatus expected)
    {
        var result = await Check(path);
        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("/self", "redirects to itself")]
    [InlineData("/loop-a", "redirects in a loop")]
    [InlineData("/chain-11", "more than 10 times")]
    [InlineData("/redirect-nowhere", "without saying where")]
    public async Task Redirects_that_never_arrive_are_broken(string path, string says)
    {
        var result = await Check(path);
        Assert.Equal(ExternalStatus.Broken, result.Status);
        Assert.Contains(says, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_redirects_to_itself_with_a_cookie_arrives_as_in_a_browser()
    {
        var result = await Check("/cookie-gate");
        Assert.True(result.Status == ExternalStatus.Ok, result.Reason);
    }

    [Fact]
    public async Task A_chain_of_ten_redirects_arrives()
    {
        var result = await Check("/chain-10");
        Assert.Equal(ExternalStatus.Ok, result.Status);
        Assert.Contains("after 10 redirect(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_redirect_gets_its_own_time_to_answer()
    {
        // Ten answers of 0.5 s each: every one is well within a 4 s limit (3.5 s of room for a machine loaded by
        // the other test projects, where 1.6 s was once not enough), their sum (5 s) is not.
        var checker = new ExternalLinkChecker(new ExternalCheckOptions { CacheFile = _cache, Timeout = TimeSpan.FromSeconds(4), PerHost = 2 });
        var result = (await checker.CheckAsync([At("/slow-chain-9")], CancellationToken.None))[At("/slow-chain-9")];
        Assert.True(result.Status == ExternalStatus.Ok, result.Reason);
        Assert.Contains("after 9 redirect(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_unverified_not_passed()
    {
        var result = await Check("/hang");
        Assert.Equal(ExternalStatus.Unverified, result.Status);
        Assert.Contains("no answer within 1 s", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_asking_again()
    {
        var result = await Check("/busy-then-ok");
        Assert.Equal(ExternalStatus.Ok, result.Status);
        var times = _server.Requests.Where(r => r.Request.EndsWith("/busy-then-ok", StringComparison.Ordinal)).Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.9), $"asked again after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Cached_answers_are_not_fetched_again_but_unverified_ones_are()
    {
        await Checker().CheckAsync([At("/ok"), At("/missing"), At("/forbidden")], CancellationToken.None);
        var before = _server.Requests.Count;
        var again = await Checker().CheckAsync([At("/ok"), At("/missing"), At("/forbidden")], CancellationToken.None);
        Assert.Equal(ExternalStatus.Ok, again[At("/ok")].Status);
        Assert.Equal(ExternalStatus.Broken, again[At("/missing")].Status);
        Assert.All(_server.Requests.Skip(before), r => Assert.Contains("/forbidden", r.Request, StringComparison.Ordinal));
        Assert.True(_server.Requests.Count > before);
    }

    [Fact]
    public async Task Requests_to_one_host_stay_within_the_per_host_limit()
    {
        await Checker().CheckAsync([At("/ok"), At("/ok-2"), At("/ok-3"), At("/ok-4")], CancellationToken.None);
        Assert.InRange(_server.MaxConcurrent, 1, 2);
    }

    [Fact]
    public async Task A_build_with_external_checks_reports_broken_as_errors_and_blocked_as_warnings()
    {
        var body = $"See [a]({_server.BaseUrl}/ok), [b]({_server.BaseUrl}/missing) and\n[c]({_server.BaseUrl}/always-busy).";
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("Some text about hamstrings.", body, StringComparison.Ordinal),
            ["input/site.yml"] = TestSite.SiteYml.Replace("https://book.test.example/", _server.BaseUrl + "/ok", StringComparison.Ordinal),
        });
        var offline = await site.BuildAsync();
        TestSite.AssertClean(offline);
        Assert.Empty(_server.Requests);

        var result = await site.BuildAsync(new BuildOptions { CheckExternal = true, ExternalCache = _cache });
        var error = TestSite.SingleError(result);
        Assert.Equal(DiagnosticIds.BrokenExternalLink, error.Id);
        Assert.Equal((9, body.IndexOf("[b]", StringComparison.Ordinal) + 1), (error.Location!.Line, error.Location.Column));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnverifiedExternalLink);
        Assert.Equal(10, warning.Location?.Line);
    }
}
