using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Indexing;

/// <summary>The repository's sample pages, parsed by the importer, indexed and searched.</summary>
[TestClass]
public sealed class SamplesTests
{
    [TestMethod]
    public void SampleDocumentsAreFoundByTheirTitlesIssuersAndSubstrings()
    {
        var folder = Docs.SamplesFolder();
        if (folder is null) Assert.Inconclusive("samples folder not found");
        string[] pages = [".html", ".shtml", ".htm", ".pdf", ".docx"];
        var docs = Directory.GetFiles(folder).Where(f => pages.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => TestData.Parser.Parse(File.ReadAllBytes(f), new PageSource(FilePath: f)).Document)
            .OfType<PolicyDocument>().ToList();
        Assert.IsTrue(docs.Count >= 10, $"{docs.Count} samples parsed");
        using var t = new TestIndex(documents: docs);
        var stored = t.Index.All().Select(x => (Title: TextFold.Fold(x.Title), Body: TextFold.Fold(x.BodyText), No: x.DocumentNumber?.Normalized ?? "")).ToList();
        Assert.IsTrue(stored.Count < docs.Count, "the samples hold reposts of one notice, merged into one document");

        var rng = new Random(3);
        foreach (var d in docs)
        {
            var kept = t.Index.Get(d.Id)!;
            var title = t.Index.Search(new SearchRequest { Query = $"title:\"{d.Title}\"", WithFacets = false, Size = 50 });
            Assert.IsTrue(title.Hits.Any(h => h.Id == kept.Id), d.Title);
            foreach (var issuer in d.Issuers)
            {
                var r = t.Index.Search(new SearchRequest { Issuers = [issuer], Size = 50 });
                Assert.IsTrue(r.Hits.Any(h => h.Id == kept.Id), issuer);
            }
            var body = TextFold.Fold(kept.BodyText);
            for (var i = 0; i < 10 && body.Length > 10; i++)
            {
                var len = rng.Next(2, 7);
                var q = body.Substring(rng.Next(body.Length - len), len);
                if (!q.All(TextFold.IsHan)) continue;
                var expected = stored.Count(x => x.Title.Contains(q) || x.Body.Contains(q) || x.No.Contains(q));
                Assert.AreEqual(expected, t.Index.Search(new SearchRequest { Query = q, WithFacets = false, WithSnippets = false }).Total, q);
            }
        }
    }

    [TestMethod]
    public void HitsShowTheStoredDocumentsFactsAndSnippetsOfItsText()
    {
        var folder = Docs.SamplesFolder();
        if (folder is null) Assert.Inconclusive("samples folder not found");
        var docs = Directory.GetFiles(folder, "*.html").Concat(Directory.GetFiles(folder, "*.shtml"))
            .Select(f => TestData.Parser.Parse(File.ReadAllBytes(f), new PageSource(FilePath: f)).Document)
            .OfType<PolicyDocument>().ToList();
        using var t = new TestIndex(documents: docs);
        var all = t.Index.Search(new SearchRequest { Size = 100, WithFacets = false, WithSnippets = false });
        Assert.AreEqual(t.Index.Count, all.Total);
        foreach (var hit in all.Hits)
        {
            var d = t.Index.Get(hit.Id)!;
            Assert.AreEqual(d.Title, hit.Title);
            CollectionAssert.AreEqual(d.Issuers.ToList(), hit.Issuers.ToList(), d.Title);
            Assert.AreEqual(d.DocumentNumber?.Normalized, hit.DocumentNumber, d.Title);
            Assert.AreEqual(d.DocumentType, hit.DocumentType, d.Title);
            Assert.AreEqual(d.WrittenDate, hit.WrittenDate, d.Title);
            Assert.AreEqual(d.PublishedDate, hit.PublishedDate, d.Title);
            Assert.AreEqual(d.Site.ToCode(), hit.Site, d.Title);
            Assert.AreEqual(d.Url, hit.Url, d.Title);
        }

        // A passage of the body, searched as a phrase, comes back marked in the snippet of its document.
        var withBody = docs.First(d => d.BodyText.Length > 200);
        var kept = t.Index.Get(withBody.Id)!;
        // Eight Han characters from offset 100 on: which repost's text is kept depends on the order of the parallel
        // upserts, and a passage cut inside a number (…到2|025年) is no phrase of it (digits match whole numbers).
        var start = Enumerable.Range(100, kept.BodyText.Length - 108).First(i => kept.BodyText.Substring(i, 8).All(TextFold.IsHan));
        var passage = kept.BodyText.Substring(start, 8);
        var found = t.Index.Search(new SearchRequest { Query = $"\"{passage}\"", WithFacets = false, Size = SearchLimits.MaxPageSize });
        var snippet = string.Join("", found.Hits.Single(h => h.Id == kept.Id).Snippets);
        StringAssert.Contains(snippet.Replace("<mark>", "").Replace("</mark>", ""), System.Net.WebUtility.HtmlEncode(passage));
        StringAssert.Contains(snippet, "<mark>");
    }
}
