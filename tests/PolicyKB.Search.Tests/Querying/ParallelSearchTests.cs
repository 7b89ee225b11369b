using Lucene.Net.Index;
using PolicyKB.Corpus;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>A large index searches runs of segments in parallel; the answer must be the one-thread answer.</summary>
[TestClass]
public sealed class ParallelSearchTests
{
    [TestMethod]
    public void ParallelSlicesAnswerExactlyAsOneThread()
    {
        var docs = new CorpusGenerator(seed: 11).Generate(400).Select(p => p.ToDocument()).ToList();
        using var folder = new Folder();
        Build(folder.Path, docs);
        Assert.IsTrue(PolicyIndex.Check(folder.Path).Segments >= 4, "several segments, for the slices to mean anything");
        // Both read the same segments: two folders built alike can still differ in where a flush or merge cut them
        // (timing), and then documents of equal score (the empty query) come in another order.
        using var one = PolicyIndex.OpenReadOnly(folder.Path, Options(int.MaxValue));
        using var many = PolicyIndex.OpenReadOnly(folder.Path, Options(0));

        var issuer = one.Facets()[FacetNames.Issuer][0].Value;
        var requests = new[] { "", "通知", "碳排放", "绿色 金融", "\"生态环境\"", "的" }
            .SelectMany(q => new[]
            {
                new SearchRequest { Query = q, Size = 20 },
                new SearchRequest { Query = q, Size = 10, Page = 3 },
                new SearchRequest { Query = q, Sort = SearchSort.Newest, Size = 15 },
                new SearchRequest { Query = q, Sort = SearchSort.Oldest, Issuers = [issuer] },
            });
        foreach (var request in requests)
        {
            var expected = one.Search(request);
            var actual = many.Search(request);
            var what = $"“{request.Query}” {request.Sort} page {request.Page} {string.Join(",", request.Issuers)}";
            Assert.AreEqual(expected.Total, actual.Total, what);
            CollectionAssert.AreEqual(expected.Hits.Select(h => h.Id).ToList(), actual.Hits.Select(h => h.Id).ToList(), what);
            CollectionAssert.AreEqual(expected.Hits.Select(h => h.Score).ToList(), actual.Hits.Select(h => h.Score).ToList(), what);
            CollectionAssert.AreEqual(expected.Hits.SelectMany(h => h.Snippets).ToList(), actual.Hits.SelectMany(h => h.Snippets).ToList(), what);
            foreach (var facet in FacetNames.All)
                CollectionAssert.AreEqual(expected.Facets[facet].ToList(), actual.Facets[facet].ToList(), $"{facet} for {what}");
        }
    }

    private static PolicyIndexOptions Options(int parallelFrom) => TestData.IndexOptions with { Thesaurus = Thesaurus.Empty, ParallelSearchFrom = parallelFrom };

    /// <summary>Sequential upserts with a commit every 80 documents, never merged: several segments.</summary>
    private static void Build(string folder, IReadOnlyList<PolicyKB.Model.PolicyDocument> docs)
    {
        using var index = PolicyIndex.Open(folder, Options(int.MaxValue) with { Merges = () => NoMergePolicy.COMPOUND_FILES });
        for (var i = 0; i < docs.Count; i++)
        {
            index.Upsert(docs[i]);
            if (i % 80 == 79) index.Commit();
        }
        index.Commit();
    }

    private sealed class Folder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykb-parallel-tests", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { /* left for the OS temp cleaner */ }
        }
    }
}
