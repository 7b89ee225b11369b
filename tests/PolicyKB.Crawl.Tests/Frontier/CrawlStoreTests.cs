namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlStoreTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policykb-store-").FullName;
    private string DatabasePath => Path.Combine(_folder, "crawl.db");

    [TestCleanup]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [TestMethod]
    public void AnUnfinishedRunIsResumedAndItsFinishedPagesAreNotDueAgain()
    {
        long run;
        using (var store = CrawlStore.Open(DatabasePath))
        {
            run = store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out var resumed);
            Assert.IsFalse(resumed);
            store.Add("ndrc", [new DiscoveredPage("http://x/d1", PageKind.Detail), new DiscoveredPage("http://x/list", PageKind.List), new DiscoveredPage("http://x/d2", PageKind.Detail)]);
            Assert.AreEqual("http://x/list", store.NextDue("ndrc", run, DateTimeOffset.UnixEpoch)!.Url, "list pages first");
            store.Record(store.Get("http://x/list")! with { DoneRun = run }, [new DiscoveredPage("http://x/d1", PageKind.Detail)], null);
            store.Record(store.Get("http://x/d1")! with { DoneRun = run, Snapshot = "abc" }, [], new FetchLogEntry(run, "http://x/d1", DateTimeOffset.UnixEpoch, "Ok", 200, 1, 10, null));
        }
        using (var store = CrawlStore.Open(DatabasePath))
        {
            Assert.AreEqual(run, store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out var resumed));
            Assert.IsTrue(resumed);
            Assert.AreEqual("http://x/d2", store.NextDue("ndrc", run, DateTimeOffset.UnixEpoch)!.Url);
            Assert.AreEqual("abc", store.Get("http://x/d1")!.Snapshot);
            Assert.AreEqual(1, store.Log(run).Count);
            store.FinishRun(run, DateTimeOffset.UnixEpoch);
            var next = store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out resumed);
            Assert.IsFalse(resumed);
            Assert.AreEqual("http://x/list", store.NextDue("ndrc", next, DateTimeOffset.UnixEpoch)!.Url, "a new run visits every page again (none was checked)");
        }
    }

    [TestMethod]
    public void ADetailPageCheckedSinceTheCutOffIsNotDueUnlessItFailed()
    {
        using var store = CrawlStore.Open(DatabasePath);
        var checkedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(8));
        var run = store.BeginRun("ndrc", checkedAt, out _);
        store.Add("ndrc", [new DiscoveredPage("http://x/ok", PageKind.Detail), new DiscoveredPage("http://x/failed", PageKind.Detail)]);
        store.Record(store.Get("http://x/ok")! with { DoneRun = run, CheckedAt = checkedAt }, [], null);
        store.Record(store.Get("http://x/failed")! with { DoneRun = run, CheckedAt = checkedAt, Error = "HTTP 503" }, [], null);
        store.FinishRun(run, checkedAt);
        Assert.AreEqual(checkedAt, store.Get("http://x/ok")!.CheckedAt);

        var next = store.BeginRun("ndrc", checkedAt.AddDays(3), out _);
        Assert.AreEqual("http://x/failed", store.NextDue("ndrc", next, checkedAt.AddDays(-4))!.Url);
        store.Record(store.Get("http://x/failed")! with { DoneRun = next, Error = null, CheckedAt = checkedAt.AddDays(3) }, [], null);
        Assert.IsNull(store.NextDue("ndrc", next, checkedAt.AddDays(-4)), "checked within the period");
        Assert.AreEqual(1, store.CountFresh("ndrc", next, checkedAt.AddDays(-4)));
        Assert.AreEqual("http://x/ok", store.NextDue("ndrc", next, checkedAt.AddMinutes(1))!.Url, "checked before the cut-off");
    }

    [TestMethod]
    public void APeriodOfZeroMakesAPageCheckedAtTheVeryCutOffDue()
    {
        using var store = CrawlStore.Open(DatabasePath);
        var checkedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var run = store.BeginRun("ndrc", checkedAt, out _);
        store.Add("ndrc", [new DiscoveredPage("http://x/ok", PageKind.Detail)]);
        store.Record(store.Get("http://x/ok")! with { DoneRun = run, CheckedAt = checkedAt }, [], null);
        store.FinishRun(run, checkedAt);

        // The next run starts at the same instant (a fast clock, or a test's): `--recheck-after 0` still checks it.
        var next = store.BeginRun("ndrc", checkedAt, out _);
        Assert.AreEqual("http://x/ok", store.NextDue("ndrc", next, checkedAt)?.Url);
        Assert.AreEqual(0, store.CountFresh("ndrc", next, checkedAt));
    }

    [TestMethod]
    public void ACrawlDatabaseOfTheEarlierVersionOpensWithItsPagesAndTheirStateKept()
    {
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Frontier", "Fixtures", "crawl-db-v1.sql"));
            cmd.ExecuteNonQuery();
        }
        using var store = CrawlStore.Open(DatabasePath);
        var page = store.Get("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html")!;
        Assert.AreEqual("W/\"6548a1f2-3c1d\"", page.ETag);
        Assert.AreEqual("d0148916185b2d96cd9c", page.DocumentId);
        Assert.IsNull(page.CheckedAt);
        var run = store.BeginRun("ndrc", DateTimeOffset.UtcNow, out var resumed);
        Assert.IsFalse(resumed, "the earlier run had finished");
        var list = store.NextDue("ndrc", run, DateTimeOffset.UtcNow.AddDays(-7))!;
        Assert.AreEqual(PageKind.List, list.Kind);
        store.Record(list with { DoneRun = run }, [], null);
        Assert.AreEqual(page.Url, store.NextDue("ndrc", run, DateTimeOffset.UtcNow.AddDays(-7))!.Url, "never checked by this version: due once");
    }
}
