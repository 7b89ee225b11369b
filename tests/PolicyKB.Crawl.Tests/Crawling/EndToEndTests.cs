using PolicyKB.Search;

namespace PolicyKB.Crawl.Tests;

/// <summary>The real parser and the real index in a temp folder, against an NDRC mirror.</summary>
[TestClass]
public sealed class EndToEndTests
{
    [TestMethod]
    public async Task CrawlsAnNdrcMirrorIntoASearchableIndexAndASecondCrawlFetchesNothingNew()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 2, perPage: 3);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);

        var first = await CrawlRunner.CrawlAsync(bench.Folder, index, TestData.Parser, TestData.Sites, bench.Options("ndrc"));
        var second = await CrawlRunner.CrawlAsync(bench.Folder, index, TestData.Parser, TestData.Sites, bench.Options("ndrc"));

        Assert.AreEqual(6, first.New, string.Join("\n", first.Sites.SelectMany(s => s.Failures)));
        Assert.AreEqual(0, second.New + second.Changed + second.Fetched + second.Failed);
        Assert.AreEqual(6, second.Fresh, "checked minutes ago: left alone");
        Assert.AreEqual(0, second.NotModified);
        index.Refresh();
        Assert.AreEqual(6, index.Count);
        var hits = index.Search(new SearchRequest { Query = "绿色电力交易 第3批" });
        Assert.IsTrue(hits.Total >= 1);
        var doc = index.Get(hits.Hits[0].Id)!;
        Assert.AreEqual(Model.Site.Ndrc, doc.Site);
        StringAssert.StartsWith(doc.Url, "https://www.ndrc.gov.cn/xxgk/zcfb/tz/");
        Assert.AreEqual(1, doc.Versions.Count);
        Assert.IsTrue(notices.Any(n => doc.Title.Contains(n.Title)));
        var withAttachments = index.All().Where(d => d.Attachments.Count > 0).ToList();
        Assert.AreEqual(3, withAttachments.Count);
        Assert.IsTrue(withAttachments.All(d => d.Attachments.Single().Text?.Contains("甲乙丙丁地区") == true), "attachment text stored with the notice");
    }

    [TestMethod]
    public async Task AttachmentTextIsSearchableWithItsNotice()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 4);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);

        await CrawlRunner.CrawlAsync(bench.Folder, index, TestData.Parser, TestData.Sites, bench.Options("ndrc"));

        index.Refresh();
        // The words occur only in the DOCX attachments of notices 1 and 3.
        Assert.AreEqual(2, index.Search(new SearchRequest { Query = "甲乙丙丁地区" }).Total);
    }

    [TestMethod]
    public async Task ReparseRebuildsTheIndexFromSnapshots()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 3);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);
        await CrawlRunner.CrawlAsync(bench.Folder, index, TestData.Parser, TestData.Sites, bench.Options("ndrc"));

        var summary = CrawlRunner.Reparse(bench.Folder, index, TestData.Parser, TestData.Sites);

        Assert.AreEqual(3, summary.Documents);
        Assert.AreEqual(0, summary.Failures.Count);
        Assert.AreEqual(3, summary.Unchanged, "the same parser gives the same documents");
    }
}
