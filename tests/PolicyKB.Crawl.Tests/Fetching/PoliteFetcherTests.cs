using Microsoft.AspNetCore.Http;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class PoliteFetcherTests
{
    private static async Task<(MirrorServer Server, PoliteFetcher Fetcher)> StartAsync(FetchOptions? options = null)
    {
        var server = await MirrorServer.StartAsync();
        return (server, new PoliteFetcher(options ?? CrawlBench.FastFetch));
    }

    private static Func<Uri, bool> Only(MirrorServer server) => u => u.Authority == new Uri(server.BaseUrl).Authority;

    private static Task<FetchResult> Fetch(PoliteFetcher fetcher, MirrorServer server, string path, FetchRequest? request = null) =>
        fetcher.FetchAsync(request ?? new FetchRequest(server.Url(path)), Only(server));

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
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("page.html", async (c, hit) =>
        {
            if (hit == 1) { c.Response.StatusCode = 500; return; }
            await c.Response.WriteAsync("<html>ok</html>");
        });

        var result = await Fetch(fetcher, server, "page.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        Assert.AreEqual(2, result.Attempts);
        Assert.AreEqual(2, server.Hits("page.html"));
    }

    [TestMethod]
    public async Task GivesUpAfterMaxTriesWithTheReason()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("down.html", Status(503));

        var result = await Fetch(fetcher, server, "down.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("gave up after 3 tries: HTTP 503", result.Error);
        Assert.AreEqual(3, server.Hits("down.html"));
    }

    [TestMethod]
    public async Task HonoursRetryAfterOnTooManyRequests()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("busy.html", async (c, hit) =>
        {
            if (hit == 1) { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "1"; return; }
            await c.Response.WriteAsync("<html>ok</html>");
        });

        var result = await Fetch(fetcher, server, "busy.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        var times = server.Requests.Where(r => r.PathAndQuery == "/busy.html").Select(r => r.At).ToList();
        Assert.IsTrue(times[1] - times[0] >= TimeSpan.FromMilliseconds(950), $"waited {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [TestMethod]
    public async Task GivesUpWhenRetryAfterIsLongerThanAllowed()
    {
        var (server, fetcher) = await StartAsync(CrawlBench.FastFetch with { MaxRetryAfter = TimeSpan.FromSeconds(5) });
        await using var _ = server; using var __ = fetcher;
        server.Handle("later.html", Status(429, retryAfter: "3600"));

        var result = await Fetch(fetcher, server, "later.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "Retry-After");
        Assert.AreEqual(1, server.Hits("later.html"));
    }

    [TestMethod]
    public async Task FollowsARedirectOnTheAllowlist()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("old.html", Status(301, "/new.html#top"));
        server.Serve("new.html", "<html>new</html>");

        var result = await Fetch(fetcher, server, "old.html");

        Assert.AreEqual(FetchStatus.Ok, result.Status, result.Error);
        Assert.AreEqual(server.Url("new.html"), result.FinalUrl);
    }

    [TestMethod]
    public async Task StopsOnARedirectLoop()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Handle("a.html", Status(302, "./b.html"));
        server.Handle("b.html", Status(302, "/a.html"));

        var result = await Fetch(fetcher, server, "a.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "redirect loop");
        Assert.AreEqual(1, server.Hits("a.html"));
    }

    [TestMethod]
    public async Task StopsAfterFiveRedirects()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        for (var i = 0; i < 10; i++) server.Handle($"r{i}", Status(302, $"/r{i + 1}"));

        var result = await Fetch(fetcher, server, "r0");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "more than 5 redirects");
        Assert.AreEqual(0, server.Hits("r6"));
    }

    [TestMethod]
    public async Task StopsOnARedirectToAHostOffTheAllowlist()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        var elsewhere = server.Url("secret.html").Replace("127.0.0.1", "localhost");
        server.Handle("away.html", Status(302, elsewhere));
        server.Serve("secret.html", "<html>secret</html>");

        var result = await Fetch(fetcher, server, "away.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "not on the site's allowlist");
        Assert.AreEqual(0, server.Hits("secret.html"));
    }

    [TestMethod]
    public async Task ObeysRobotsTxtDisallowAndCrawlDelay()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n", "text/plain");
        server.Serve("private/page.html", "<html>private</html>");
        server.Serve("one.html", "<html>1</html>");
        server.Serve("two.html", "<html>2</html>");

        var denied = await Fetch(fetcher, server, "private/page.html");
        await Fetch(fetcher, server, "one.html");
        await Fetch(fetcher, server, "two.html");

        Assert.AreEqual(FetchStatus.Failed, denied.Status);
        Assert.AreEqual("disallowed by robots.txt", denied.Error);
        Assert.AreEqual(0, server.Hits("private/page.html"));
        var times = server.Requests.Where(r => r.PathAndQuery is "/one.html" or "/two.html").Select(r => r.At).ToList();
        Assert.IsTrue(times[1] - times[0] >= TimeSpan.FromMilliseconds(280), $"{(times[1] - times[0]).TotalMilliseconds} ms apart");
    }

    [TestMethod]
    public async Task KeepsTheConfiguredRatePerHostAsMeasuredByTheServer()
    {
        var (server, fetcher) = await StartAsync(CrawlBench.FastFetch with { RatePerSecond = 20 });
        await using var _ = server; using var __ = fetcher;
        for (var i = 0; i < 8; i++) server.Serve($"p{i}.html", $"<html>{i}</html>");

        // Asked all at once: the fetcher still sends one request at a time, 1/20 s apart.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Fetch(fetcher, server, $"p{i}.html")));

        var times = server.Requests.Where(r => r.PathAndQuery.StartsWith("/p")).Select(r => r.At).Order().ToList();
        Assert.AreEqual(8, times.Count);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        // Judged as in the crawler's rate test: the mean over all gaps, and a floor per gap for stamp jitter.
        var measured = string.Join(", ", gaps.Select(g => g.TotalMilliseconds));
        Assert.IsGreaterThanOrEqualTo(50.0, gaps.Average(g => g.TotalMilliseconds), measured);
        Assert.IsTrue(gaps.All(g => g >= TimeSpan.FromMilliseconds(38)), measured);
    }

    [TestMethod]
    public async Task SendsAUserAgentWithTheContactAddress()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("page.html", "<html></html>");

        await Fetch(fetcher, server, "page.html");

        Assert.AreEqual("PolicyKB/1.0 (+crawler-tests@example.org)", server.Requests.Last().UserAgent);
    }

    [TestMethod]
    public async Task AnswersNotModifiedToAConditionalGet()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server; using var __ = fetcher;
        server.Serve("page.html", "<html>same</html>");
        var first = await Fetch(fetcher, server, "page.html");

        var second = await Fetch(fetcher, server, "page.html", new FetchRequest(server.Url("page.html"), first.ETag));

        Assert.IsNotNull(first.ETag);
        Assert.AreEqual(FetchStatus.NotModified, second.Status);
        Assert.AreEqual(0, second.Body.Length);
    }

    [TestMethod]
    public async Task RefusesABodyLargerThanTheLimit()
    {
        var (server, fetcher) = await StartAsync(CrawlBench.FastFetch with { MaxBodyBytes = 1000 });
        await using var _ = server; using var __ = fetcher;
        server.Serve("big.pdf", new byte[5000], "application/pdf");

        var result = await Fetch(fetcher, server, "big.pdf");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("body larger than 1000 bytes", result.Error);
        Assert.AreEqual(1, server.Hits("big.pdf"), "too large is not retried");
    }

    [TestMethod]
    public async Task ReportsATruncatedBody()
    {
        var (server, fetcher) = await StartAsync(CrawlBench.FastFetch with { MaxTries = 2 });
        await using var _ = server; using var __ = fetcher;
        server.Handle("cut.html", async (context, _) =>
        {
            context.Response.ContentLength = 5000;
            await context.Response.Body.WriteAsync("<html><body>半"u8.ToArray());
            // Returning short of Content-Length: Kestrel closes the connection, the body ends early.
        });

        var result = await Fetch(fetcher, server, "cut.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "truncated");
        Assert.AreEqual(2, server.Hits("cut.html"));
    }

    [TestMethod]
    public async Task TimesOutOnASlowServer()
    {
        var (server, fetcher) = await StartAsync(CrawlBench.FastFetch with { Timeout = TimeSpan.FromMilliseconds(200), MaxTries = 2 });
        await using var _ = server; using var __ = fetcher;
        server.Handle("slow.html", (c, _) => Task.Delay(TimeSpan.FromSeconds(3), c.RequestAborted).ContinueWith(_ => { }));

        var result = await Fetch(fetcher, server, "slow.html");

        Assert.AreEqual(FetchStatus.Failed, result.Status);
        Assert.AreEqual("gave up after 2 tries: timed out after 0.2s", result.Error);
    }
}
