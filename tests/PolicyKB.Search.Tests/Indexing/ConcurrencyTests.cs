using PolicyKB.Model;

namespace PolicyKB.Search.Tests.Indexing;

[TestClass]
public sealed class ConcurrencyTests
{
    [TestMethod]
    public void SearchesRunWhileDocumentsAreUpsertedAndCommitted()
    {
        using var t = new TestIndex();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                t.Index.Upsert(Docs.Make("d" + i, $"第{i}号碳市场通知", $"关于碳市场的第{i}项安排。"));
                if (i % 50 == 49) t.Index.Commit();
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var last = 0;
            while (!writer.IsCompleted)
            {
                var total = t.Index.Search(new SearchRequest { Query = "碳市场" }).Total;
                Assert.IsTrue(total >= last, "visible documents never disappear");
                last = total;
            }
        })).ToArray();
        Task.WaitAll([writer, .. readers]);
        t.Index.Refresh();
        Assert.AreEqual(300, t.Index.Search(new SearchRequest { Query = "碳市场" }).Total);
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(Docs.Make("d7", "第7号碳市场通知", "关于碳市场的第7项安排。")));
    }
}
