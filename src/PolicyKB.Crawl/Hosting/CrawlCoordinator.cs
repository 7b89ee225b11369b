using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Crawl;

/// <summary>A crawl asked for by POST /api/crawl or the schedule; unset fields take the "Crawl" configuration.</summary>
public sealed record CrawlRequest
{
    public IReadOnlyList<string>? Sites { get; init; }
    public IReadOnlyDictionary<string, string>? BaseUrls { get; init; }
    public int? MaxListPages { get; init; }
    /// <summary>Days a checked notice is left alone (0: check every known notice again); default: the settings'.</summary>
    public double? RecheckAfterDays { get; init; }
    /// <summary>Requests per second per host, at most the settings' (a crawl may be made gentler, never harder on a site).</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>Most list pages per start URL a request may ask for.</summary>
    public const int MaxListPagesLimit = 10_000;
}

/// <summary>What the coordinator is doing and what its last crawl did.</summary>
public sealed record CrawlStatus
{
    public bool Running { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<string> Sites { get; init; } = [];
    /// <summary>The latest page handled by the running (or last) crawl.</summary>
    public CrawlProgress? Progress { get; init; }
    public CrawlSummary? LastSummary { get; init; }
    public string? LastError { get; init; }
}

/// <summary>
/// Runs at most one crawl at a time inside the service, into the service's index and its folder's crawl.db and
/// snapshots. Started by POST /api/crawl and by <see cref="CrawlBackgroundService"/>; stopped with the host.
/// </summary>
public sealed partial class CrawlCoordinator : IDisposable
{
    private readonly IPolicyIndex _index;
    private readonly CrawlSettings _settings;
    private readonly ILogger _logger;
    private readonly IPageReader _reader;
    private readonly CrawlData _sites;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private CrawlStatus _status = new();
    private Task _current = Task.CompletedTask;

    internal CrawlCoordinator(IPolicyIndex index, IOptions<CrawlSettings> settings, IPageReader reader, CrawlData sites,
        ILogger<CrawlCoordinator>? logger = null, TimeProvider? time = null)
    {
        _index = index;
        _settings = settings.Value;
        _logger = logger ?? NullLogger<CrawlCoordinator>.Instance;
        _reader = reader;
        _sites = sites;
        _time = time ?? TimeProvider.System;
    }

    public CrawlStatus Status { get { lock (_lock) return _status; } }

    /// <summary>Completes when no crawl is running.</summary>
    public Task WhenIdle() { lock (_lock) return _current; }

    /// <summary>
    /// What is wrong with a request, in Chinese (the API's answer), by its field's JSON name (sites, baseUrls, maxListPages, recheckAfterDays,
    /// ratePerSecond); empty when it may start.
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(CrawlRequest request)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var profiles = _sites.Profiles;
        var known = string.Join(", ", profiles.Keys.Order());
        if (request.Sites is { } sites && sites.FirstOrDefault(s => !profiles.ContainsKey(s?.Trim().ToLowerInvariant() ?? "")) is { } unknown)
            errors["sites"] = $"未知的网站代码“{InvisibleText.Excerpt(unknown)}”（可用：{known}）";
        if (request.BaseUrls is { Count: > 0 } baseUrls)
        {
            if (!_settings.AllowBaseUrlOverride)
                errors["baseUrls"] = $"不能通过 API 改写网站地址（如需采集镜像，请在配置中设置 {CrawlSettings.Section}:AllowBaseUrlOverride 和 {CrawlSettings.Section}:BaseUrlOverrideHosts）";
            else if (baseUrls.FirstOrDefault(b => !profiles.ContainsKey(b.Key)) is { Key: not null } site)
                errors["baseUrls"] = $"“{InvisibleText.Excerpt(site.Key)}”不是网站代码（可用：{known}）";
            else if (baseUrls.FirstOrDefault(b => !IsAllowedOverride(b.Value)) is { Key: not null } bad)
                errors["baseUrls"] = $"{bad.Key} 的地址“{InvisibleText.Excerpt(bad.Value)}”不是允许的主机（{string.Join("、", _settings.BaseUrlOverrideHosts)}）上的 http(s) 地址";
        }
        if (request.MaxListPages is < 1 or > CrawlRequest.MaxListPagesLimit)
            errors["maxListPages"] = $"maxListPages 须为 1 至 {CrawlRequest.MaxListPagesLimit} 的整数";
        if (!CrawlOptions.RecheckPeriod(request.RecheckAfterDays, "recheckAfterDays").Success) errors["recheckAfterDays"] = $"recheckAfterDays 须为 0 至 {CrawlOptions.MaxRecheckDays} 之间的天数";
        if (request.RatePerSecond is { } rate && !(double.IsFinite(rate) && rate > 0 && rate <= _settings.RatePerSecond))
            errors["ratePerSecond"] = $"ratePerSecond 须大于 0，且不超过配置的每秒 {_settings.RatePerSecond} 次请求";
        return errors;
    }

    /// <summary>An absolute http(s) URL without user info whose host (with its port when the list names one) is listed.</summary>
    private bool IsAllowedOverride(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.UserInfo.Length > 0) return false;
        return _settings.BaseUrlOverrideHosts.Any(h =>
            h.Equals(u.Host, StringComparison.OrdinalIgnoreCase) || h.Equals(u.Authority, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Starts a crawl in the background: its status as it starts, or the reason when one is running or the request is invalid.</summary>
    public Parsed<CrawlStatus> Start(CrawlRequest request)
    {
        var recheck = CrawlOptions.RecheckPeriod(request.RecheckAfterDays, "recheckAfterDays");
        var options = new CrawlOptions
        {
            Sites = request.Sites ?? _settings.Sites,
            BaseUrls = request.BaseUrls ?? _settings.BaseUrls,
            MaxListPages = request.MaxListPages ?? _settings.MaxListPages,
            RecheckAfter = (recheck.Success ? recheck.Value : null) ?? _settings.RecheckAfter,
            Fetch = _settings.ToFetchOptions() with { RatePerSecond = request.RatePerSecond ?? _settings.RatePerSecond },
        };
        var endpoints = options.Resolve(_sites.Profiles);
        var error = Check(request).Values.FirstOrDefault() ?? endpoints.Error;
        lock (_lock)
        {
            if (_status.Running) return Parsed.Fail<CrawlStatus>($"已有采集正在运行（开始于 {_status.StartedAt:u}）");
            if (error is not null) return Parsed.Fail<CrawlStatus>(error);
            if (_stopping.IsCancellationRequested) return Parsed.Fail<CrawlStatus>("服务正在停止，请稍后再试");
            _status = _status with { Running = true, StartedAt = _time.GetUtcNow(), FinishedAt = null, Sites = [.. endpoints.Value.Select(e => e.Code)], Progress = null, LastError = null };
            _current = Task.Run(() => RunAsync(options));
            return Parsed.Of(_status);
        }
    }

    private async Task RunAsync(CrawlOptions options)
    {
        var folder = _settings.Directory ?? _index.Directory;
        CrawlSummary? summary = null;
        string? error = null;
        try
        {
            using var store = CrawlStore.Open(CrawlRunner.DatabasePath(folder));
            var crawler = new Crawler(_index, store, new SnapshotStore(CrawlRunner.SnapshotsPath(folder)), _reader, _sites.Profiles, _time);
            var progress = new Progress(this);
            summary = await crawler.RunAsync(options, progress, _stopping.Token).ConfigureAwait(false);
            LogFinished(_logger, summary.Fetched, summary.NotModified, summary.New, summary.Changed, summary.Failed);
        }
        catch (OperationCanceledException)
        {
            error = "stopped with the service; the next crawl resumes it";
        }
        catch (Exception e)
        {
            error = e.Message;
            LogFailed(_logger, e);
        }
        lock (_lock)
            _status = _status with { Running = false, FinishedAt = _time.GetUtcNow(), LastSummary = summary ?? _status.LastSummary, LastError = error };
    }

    /// <summary>Reports synchronously into the status (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl finished: {Fetched} fetched, {NotModified} not modified, {New} new, {Changed} changed, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, int fetched, int notModified, int @new, int changed, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawl failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class Progress(CrawlCoordinator owner) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value)
        {
            lock (owner._lock) owner._status = owner._status with { Progress = value };
        }
    }

    /// <summary>Stops a running crawl (its state is committed page by page) and waits for it.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdle().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
