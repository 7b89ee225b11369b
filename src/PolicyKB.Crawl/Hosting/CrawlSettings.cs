namespace PolicyKB.Crawl;

/// <summary>The "Crawl" configuration section.</summary>
public sealed class CrawlSettings
{
    public const string Section = "Crawl";

    /// <summary>Run scheduled incremental crawls inside the service.</summary>
    public bool Enabled { get; set; }
    /// <summary>Time between the end of one scheduled crawl and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Wait after start-up before the first scheduled crawl.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Site codes crawled by default; empty means all.</summary>
    public List<string> Sites { get; set; } = [];
    /// <summary>Site code → base URL (a mirror).</summary>
    public Dictionary<string, string> BaseUrls { get; set; } = [];
    /// <summary>
    /// May POST /api/crawl name its own base URLs? Off by default: an admin key alone must not point the crawler at an
    /// internal address and publish what it answers under the official site's URLs. The configuration's
    /// <see cref="BaseUrls"/> and the CLI's --base-url are not affected.
    /// </summary>
    public bool AllowBaseUrlOverride { get; set; }
    /// <summary>The hosts (host or host:port) an API base-URL override may point at, when <see cref="AllowBaseUrlOverride"/> is on.</summary>
    public List<string> BaseUrlOverrideHosts { get; set; } = [];
    public string UserAgent { get; set; } = "PolicyKB/1.0";
    /// <summary>Where site operators can reach whoever runs the crawler (mail address or URL); sent in the User-Agent.</summary>
    public string? Contact { get; set; }
    public double RatePerSecond { get; set; } = 1.0;
    public double TimeoutSeconds { get; set; } = 30;
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxTries { get; set; } = 4;
    public int? MaxListPages { get; set; }
    /// <summary>How long a checked notice is left alone by later crawls (see <see cref="CrawlOptions.RecheckAfter"/>).</summary>
    public TimeSpan RecheckAfter { get; set; } = CrawlOptions.DefaultRecheckAfter;
    /// <summary>Knowledge-base folder for crawl.db and snapshots; default: the index's folder.</summary>
    public string? Directory { get; set; }

    public FetchOptions ToFetchOptions() => new()
    {
        UserAgent = UserAgent, Contact = Contact, RatePerSecond = RatePerSecond,
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds), MaxBodyBytes = MaxBodyBytes, MaxTries = MaxTries,
    };
}
