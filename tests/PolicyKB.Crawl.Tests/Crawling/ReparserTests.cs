using PolicyKB.Model;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class ReparserTests
{
    /// <summary>A "newer parser": the simple reader with keywords added.</summary>
    private sealed class NewerReader : IPageReader
    {
        private readonly SimplePageReader _inner = new();
        public PageReading Read(byte[] content, string siteUrl, string? contentType)
        {
            var r = _inner.Read(content, siteUrl, contentType);
            return r with { Document = r.Document! with { Keywords = ["重新解析"], ContentHash = r.Document.ContentHash + "-v2" } };
        }
        public string? ReadAttachment(byte[] content, string fileNameOrKind) => _inner.ReadAttachment(content, fileNameOrKind);
    }

    [TestMethod]
    public async Task RebuildsEveryDocumentFromSnapshotsWithoutFetching()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 2, perPage: 3);
        await bench.CrawlAsync(bench.Options("ndrc"));
        var before = bench.Sink.Documents.ToDictionary(d => d.Id);
        await bench.Server.DisposeAsync(); // no server: a fetch would fail
        var requests = bench.Server.Requests.Count;

        ReparseSummary summary;
        using (var store = bench.OpenStore())
            summary = new Reparser(bench.Sink, store, bench.Snapshots, new NewerReader(), TestData.Sites.Profiles).Run();

        Assert.AreEqual(6, summary.Documents);
        Assert.AreEqual(6, summary.Updated);
        Assert.AreEqual(0, summary.Failures.Count);
        Assert.AreEqual(requests, bench.Server.Requests.Count);
        foreach (var doc in bench.Sink.Documents)
        {
            CollectionAssert.AreEqual(new[] { "重新解析" }, doc.Keywords.ToArray());
            Assert.AreEqual(Site.Ndrc, doc.Site);
            CollectionAssert.AreEqual(before[doc.Id].Versions.ToArray(), doc.Versions.ToArray(), "history kept");
            CollectionAssert.AreEqual(before[doc.Id].Attachments.Select(a => a.Text).ToArray(), doc.Attachments.Select(a => a.Text).ToArray(), "attachment text from snapshots");
        }
    }
}
