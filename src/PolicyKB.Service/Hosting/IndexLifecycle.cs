using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyKB.Import;
using PolicyKB.Search;

namespace PolicyKB.Service.Hosting;

/// <summary>
/// Opens the index before the server listens, imports the samples into an empty index (a fresh clone answers
/// searches at once), says where the service is, warms the search path up, and commits the index on shutdown (the
/// container then disposes it).
/// </summary>
internal sealed partial class IndexLifecycle(IServiceProvider services, ServiceSettings settings, ILogger<IndexLifecycle> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var index = services.GetRequiredService<IPolicyIndex>();
        Log.Opened(log, settings.IndexDirectory, index.Count);
        if (index.Count == 0 && settings.SamplesDirectory is { } samples)
        {
            if (!Directory.Exists(samples)) Log.NoSamples(log, samples);
            else
            {
                var report = new DocumentImporter(index, services.GetRequiredService<DocumentParser>(), clock: services.GetRequiredService<TimeProvider>()).ImportPaths([samples], ct: cancellationToken);
                index.Commit();
                Log.SamplesImported(log, samples, report.Files.Count, report.Failed, index.Count);
            }
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses) Log.Serving(log, address, settings.IndexDirectory);
        // A process's first search loads SmartCn's word dictionaries and compiles the query path, most of a second here:
        // one search in the background pays for it before a user's does.
        var index = services.GetRequiredService<IPolicyIndex>();
        _ = Task.Run(() => WarmUp(index), CancellationToken.None);
        return Task.CompletedTask;
    }

    private void WarmUp(IPolicyIndex index)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = index.Search(new SearchRequest { Query = "碳达峰 温室气体排放" });
            // The answer's JSON writer is compiled on first use too.
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, PolicyKB.Model.PolicyJson.Options);
            Log.WarmedUp(log, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Most likely the service stopped first and the index is closed; nothing depends on the warm-up.
            Log.WarmUpSkipped(log, e.Message);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IPolicyIndex>().Commit();
        Log.Committed(log, settings.IndexDirectory);
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Index {Directory} open with {Count} documents")]
        public static partial void Opened(ILogger logger, string directory, int count);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Samples folder {Directory} does not exist; nothing imported")]
        public static partial void NoSamples(ILogger logger, string directory);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Imported the samples in {Directory}: {Files} files, {Failed} failed; the index holds {Count} documents")]
        public static partial void SamplesImported(ILogger logger, string directory, int files, int failed, int count);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "PolicyKB is serving {Address} (index {Directory}); press Ctrl+C to stop")]
        public static partial void Serving(ILogger logger, string address, string directory);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Index {Directory} committed")]
        public static partial void Committed(ILogger logger, string directory);

        [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Search path warmed up in {Milliseconds:0} ms")]
        public static partial void WarmedUp(ILogger logger, double milliseconds);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Search warm-up skipped: {Reason}")]
        public static partial void WarmUpSkipped(ILogger logger, string reason);
    }
}
