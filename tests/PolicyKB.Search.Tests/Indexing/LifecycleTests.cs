using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Tests.Indexing;

[TestClass]
public sealed class LifecycleTests
{
    private static PolicyDocument Notice(string id = "n1", string body = "为加快建设全国碳排放权交易市场，现将有关事项通知如下。") =>
        Docs.Make(id, "关于做好全国碳市场配额分配工作的通知", body) with
        {
            Issuers = ["生态环境部", "国家发展改革委"],
            DocumentNumber = DocumentNumber.Parse("环气候〔2023〕15号"),
            PublishedDate = new DateOnly(2023, 10, 11),
            Url = "https://www.mee.gov.cn/x/" + id + ".html",
            Site = Site.Mee,
        };

    [TestMethod]
    public void GetReturnsTheStoredDocumentExactly()
    {
        using var t = new TestIndex();
        var d = Notice() with { Themes = ["碳市场"], Topics = ["生态环境", "气候变化"], Methodologies = [new Methodology("CCER-14-001-V01", "并网光热发电", "14", "V01")] };
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(d));
        Assert.AreEqual(Json(d), Json(t.Index.Get("n1")!), "visible before any refresh");
        t.Index.Commit();
        Assert.AreEqual(Json(d), Json(t.Index.Get("n1")!));
        Assert.AreEqual(Json(d), Json(t.Index.All().Single()));
        Assert.IsNull(t.Index.Get("missing"));
    }

    [TestMethod]
    public void UpsertIsIdempotentAndUpdatesById()
    {
        using var t = new TestIndex();
        var d = Notice();
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(d));
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(d));
        t.Index.Commit();
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(d with { }));
        var changed = d with { Title = "关于做好全国碳市场配额分配工作的补充通知", ContentHash = "other" };
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(changed));
        t.Index.Refresh();
        Assert.AreEqual(1, t.Index.Count);
        Assert.AreEqual(changed.Title, t.Index.Get("n1")!.Title);
        Assert.IsTrue(t.Index.Delete("n1"));
        Assert.IsFalse(t.Index.Delete("n1"));
        t.Index.Refresh();
        Assert.AreEqual(0, t.Index.Count);
    }

    [TestMethod]
    public void RepostedNoticeBecomesOneDocumentWithSeveralSources()
    {
        using var t = new TestIndex();
        var mee = Notice("mee1");
        var govcn = Notice("gov1") with { Url = "https://www.gov.cn/zhengce/gov1.htm", Site = Site.GovCn, ContentHash = "gov-layout" };
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(mee));
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(govcn), "merged before any refresh");
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(govcn));
        t.Index.Commit();
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(govcn), "and after one");

        var result = t.Index.Search(new SearchRequest { Query = "配额分配" });
        Assert.AreEqual(1, result.Total);
        var merged = t.Index.Get("mee1")!;
        CollectionAssert.AreEqual(new[] { Site.Mee, Site.GovCn }, merged.Sources.Select(s => s.Site).ToArray());
        Assert.AreEqual("mee1", t.Index.Get("gov1")!.Id, "the repost's id finds the merged document");
        CollectionAssert.AreEquivalent(new[] { "mee", "govcn" }, result.Facets[FacetNames.Site].Select(v => v.Value).ToArray());
    }

    [TestMethod]
    public void NearIdenticalBodyWithoutDocumentNumberIsARepost()
    {
        using var t = new TestIndex();
        var body = string.Concat(Enumerable.Repeat("生态环境部发布年度报告，介绍应对气候变化的政策与行动。", 4));
        // Only a page with an address is kept as a source of another document: its entry is how a later change is seen.
        t.Index.Upsert(Docs.Make("x1", "中国应对气候变化的政策与行动2023年度报告", body) with { Url = "https://www.mee.gov.cn/x1.html" });
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(Docs.Make("x2", "中国应对气候变化的政策与行动 2023年度报告", body.Replace("，", ", ")) with { Url = "https://www.gov.cn/x2.htm" }));
        t.Index.Commit();
        Assert.AreEqual(1, t.Index.Count);
    }

    [TestMethod]
    public void SecondWriterOnTheSameFolderGetsAClearError()
    {
        using var t = new TestIndex();
        var e = Assert.ThrowsExactly<KnowledgeBaseLockedException>(() => PolicyIndex.Open(t.Folder, TestData.IndexOptions));
        StringAssert.Contains(e.Message, $"进程 {Environment.ProcessId}", "the message names the holder");
        Assert.IsInstanceOfType<PolicyIndexException>(e);
        t.Index.Upsert(Notice());
        t.Index.Commit();
        Assert.AreEqual(1, t.Index.Count, "the first writer still works");
    }

    [TestMethod]
    public void IndexOfAnotherSchemaVersionSaysToReimport()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policykb-search-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var dir = FSDirectory.Open(Path.Combine(folder, "lucene")))
            using (var w = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
            {
                w.SetCommitData(new Dictionary<string, string> { [Schema.VersionKey] = "0" });
                w.Commit();
            }
            var e = Assert.ThrowsExactly<IndexVersionException>(() => PolicyIndex.Open(folder, TestData.IndexOptions));
            StringAssert.Contains(e.Message, "Re-import");
            Assert.AreEqual("0", e.FoundVersion);
            var report = PolicyIndex.Check(folder);
            Assert.IsFalse(report.Clean);
            Assert.IsTrue(report.Problems.Any(p => p.Contains("re-import")));
        }
        finally { System.IO.Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void CheckCountsDocumentsAndSegments()
    {
        using var t = new TestIndex(documents: [Notice("a"), Docs.Make("b", "另一个通知", "正文")]);
        Assert.IsFalse(PolicyIndex.Check(t.Folder + "-absent").Exists);
        var report = PolicyIndex.Check(t.Folder);
        Assert.IsTrue(report.Exists);
        Assert.IsTrue(report.Clean, string.Join("; ", report.Problems));
        Assert.AreEqual(2, report.Documents);
        Assert.IsTrue(report.Segments >= 1);
        Assert.AreEqual(Schema.Version, report.SchemaVersion);
        Assert.IsNotNull(report.LastCommit);
    }

    [TestMethod]
    public void CommittedDocumentsSurviveReopening()
    {
        var t = new TestIndex();
        try
        {
            Assert.IsNull(t.Index.LastCommit, "never committed");
            t.Index.Upsert(Notice());
            t.Index.Dispose();
            using var reopened = PolicyIndex.Open(t.Folder, TestData.IndexOptions with { Thesaurus = Search.Querying.Thesaurus.Empty });
            Assert.AreEqual(1, reopened.Count);
            Assert.IsNotNull(reopened.LastCommit);
        }
        finally { System.IO.Directory.Delete(t.Folder, true); }
    }

    [TestMethod]
    public void LocationIsTheOptionElseTheEnvironmentElseIndex()
    {
        Assert.AreEqual(Path.GetFullPath("kb"), IndexLocation.Resolve("kb"));
        var saved = Environment.GetEnvironmentVariable(IndexLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(IndexLocation.EnvironmentVariable, "/tmp/from-env");
            Assert.AreEqual("/tmp/from-env", IndexLocation.Resolve(null));
            Environment.SetEnvironmentVariable(IndexLocation.EnvironmentVariable, null);
            Assert.AreEqual(Path.GetFullPath("index"), IndexLocation.Resolve(" "));
        }
        finally { Environment.SetEnvironmentVariable(IndexLocation.EnvironmentVariable, saved); }
    }

    private static string Json(PolicyDocument d) => JsonSerializer.Serialize(d, PolicyJson.Options);
}
