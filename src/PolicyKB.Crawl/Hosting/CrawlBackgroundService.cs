using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyKB.Crawl;

/// <summary>Scheduled incremental crawls inside `policykb serve`, when Crawl:Enabled is true.</summary>
public sealed partial class CrawlBackgroundService(CrawlCoordinator coordinator, IOptions<CrawlSettings> settings, ILogger<CrawlBackgroundService> logger, TimeProvider? time = null)
    : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        if (!s.Enabled) return;
        LogScheduled(logger, s.Interval, s.InitialDelay);
        try
        {
            await Task.Delay(s.InitialDelay, _time, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (coordinator.Start(new CrawlRequest()) is { Success: false } skipped)
                    LogSkipped(logger, skipped.Error);
                await coordinator.WhenIdle().WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(s.Interval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled crawls every {Interval}, first in {Delay}")]
    private static partial void LogScheduled(ILogger logger, TimeSpan interval, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled crawl skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string? reason);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await coordinator.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
