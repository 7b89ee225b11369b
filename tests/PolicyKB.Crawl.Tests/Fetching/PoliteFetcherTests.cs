using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class PoliteFetcherTests
{
    /// <summary>A server and a fetcher on one fake clock, which <see cref="Fetch"/> drives.</summary>
    private static async Task<(MirrorServer Server, PoliteFetcher Fetcher, FakeTimeProvider Clock)> StartAsync(FetchOptions? options = null)
    {
        var clock = new FakeTimeProvider(ClockDriver.Start);
        var server = await MirrorServer.StartAsync(clock);
        return (server, new PoliteFetcher(options ?? CrawlBench.FastFetch, clock), clock);
    }

    private static Func<Uri, bool> Only(MirrorServer server) => u => u.Authority == new Uri(server.BaseUrl).Authority;

    private static Task<FetchResult> Fetch(FakeTimeProvider clock, PoliteFetcher fetcher, MirrorServer server, string path, FetchRequest? request = null) =>
        clock.DriveAsync(fetcher.FetchAsync(request ?? new FetchRequest(server.Url(path)), Only(server)));

    private static Func<Microsoft.AspNetCore.Http.HttpContext, int, Task> Status(int code, string? location = null, string? retryAfter = null) => (c, _) =>
    {
        c.Response.StatusCode = code;
        if (location is not null) c.Response.Headers.Location = location;
        if (retryAfter is not null) c.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    };

    [TestMethod]
    public async Task RetriesAServerErrorThenSucceeds()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("page.html", async (c, hit) =>
        {
            if (hit == 1) { c.Response.StatusCode = 500; return; }
            await c.Response.WriteAsync("<html>ok</html>");
        });

        var result = await Fetch(clock, fetcher, server, "page.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        Assert.AreEqual(2, result.Attempts);
        Assert.AreEqual(2, server.Hits("page.html"));
    }

    [TestMethod]
    public async Task GivesUpAfterMaxTriesWithTheReason()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("down.html", Status(503));

        var result = await Fetch(clock, fetcher, server, "down.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("gave up after 3 tries: HTTP 503", result.Error);
        Assert.AreEqual(3, server.Hits("down.html"));
    }

    [TestMethod]
    public async Task HonoursRetryAfterOnTooManyRequests()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("busy.html", async (c, hit) =>
        {
            if (hit == 1) { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "1"; return; }
            await c.Response.WriteAsync("<html>ok</html>");
        });

        var result = await Fetch(clock, fetcher, server, "busy.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        var times = server.Requests.Where(r => r.PathAndQuery == "/busy.html").Select(r => r.At).ToList();
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), times[1] - times[0], "waited on the fetcher's clock");
    }

    [TestMethod]
    public async Task GivesUpWhenRetryAfterIsLongerThanAllowed()
    {
        var (server, fetcher, clock) = await StartAsync(CrawlBench.FastFetch with { MaxRetryAfter = TimeSpan.FromSeconds(5) });
        await using var _ = server; using var __ = fetcher;
        server.Handle("later.html", Status(429, retryAfter: "3600"));

        var result = await Fetch(clock, fetcher, server, "later.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "Retry-After");
        Assert.AreEqual(1, server.Hits("later.html"));
    }

    [TestMethod]
    public async Task FollowsARedirectOnTheAllowlist()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("old.html", Status(301, "/new.html#top"));
        server.Serve("new.html", "<html>new</html>");

        var result = await Fetch(clock, fetcher, server, "old.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        Assert.AreEqual(server.Url("new.html"), result.FinalUrl);
    }

    [TestMethod]
    public async Task StopsOnARedirectLoop()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("a.html", Status(302, "./b.html"));
        server.Handle("b.html", Status(302, "/a.html"));

        var result = await Fetch(clock, fetcher, server, "a.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "redirect loop");
        Assert.AreEqual(1, server.Hits("a.html"));
    }

    [TestMethod]
    public async Task StopsAfterFiveRedirects()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        for (var i = 0; i < 10; i++) server.Handle($"r{i}", Status(302, $"/r{i + 1}"));

        var result = await Fetch(clock, fetcher, server, "r0");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "more than 5 redirects");
        Assert.AreEqual(0, server.Hits("r6"));
    }

    [TestMethod]
    public async Task StopsOnARedirectToAHostOffTheAllowlist()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        var elsewhere = server.Url("secret.html").Replace("127.0.0.1", "localhost");
        server.Handle("away.html", Status(302, elsewhere));
        server.Serve("secret.html", "<html>secret</html>");

        var result = await Fetch(clock, fetcher, server, "away.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "not on the site's allowlist");
        Assert.AreEqual(0, server.Hits("secret.html"));
    }

    [TestMethod]
    public async Task ObeysRobotsTxtDisallowAndCrawlDelay()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n", "text/plain");
        server.Serve("private/page.html", "<html>private</html>");
        server.Serve("one.html", "<html>1</html>");
        server.Serve("two.html", "<html>2</html>");

        var denied = await Fetch(clock, fetcher, server, "private/page.html");
        await Fetch(clock, fetcher, server, "one.html");
        await Fetch(clock, fetcher, server, "two.html");

        Assert.AreEqual(FetchStatus.Failed, denied.Status);
        Assert.AreEqual("disallowed by robots.txt", denied.Error);
        Assert.AreEqual(0, server.Hits("private/page.html"));
        var times = server.Requests.Where(r => r.PathAndQuery is "/one.html" or "/two.html").Select(r => r.At).ToList();
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300), times[1] - times[0], "Crawl-delay on the fetcher's clock");
    }

    [TestMethod]
    public async Task KeepsTheConfiguredRatePerHostAsMeasuredByTheServer()
    {
        var (server, fetcher, clock) = await StartAsync(CrawlBench.FastFetch with { RatePerSecond = 20 });
        await using var _ = server; using var __ = fetcher;
        for (var i = 0; i < 8; i++) server.Serve($"p{i}.html", $"<html>{i}</html>");

        // Asked all at once: the fetcher still sends one request at a time, 1/20 s apart.
        await clock.DriveAsync(Task.WhenAll(Enumerable.Range(0, 8).Select(i => fetcher.FetchAsync(new FetchRequest(server.Url($"p{i}.html")), Only(server)))));

        var times = server.Requests.Where(r => r.PathAndQuery.StartsWith("/p", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        Assert.AreEqual(8, times.Count);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        // Stamped on the fetcher's clock, so every gap is exact: no allowance for a busy machine.
        Assert.IsTrue(gaps.All(g => g >= TimeSpan.FromMilliseconds(50)), string.Join(", ", gaps.Select(g => g.TotalMilliseconds)));
    }

    [TestMethod]
    public async Task SendsAUserAgentWithTheContactAddress()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("page.html", "<html></html>");

        await Fetch(clock, fetcher, server, "page.html");

        Assert.AreEqual("PolicyKB/1.0 (+crawler-tests@example.org)", server.Requests.Last().UserAgent);
    }

    [TestMethod]
    public async Task AnswersNotModifiedToAConditionalGet()
    {
        var (server, fetcher, clock) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("page.html", "<html>same</html>");
        var first = await Fetch(clock, fetcher, server, "page.html");

        var second = await Fetch(clock, fetcher, server, "page.html", new FetchRequest(server.Url("page.html"), first.ETag));

        Assert.IsNotNull(first.ETag);
        Assert.AreEqual(FetchStatus.NotModified, second.Status);
        Assert.AreEqual(0, second.Body.Length);
    }

    [TestMethod]
    public async Task RefusesABodyLargerThanTheLimit()
    {
        var (server, fetcher, clock) = await StartAsync(CrawlBench.FastFetch with { MaxBodyBytes = 1000 });
        await using var _ = server; using var __ = fetcher;
        server.Serve("big.pdf", new byte[5000], "application/pdf");

        var result = await Fetch(clock, fetcher, server, "big.pdf");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("body larger than 1000 bytes", result.Error);
        Assert.AreEqual(1, server.Hits("big.pdf"), "too large is not retried");
    }

    [TestMethod]
    public async Task ReportsATruncatedBody()
    {
        var (server, fetcher, clock) = await StartAsync(CrawlBench.FastFetch with { MaxTries = 2 });
        await using var _ = server; using var __ = fetcher;
        server.Handle("cut.html", async (context, _) =>
        {
            context.Response.ContentLength = 5000;
            await context.Response.Body.WriteAsync("<html><body>半"u8.ToArray());
            // Returning short of Content-Length: Kestrel closes the connection, the body ends early.
        });

        var result = await Fetch(clock, fetcher, server, "cut.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "truncated");
        Assert.AreEqual(2, server.Hits("cut.html"));
    }

    [TestMethod]
    public async Task TimesOutOnASlowServer()
    {
        var (server, fetcher, clock) = await StartAsync(CrawlBench.FastFetch with { MaxTries = 2 });
        await using var _ = server; using var __ = fetcher;
        server.Handle("slow.html", (c, _) => SlowerThanTheTimeout(c, clock));

        var result = await Fetch(clock, fetcher, server, "slow.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("gave up after 2 tries: timed out after 3600s", result.Error);
        Assert.AreEqual(2, server.Hits("slow.html"));
    }

    /// <summary>A server that answers only after the fetch timeout has passed on the clock: it waits until the client gives up.</summary>
    internal static Task SlowerThanTheTimeout(HttpContext context, FakeTimeProvider clock)
    {
        clock.Advance(CrawlBench.FastFetch.Timeout);
        return Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
