using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace PolicyKB.Service.Hosting;

/// <summary>The options of the caller completed from configuration: what the endpoints actually use.</summary>
internal sealed record ServiceSettings(
    string IndexDirectory,
    string? SamplesDirectory,
    string? AdminApiKey,
    TimeSpan SearchTimeout,
    int ExportLimit)
{
    public static readonly TimeSpan DefaultSearchTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultExportLimit = 5000;

    /// <summary>Folders POST /api/import {"path"} may read below (<c>PolicyKB:ImportRoots</c>); none by default, so only uploads work.</summary>
    public IReadOnlyList<string> ImportRoots { get; init; } = [];

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed (<c>PolicyKB:TrustedProxies</c>); none by default.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    public RateLimitSettings RateLimits { get; init; } = new();

    public bool AdminEnabled => !string.IsNullOrEmpty(AdminApiKey);

    public static ServiceSettings From(ServiceOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(ServiceOptions.Section);
        var timeoutSeconds = Positive(section, "SearchTimeoutSeconds", NumberStyles.Float, "a number of seconds above 0");
        var exportLimit = (int?)Positive(section, "ExportLimit", NumberStyles.Integer, "a whole number above 0");
        return new ServiceSettings(
            Path.GetFullPath(options.IndexDirectory),
            options.SamplesDirectory ?? NullIfEmpty(section["SamplesDirectory"]),
            options.AdminApiKey ?? NullIfEmpty(section["AdminApiKey"]),
            options.SearchTimeout ?? (timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultSearchTimeout),
            options.ExportLimit ?? exportLimit ?? DefaultExportLimit)
        {
            ImportRoots = [.. List(section, "ImportRoots").Select(ImportRoot)],
            TrustedProxies = [.. List(section, "TrustedProxies").Select(Proxy)],
            RateLimits = RateLimitSettings.From(section.GetSection(RateLimitSettings.Section)),
        };
    }

    /// <summary>An unset or empty value is null (the default applies); anything else must be a number above 0.</summary>
    private static double? Positive(IConfigurationSection section, string key, NumberStyles style, string rule)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n > 0 && n <= int.MaxValue
            ? n
            : throw new InvalidOperationException($"{ServiceOptions.Section}:{key} must be {rule}, not '{text}'.");
    }

    /// <summary>A list as configuration gives it: indexed entries (<c>ImportRoots:0</c>) or one value.</summary>
    private static IEnumerable<string> List(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var values = list.GetChildren().Select(c => c.Value).Append(list.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());
    }

    private static string ImportRoot(string path) => Path.IsPathFullyQualified(path)
        ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))
        : throw new InvalidOperationException($"{ServiceOptions.Section}:ImportRoots: '{path}' is not an absolute path.");

    private static IPAddress Proxy(string address) => IPAddress.TryParse(address, out var ip)
        ? ip
        : throw new InvalidOperationException($"{ServiceOptions.Section}:TrustedProxies: '{address}' is not an IP address.");

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>
/// Per-client limits (section <c>PolicyKB:RateLimits</c>): how many failed admin authentications an address may make
/// in a window before every admin call from it is refused, and how many searches one client may run at once.
/// </summary>
internal sealed record RateLimitSettings
{
    public const string Section = "RateLimits";

    public int FailedAdminAuthLimit { get; init; } = 10;
    public TimeSpan FailedAdminAuthWindow { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Searches, exports, suggestions, documents and briefs one client address runs at the same time.</summary>
    public int SearchConcurrencyPerClient { get; init; } = 4;
    /// <summary>Further requests of that client that wait for a place; more are answered 429.</summary>
    public int SearchQueuePerClient { get; init; } = 8;

    public static RateLimitSettings From(IConfigurationSection section)
    {
        var defaults = new RateLimitSettings();
        int Int(string key, int fallback, int min, int max)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text)) return fallback;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new InvalidOperationException($"{ServiceOptions.Section}:{Section}:{key} must be a whole number from {min} to {max}, not '{text}'.");
        }
        return new RateLimitSettings
        {
            FailedAdminAuthLimit = Int(nameof(FailedAdminAuthLimit), defaults.FailedAdminAuthLimit, 1, int.MaxValue),
            FailedAdminAuthWindow = TimeSpan.FromSeconds(Int("FailedAdminAuthWindowSeconds", (int)defaults.FailedAdminAuthWindow.TotalSeconds, 1, 86_400)),
            SearchConcurrencyPerClient = Int(nameof(SearchConcurrencyPerClient), defaults.SearchConcurrencyPerClient, 1, 10_000),
            SearchQueuePerClient = Int(nameof(SearchQueuePerClient), defaults.SearchQueuePerClient, 0, 10_000),
        };
    }
}
