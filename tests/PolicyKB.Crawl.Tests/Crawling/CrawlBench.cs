namespace PolicyKB.Crawl.Tests;

/// <summary>A mirror server, a knowledge-base folder in temp, a sink and a reader: one crawler test's world.</summary>
public sealed class CrawlBench : IAsyncDisposable
{
    public required MirrorServer Server { get; init; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("policykb-crawl-").FullName;
    public IndexSink Sink { get; }
    public IPageReader Reader { get; init; } = new SimplePageReader();
    /// <summary>The crawler's clock: the system's, moved on by <see cref="LaterClock.Advance"/> to stand for days between crawls.</summary>
    public LaterClock Clock { get; } = new();

    /// <summary>Fast and impatient, so the tests run in seconds; still one request at a time per host.</summary>
    public static FetchOptions FastFetch => new()
    {
        RatePerSecond = 500, Timeout = TimeSpan.FromSeconds(10), BackoffBase = TimeSpan.FromMilliseconds(10), MaxTries = 3,
        Contact = "crawler-tests@example.org",
    };

    public CrawlBench() => Sink = new IndexSink(Folder);

    public static async Task<CrawlBench> StartAsync() => new() { Server = await MirrorServer.StartAsync() };

    public CrawlOptions Options(string site, int? maxListPages = null, FetchOptions? fetch = null) => new()
    {
        Sites = [site],
        BaseUrls = new Dictionary<string, string> { [site] = Server.BaseUrl },
        MaxListPages = maxListPages,
        Fetch = fetch ?? FastFetch,
    };

    public async Task<CrawlSummary> CrawlAsync(CrawlOptions options, CancellationToken ct = default)
    {
        using var store = OpenStore();
        return await new Crawler(Sink, store, Snapshots, Reader, Clock).RunAsync(options, null, ct);
    }

    public CrawlStore OpenStore() => CrawlStore.Open(CrawlRunner.DatabasePath(Folder));
    public SnapshotStore Snapshots => new(CrawlRunner.SnapshotsPath(Folder));

    /// <summary>Paths the server was asked for more than once.</summary>
    public IReadOnlyList<string> FetchedTwice(Func<string, bool>? which = null) =>
        Server.Paths.Where(which ?? (_ => true)).GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Sink.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>System time moved on by an offset; timers and timestamps stay the system's, so the fetcher's pacing still runs.</summary>
public sealed class LaterClock : TimeProvider
{
    private TimeSpan _offset;
    public void Advance(TimeSpan by) => _offset += by;
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
