using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>The caller's options over the bound (and validated) <c>PolicyKB</c> section.</summary>
    public static ServiceSettings From(ServiceOptions options, ServiceConfiguration configuration) => new(
        Path.GetFullPath(options.IndexDirectory),
        options.SamplesDirectory ?? NullIfEmpty(configuration.SamplesDirectory),
        options.AdminApiKey ?? NullIfEmpty(configuration.AdminApiKey),
        options.SearchTimeout ?? (configuration.SearchTimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultSearchTimeout),
        options.ExportLimit ?? configuration.ExportLimit ?? DefaultExportLimit)
    {
        ImportRoots = [.. configuration.ImportRoots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))],
        TrustedProxies = [.. configuration.TrustedProxies.Select(IPAddress.Parse)],
        RateLimits = configuration.RateLimits,
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>
/// The <c>PolicyKB</c> configuration section as bound (appsettings.json, <c>PolicyKB__…</c>, <c>--PolicyKB:…</c>);
/// checked by <see cref="ServiceConfigurationValidator"/> when the host starts. Unset or empty values take the defaults.
/// </summary>
internal sealed class ServiceConfiguration
{
    public string? SamplesDirectory { get; set; }
    public string? AdminApiKey { get; set; }
    public double? SearchTimeoutSeconds { get; set; }
    public int? ExportLimit { get; set; }
    /// <summary>Indexed entries (<c>ImportRoots:0</c>) or one value (<c>PolicyKB__ImportRoots=/srv/in</c>).</summary>
    public List<string> ImportRoots { get; set; } = [];
    /// <summary>Indexed entries or one value, as <see cref="ImportRoots"/>.</summary>
    public List<string> TrustedProxies { get; set; } = [];
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>
    /// Binds and checks the section when the host starts, and registers the <see cref="ServiceSettings"/> the endpoints
    /// use. A value the binder cannot convert is reported, like a value out of range, as an <see cref="OptionsValidationException"/>.
    /// </summary>
    public static IServiceCollection Add(IServiceCollection services, ServiceOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(ServiceOptions.Section);
        services.AddOptions<ServiceConfiguration>().Configure(c => Bind(section, c)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceConfiguration>, ServiceConfigurationValidator>();
        services.AddSingleton(sp => ServiceSettings.From(options, sp.GetRequiredService<IOptions<ServiceConfiguration>>().Value));
        return services;
    }

    private static void Bind(IConfigurationSection section, ServiceConfiguration target)
    {
        try
        {
            section.Bind(target);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key ("Failed to convert configuration value at 'PolicyKB:ExportLimit' …").
            throw new OptionsValidationException(ServiceOptions.Section, typeof(ServiceConfiguration), [e.Message]);
        }
        // The binder reads a list only from indexed entries; one plain value (an environment variable) is a list of one.
        AddSingle(section, nameof(ImportRoots), target.ImportRoots);
        AddSingle(section, nameof(TrustedProxies), target.TrustedProxies);
    }

    private static void AddSingle(IConfigurationSection section, string key, List<string> list)
    {
        if (section[key] is { } value && !string.IsNullOrWhiteSpace(value)) list.Add(value);
        list.RemoveAll(string.IsNullOrWhiteSpace);
        for (var i = 0; i < list.Count; i++) list[i] = list[i].Trim();
    }
}

/// <summary>Checks the <c>PolicyKB</c> section when the host starts, so a bad setting stops start-up with a message naming it.</summary>
internal sealed class ServiceConfigurationValidator : IValidateOptions<ServiceConfiguration>
{
    public ValidateOptionsResult Validate(string? name, ServiceConfiguration settings)
    {
        const string section = ServiceOptions.Section;
        var errors = new List<string>();
        void Require(bool ok, string key, string rule, object? value)
        {
            if (!ok) errors.Add($"{section}:{key} must be {rule}, not '{value}'.");
        }
        Require(settings.SearchTimeoutSeconds is null or (> 0 and <= int.MaxValue), nameof(settings.SearchTimeoutSeconds), "a number of seconds above 0", settings.SearchTimeoutSeconds);
        Require(settings.ExportLimit is null or > 0, nameof(settings.ExportLimit), "a whole number above 0", settings.ExportLimit);
        foreach (var root in settings.ImportRoots.Where(r => !Path.IsPathFullyQualified(r)))
            errors.Add($"{section}:{nameof(settings.ImportRoots)}: '{root}' is not an absolute path.");
        foreach (var proxy in settings.TrustedProxies.Where(p => !IPAddress.TryParse(p, out _)))
            errors.Add($"{section}:{nameof(settings.TrustedProxies)}: '{proxy}' is not an IP address.");

        var limits = settings.RateLimits;
        void InRange(int value, string key, int min, int max) =>
            Require(value >= min && value <= max, $"{RateLimitSettings.Section}:{key}", $"a whole number from {min} to {max}", value);
        InRange(limits.FailedAdminAuthLimit, nameof(limits.FailedAdminAuthLimit), 1, int.MaxValue);
        InRange(limits.FailedAdminAuthWindowSeconds, nameof(limits.FailedAdminAuthWindowSeconds), 1, 86_400);
        InRange(limits.SearchConcurrencyPerClient, nameof(limits.SearchConcurrencyPerClient), 1, 10_000);
        InRange(limits.SearchQueuePerClient, nameof(limits.SearchQueuePerClient), 0, 10_000);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// Per-client limits (section <c>PolicyKB:RateLimits</c>): how many failed admin authentications an address may make
/// in a window before every admin call from it is refused, and how many searches one client may run at once.
/// </summary>
internal sealed record RateLimitSettings
{
    public const string Section = "RateLimits";

    public int FailedAdminAuthLimit { get; init; } = 10;
    public int FailedAdminAuthWindowSeconds { get; init; } = 15 * 60;
    public TimeSpan FailedAdminAuthWindow => TimeSpan.FromSeconds(FailedAdminAuthWindowSeconds);
    /// <summary>Searches, exports, suggestions, documents and briefs one client address runs at the same time.</summary>
    public int SearchConcurrencyPerClient { get; init; } = 4;
    /// <summary>Further requests of that client that wait for a place; more are answered 429.</summary>
    public int SearchQueuePerClient { get; init; } = 8;
}
