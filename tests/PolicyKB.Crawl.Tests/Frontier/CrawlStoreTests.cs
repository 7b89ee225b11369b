namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlStoreTests
{
    [TestMethod]
    public void AnUnfinishedRunIsResumedAndItsFinishedPagesAreNotDueAgain()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var path = Path.Combine(folder, "crawl.db");
        try
        {
            long run;
            using (var store = CrawlStore.Open(path))
            {
                run = store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out var resumed);
                Assert.IsFalse(resumed);
                store.Add("ndrc", [new DiscoveredPage("http://x/d1", PageKind.Detail), new DiscoveredPage("http://x/list", PageKind.List), new DiscoveredPage("http://x/d2", PageKind.Detail)]);
                Assert.AreEqual("http://x/list", store.NextDue("ndrc", run)!.Url, "list pages first");
                store.Record(store.Get("http://x/list")! with { DoneRun = run }, [new DiscoveredPage("http://x/d1", PageKind.Detail)], null);
                store.Record(store.Get("http://x/d1")! with { DoneRun = run, Snapshot = "abc" }, [], new FetchLogEntry(run, "http://x/d1", DateTimeOffset.UnixEpoch, "Ok", 200, 1, 10, null));
            }
            using (var store = CrawlStore.Open(path))
            {
                Assert.AreEqual(run, store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out var resumed));
                Assert.IsTrue(resumed);
                Assert.AreEqual("http://x/d2", store.NextDue("ndrc", run)!.Url);
                Assert.AreEqual("abc", store.Get("http://x/d1")!.Snapshot);
                Assert.AreEqual(1, store.Log(run).Count);
                store.FinishRun(run, DateTimeOffset.UnixEpoch);
                var next = store.BeginRun("ndrc", DateTimeOffset.UnixEpoch, out resumed);
                Assert.IsFalse(resumed);
                Assert.AreEqual("http://x/list", store.NextDue("ndrc", next)!.Url, "a new run visits every page again");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
