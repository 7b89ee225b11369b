using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PolicyKB.Crawl;

/// <summary>
/// Fetches one URL politely and safely: robots.txt obeyed, one request at a time per host at the configured
/// rate, redirects followed by hand (allowlist checked at every hop, at most <see cref="FetchOptions.MaxRedirects"/>,
/// loops stopped), conditional GET, a body size limit, and retries with exponential backoff and jitter on
/// 5xx, 429 (Retry-After honoured), timeouts and broken connections. Never throws for a bad server; only
/// cancellation escapes.
/// </summary>
internal sealed class PoliteFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HostPacer _pacer;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> _robots = new(StringComparer.OrdinalIgnoreCase);

    public PoliteFetcher(FetchOptions options, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _pacer = new HostPacer(_time);
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public FetchOptions Options => _options;

    /// <summary>Fetches <paramref name="request"/>; <paramref name="isAllowed"/> is the host allowlist, applied to every redirect target.</summary>
    public Task<FetchResult> FetchAsync(FetchRequest request, Func<Uri, bool> isAllowed, CancellationToken ct = default) =>
        WithRetriesAsync(request, isAllowed, obeyRobots: true, ct);

    private async Task<FetchResult> WithRetriesAsync(FetchRequest request, Func<Uri, bool> isAllowed, bool obeyRobots, CancellationToken ct)
    {
        var errors = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var (result, retryAfter) = await FollowRedirectsAsync(request, isAllowed, obeyRobots, ct).ConfigureAwait(false);
            result = result with { Attempts = attempt };
            if (retryAfter is null) return result;
            if (!errors.Contains(result.Error!)) errors.Add(result.Error!);
            if (attempt >= _options.MaxTries)
                return result with { Error = $"gave up after {attempt} tries: {string.Join("; ", errors)}" };
            var delay = retryAfter.Value > TimeSpan.Zero ? retryAfter.Value : Backoff(attempt);
            if (delay > _options.MaxRetryAfter)
                return result with { Error = $"{result.Error}; Retry-After {delay.TotalSeconds:0}s is longer than allowed" };
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with up to 50% random jitter, so retries of many crawlers do not align.</summary>
    private TimeSpan Backoff(int attempt) =>
        _options.BackoffBase * Math.Pow(2, attempt - 1) * (1 + Random.Shared.NextDouble() / 2);

    /// <summary>One attempt, following redirects. A non-null retry delay means "transient, try again" (zero: use backoff).</summary>
    private async Task<(FetchResult Result, TimeSpan? RetryAfter)> FollowRedirectsAsync(
        FetchRequest request, Func<Uri, bool> isAllowed, bool obeyRobots, CancellationToken ct)
    {
        var url = new Uri(request.Url);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        for (var hop = 0; ; hop++)
        {
            FetchResult Fail(string error, int status = 0) => new() { Url = request.Url, FinalUrl = url.AbsoluteUri, Status = FetchStatus.Failed, HttpStatus = status, Error = error };

            if (!isAllowed(url)) return (Fail($"{url.Host} is not on the site's allowlist"), null);
            if (obeyRobots)
            {
                var rules = await RobotsAsync(url, isAllowed, ct).ConfigureAwait(false);
                if (!rules.IsAllowed(url.PathAndQuery)) return (Fail("disallowed by robots.txt"), null);
            }

            var (response, error) = await SendAsync(url, request, ct).ConfigureAwait(false);
            if (response is null) return (Fail(error!), TimeSpan.Zero);
            var status = (int)response.Status;

            if (status is >= 300 and < 400 && response.Location is { } location)
            {
                if (!Uri.TryCreate(url, location, out var next)) return (Fail($"redirect to an invalid address '{location}'", status), null);
                next = new Uri(Model.DocumentId.CanonicalUrl(next.AbsoluteUri));
                if (!isAllowed(next)) return (Fail($"redirect to {next.Host}, which is not on the site's allowlist", status), null);
                if (!visited.Add(next.AbsoluteUri)) return (Fail($"redirect loop at {next.AbsoluteUri}", status), null);
                if (hop + 1 > _options.MaxRedirects) return (Fail($"more than {_options.MaxRedirects} redirects", status), null);
                url = next;
                continue;
            }
            if (response.Status == HttpStatusCode.NotModified)
                return (response.ToResult(request.Url, url, FetchStatus.NotModified), null);
            if (status is >= 200 and < 300)
                return response.Error is null
                    ? (response.ToResult(request.Url, url, FetchStatus.Ok), null)
                    : (Fail(response.Error, status), response.Transient ? TimeSpan.Zero : null);
            var failed = Fail($"HTTP {status}", status) with { Headers = response.Headers };
            if (status == 429 || status >= 500) return (failed, response.RetryAfter ?? TimeSpan.Zero);
            return (failed, null);
        }
    }

    private sealed record Response(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string? Location,
        TimeSpan? RetryAfter, byte[] Body, string? ContentType, string? ETag, string? LastModified, string? Error = null, bool Transient = false)
    {
        public FetchResult ToResult(string requested, Uri final, FetchStatus status) => new()
        {
            Url = requested, FinalUrl = final.AbsoluteUri, Status = status, HttpStatus = (int)Status, Body = Body,
            ContentType = ContentType, ETag = ETag, LastModified = LastModified, Headers = Headers,
        };
    }

    /// <summary>One paced request; a null response with an error for timeouts and broken connections.</summary>
    private async Task<(Response? Response, string? Error)> SendAsync(Uri url, FetchRequest request, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.001, _options.RatePerSecond));
        if (_robots.TryGetValue(Origin(url), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && lazy.Value.Result.CrawlDelay is { } crawlDelay && crawlDelay > interval)
            interval = crawlDelay;

        await using var lease = await _pacer.EnterAsync(url.Authority, interval, ct).ConfigureAwait(false);
        // On the injected clock, like the pacing and the retries.
        using var deadline = new CancellationTokenSource(_options.Timeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgentHeader);
        message.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/json,application/pdf,*/*;q=0.8");
        if (request.ETag is not null) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        if (request.LastModified is not null) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var location = response.Headers.Location?.OriginalString;
            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            var etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified?.ToString("R");
            var contentType = response.Content.Headers.ContentType?.ToString();
            byte[] body = [];
            BodyError? bodyError = null;
            if (response.IsSuccessStatusCode)
                (body, bodyError) = await ReadBodyAsync(response.Content, request.MaxBytes ?? _options.MaxBodyBytes, timeout.Token).ConfigureAwait(false);
            return (new Response(response.StatusCode, headers, location, retryAfter, body, contentType, etag, lastModified,
                bodyError?.Message, bodyError?.Transient ?? false), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"timed out after {_options.Timeout.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException e)
        {
            return (null, $"connection failed: {e.InnerException?.Message ?? e.Message}");
        }
        catch (IOException e)
        {
            return (null, $"connection broken: {e.Message}");
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; a body cut short by the server is an error, not a page.</summary>
    /// <summary>Why a body was not read; a body cut short may come whole next time, one too large will not.</summary>
    private sealed record BodyError(string Message, bool Transient);

    private static async Task<(byte[], BodyError?)> ReadBodyAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        var tooLarge = new BodyError($"body larger than {maxBytes} bytes", Transient: false);
        if (content.Headers.ContentLength > maxBytes) return ([], tooLarge);
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > maxBytes) return ([], tooLarge);
                buffer.Write(chunk, 0, n);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return ([], new BodyError($"body truncated after {buffer.Length} bytes: {e.Message}", Transient: true));
        }
        if (content.Headers.ContentLength is { } declared && declared != buffer.Length)
            return ([], new BodyError($"body truncated: {buffer.Length} of {declared} bytes", Transient: true));
        return (buffer.ToArray(), null);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) { var d = date - _time.GetUtcNow(); return d > TimeSpan.Zero ? d : TimeSpan.Zero; }
        return null;
    }

    private Task<RobotsRules> RobotsAsync(Uri url, Func<Uri, bool> isAllowed, CancellationToken ct) =>
        _robots.GetOrAdd(Origin(url), origin => new Lazy<Task<RobotsRules>>(() => LoadRobotsAsync(new Uri(origin + "/robots.txt"), isAllowed, ct))).Value;

    /// <summary>RFC 9309: no robots.txt (4xx) allows everything; one that cannot be read (5xx, unreachable) allows nothing.</summary>
    private async Task<RobotsRules> LoadRobotsAsync(Uri robotsUrl, Func<Uri, bool> isAllowed, CancellationToken ct)
    {
        var result = await WithRetriesAsync(new FetchRequest(robotsUrl.AbsoluteUri), isAllowed, obeyRobots: false, ct).ConfigureAwait(false);
        if (result.Status == FetchStatus.Ok) return RobotsRules.Parse(Encoding.UTF8.GetString(result.Body), _options.ProductToken);
        return result.HttpStatus is >= 400 and < 500 ? RobotsRules.AllowAll : RobotsRules.Parse("User-agent: *\nDisallow: /", _options.ProductToken);
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    public void Dispose()
    {
        _http.Dispose();
        _pacer.Dispose();
    }
}
