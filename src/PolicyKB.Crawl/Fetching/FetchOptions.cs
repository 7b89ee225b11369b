namespace PolicyKB.Crawl;

/// <summary>How politely and how patiently the crawler fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public string ProductToken { get; init; } = "PolicyKB";
    /// <summary>Sent as `User-Agent: PolicyKB/1.0 (+contact)`.</summary>
    public string UserAgent { get; init; } = "PolicyKB/1.0";
    /// <summary>A mail address or URL where site operators reach whoever runs the crawler.</summary>
    public string? Contact { get; init; }
    /// <summary>Requests per second per host (robots.txt Crawl-delay may slow it further).</summary>
    public double RatePerSecond { get; init; } = 1.0;
    /// <summary>Time allowed for one request, headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Attempts per URL before giving up (5xx, 429, timeouts, broken connections).</summary>
    public int MaxTries { get; init; } = 4;
    /// <summary>First retry delay; doubled each attempt, with up to 50% random jitter added.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this gives up instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
    public int MaxRedirects { get; init; } = 5;

    public string UserAgentHeader => string.IsNullOrWhiteSpace(Contact) ? UserAgent : $"{UserAgent} (+{Contact})";
}
