using PolicyKB.Model;
using PolicyKB.Search.Compare;
using PolicyKB.Search.Ingest;

namespace PolicyKB.Search.Tests.Compare;

/// <summary>Versions a page keeps when the crawler sees it change, and their comparison.</summary>
[TestClass]
public sealed class DocumentVersionsTests
{
    private static readonly DateTimeOffset First = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The page as the crawler hands it over: its fetch is its version.</summary>
    private static PolicyDocument Fetched(int n, string body)
    {
        var d = Docs.Make("page", "关于开展碳排放核查试点工作的通知", body) with { Url = "https://www.mee.gov.cn/a/t1.html", PublishedDate = new DateOnly(2024, 3, 1) };
        return d with { Versions = [new DocumentVersion(First.AddDays(n), d.ContentHash)] };
    }

    [TestMethod]
    public void APageReadAgainWithAnotherTextKeepsThePreviousTextOnItsVersion()
    {
        using var t = new TestIndex();
        t.Index.Upsert(Fetched(0, "一、试点范围为北京、上海。"));
        t.Index.Upsert(Fetched(1, "一、试点范围为北京、上海、广东。"));
        t.Index.Commit();

        var doc = t.Index.Get("page")!;
        var versions = DocumentVersions.List(doc);
        Assert.AreEqual(2, versions.Count);
        Assert.AreEqual("一、试点范围为北京、上海。", PolicyDocument.TextOf(DocumentVersions.TextOf(doc, 1)!.Body));
        Assert.IsTrue(versions.All(v => v.TextKept));
        Assert.IsTrue(versions[1].Current);
        Assert.AreEqual(First.AddDays(1), versions[1].FetchedAt);

        var diff = DocumentVersions.Compare(DocumentVersions.TextOf(doc, 1)!, DocumentVersions.TextOf(doc, 2)!);
        Assert.AreEqual("、广东", string.Concat(diff.Rows.SelectMany(r => r.New).SelectMany(p => p).Where(r => r.Kind == DiffKind.Inserted).Select(r => r.Text)));
        Assert.AreEqual(0, diff.Deleted);
    }

    [TestMethod]
    public void TheIndexKeepsTheLatestEarlierTextsOnlyAndEveryVersionsTimeAndHash()
    {
        using var t = new TestIndex();
        var count = DocumentIngest.MaxVersionTexts + 3;
        for (var i = 0; i < count; i++) t.Index.Upsert(Fetched(i, $"一、第{i}次修改后的试点范围。"));
        t.Index.Commit();

        var versions = DocumentVersions.List(t.Index.Get("page")!);
        Assert.AreEqual(count, versions.Count);
        CollectionAssert.AreEqual(Enumerable.Range(0, count).Select(i => First.AddDays(i)).ToList(), versions.Select(v => v.FetchedAt).ToList());
        // The current text and the latest earlier ones; the oldest keep time and hash, their pages stay in snapshots/.
        CollectionAssert.AreEqual(Enumerable.Range(0, count).Select(i => i >= count - 1 - DocumentIngest.MaxVersionTexts).ToList(), versions.Select(v => v.TextKept).ToList());
    }

    [TestMethod]
    public void AnUnchangedFetchAddsNoVersion()
    {
        using var t = new TestIndex();
        t.Index.Upsert(Fetched(0, "一、试点范围为北京、上海。"));
        t.Index.Upsert(Fetched(1, "一、试点范围为北京、上海。"));
        t.Index.Commit();

        Assert.AreEqual(1, DocumentVersions.List(t.Index.Get("page")!).Count);
    }
}
