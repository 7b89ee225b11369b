using Microsoft.Extensions.Time.Testing;

namespace PolicyKB.Crawl.Tests;

/// <summary>A mirror server, a knowledge-base folder in temp, a sink and a reader: one crawler test's world.</summary>
internal sealed class CrawlBench : IAsyncDisposable
{
    public required MirrorServer Server { get; init; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("policykb-crawl-").FullName;
    public IndexSink Sink { get; }
    public IPageReader Reader { get; init; } = new SimplePageReader();
    /// <summary>The crawler's site profiles: the data folder's, or a test's variant of one.</summary>
    public IReadOnlyDictionary<string, SiteProfile> Profiles { get; set; } = TestData.Sites.Profiles;
    /// <summary>The crawler's and the server's clock: driven by <see cref="CrawlAsync"/>, moved on by days between crawls.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// Fast, so the tests run in milliseconds; still one request at a time per host. The timeout is on the fake clock,
    /// which a driver moves while a request is in flight: an hour cannot pass by accident.
    /// </summary>
    public static FetchOptions FastFetch => new()
    {
        RatePerSecond = 500, Timeout = TimeSpan.FromHours(1), BackoffBase = TimeSpan.FromMilliseconds(10), MaxTries = 3,
        Contact = "crawler-tests@example.org",
    };

    private CrawlBench(FakeTimeProvider clock)
    {
        Clock = clock;
        Sink = new IndexSink(Folder);
    }

    public static async Task<CrawlBench> StartAsync()
    {
        var clock = new FakeTimeProvider(ClockDriver.Start);
        return new CrawlBench(clock) { Server = await MirrorServer.StartAsync(clock) };
    }

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
        return await Clock.DriveAsync(new Crawler(Sink, store, Snapshots, Reader, Profiles, Clock).RunAsync(options, null, ct));
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
