using PolicyKB.Corpus;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Indexing;

[TestClass]
public sealed class SegmentMergesTests
{
    /// <summary>
    /// Seventeen commits of twelve documents, as an import or a crawl leaves them: Lucene's tiered merges keep several
    /// small segments, every one of which each search sets up; the commit that ends a batch of writes merges them into
    /// one, and the answers stay the same.
    /// </summary>
    [TestMethod]
    public void TheCommitAfterABatchOfWritesMergesTheSmallSegmentsIntoOne()
    {
        var docs = new CorpusGenerator(seed: 5).Generate(200).Select(p => p.ToDocument()).ToList();
        var apart = Build(docs, tailMergeAfter: int.MaxValue, out var expected);
        Assert.IsTrue(apart >= 3, $"{apart} segments without the tail merge: too few for the test to mean anything");
        var merged = Build(docs, tailMergeAfter: docs.Count, out var actual);
        Assert.AreEqual(1, merged, "segments after the last commit");
        CollectionAssert.AreEqual(expected, actual, "the same documents are found");
    }

    /// <summary>The folder's segment count after the documents were upserted in commits of twelve; <paramref name="found"/>: the hits of a few searches.</summary>
    private static int Build(IReadOnlyList<PolicyKB.Model.PolicyDocument> docs, int tailMergeAfter, out List<string> found)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policykb-merge-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = PolicyIndex.Open(folder, TestData.IndexOptions with { Thesaurus = Thesaurus.Empty, TailMergeAfter = tailMergeAfter }))
            {
                foreach (var batch in docs.Chunk(12))
                {
                    foreach (var d in batch) index.Upsert(d);
                    index.Commit();
                }
                found = new[] { "通知", "碳排放", "绿色 金融" }.SelectMany(q => index.Search(new SearchRequest { Query = q, Size = 50 }).Hits.Select(h => $"{q}:{h.Id}")).ToList();
            }
            return PolicyIndex.Check(folder).Segments;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { /* left for the OS temp cleaner */ }
        }
    }
}
