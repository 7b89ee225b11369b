using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>One crawl as asked for: which sites, where (base URL overrides for mirrors), how deep, how politely.</summary>
public sealed record CrawlOptions
{
    /// <summary>Site codes (govcn, ndrc, mee, ccer); empty means every profile.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];
    /// <summary>Site code → base URL to crawl instead of the profile's (a mirror or a local server).</summary>
    public IReadOnlyDictionary<string, string> BaseUrls { get; init; } = new Dictionary<string, string>();
    /// <summary>List pages per start URL, overriding each profile's maximum.</summary>
    public int? MaxListPages { get; init; }
    public FetchOptions Fetch { get; init; } = new();
    /// <summary>
    /// How long a detail page found unchanged or imported is left alone: published notices seldom change, and a daily
    /// crawl would otherwise send one request per known notice. New links, list pages and failures are always fetched.
    /// <see cref="TimeSpan.Zero"/> checks every known page again.
    /// </summary>
    public TimeSpan RecheckAfter { get; init; } = DefaultRecheckAfter;
    public static readonly TimeSpan DefaultRecheckAfter = TimeSpan.FromDays(7);

    /// <summary>The longest recheck period: a hundred years.</summary>
    public const int MaxRecheckDays = 36_500;

    /// <summary>
    /// A re-check period as a user gives it, in days (the CLI's option, the API's field, named <paramref name="name"/>):
    /// null when none is given, or a failure when it is not 0 up to a hundred years.
    /// </summary>
    public static Parsed<TimeSpan?> RecheckPeriod(double? days, string name)
    {
        if (days is not { } d) return Parsed.Of<TimeSpan?>(null);
        if (double.IsFinite(d) && d is >= 0 and <= MaxRecheckDays) return Parsed.Of<TimeSpan?>(TimeSpan.FromDays(d));
        return Parsed.Fail<TimeSpan?>(name, $"{name} must be a number of days from 0 to {MaxRecheckDays}");
    }
    /// <summary>What is wrong with these options over the profiles of <paramref name="sites"/> (an unknown site, a bad base URL …), or null when a crawl can run them.</summary>
    public string? Validate(CrawlData sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return Resolve(sites.Profiles).Error;
    }

    /// <summary>The selected sites of <paramref name="profiles"/> bound to their addresses, or a message saying what is wrong.</summary>
    internal Parsed<IReadOnlyList<SiteEndpoint>> Resolve(IReadOnlyDictionary<string, SiteProfile> profiles)
    {
        var codes = Sites.Count == 0 ? profiles.Keys.Order().ToList() : Sites.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var endpoints = new List<SiteEndpoint>();
        foreach (var code in codes)
        {
            if (!profiles.TryGetValue(code, out var profile))
                return Parsed.Fail<IReadOnlyList<SiteEndpoint>>($"unknown site '{code}' (known: {string.Join(", ", profiles.Keys.Order())})");
            var baseUrl = BaseUrls.TryGetValue(code, out var b) ? b : null;
            if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                return Parsed.Fail<IReadOnlyList<SiteEndpoint>>($"base URL '{baseUrl}' for {code} is not an absolute http(s) URL");
            if (MaxListPages is not null) profile = profile with { MaxListPages = Math.Max(1, MaxListPages.Value) };
            endpoints.Add(new SiteEndpoint(profile, baseUrl));
        }
        if (Fetch.RatePerSecond <= 0) return Parsed.Fail<IReadOnlyList<SiteEndpoint>>("the rate must be more than 0 requests per second");
        if (RecheckAfter < TimeSpan.Zero) return Parsed.Fail<IReadOnlyList<SiteEndpoint>>("the re-check period cannot be negative");
        return Parsed.Of<IReadOnlyList<SiteEndpoint>>(endpoints);
    }
}

/// <summary>A URL the crawl gave up on, and why.</summary>
public sealed record CrawlFailure(string Url, string Reason);

/// <summary>What one crawl did on one site.</summary>
public sealed record SiteCrawlSummary
{
    public required string Site { get; init; }
    /// <summary>True when this crawl finished a run an earlier crawl had left unfinished.</summary>
    public bool Resumed { get; init; }
    public int ListPages { get; init; }
    /// <summary>Detail pages and attachments received with a body.</summary>
    public int Fetched { get; init; }
    /// <summary>Detail pages that were unchanged (304, the same bytes, or the same document).</summary>
    public int NotModified { get; init; }
    /// <summary>Known detail pages left alone: checked less than <see cref="CrawlOptions.RecheckAfter"/> ago.</summary>
    public int Fresh { get; init; }
    /// <summary>Documents added to the index.</summary>
    public int New { get; init; }
    /// <summary>Documents re-imported with a new version.</summary>
    public int Changed { get; init; }
    public int Attachments { get; init; }
    public IReadOnlyList<CrawlFailure> Failures { get; init; } = [];
    public int Failed => Failures.Count;
}

public sealed record CrawlSummary(IReadOnlyList<SiteCrawlSummary> Sites, DateTimeOffset Started, DateTimeOffset Finished)
{
    public int Fetched => Sites.Sum(s => s.Fetched);
    public int NotModified => Sites.Sum(s => s.NotModified);
    public int Fresh => Sites.Sum(s => s.Fresh);
    public int New => Sites.Sum(s => s.New);
    public int Changed => Sites.Sum(s => s.Changed);
    public int Failed => Sites.Sum(s => s.Failed);
}

/// <summary>One page handled: reported to the caller's IProgress as the crawl goes.</summary>
public sealed record CrawlProgress(string Site, string Url, PageKind Kind, string Outcome, SiteCrawlSummary SoFar);
