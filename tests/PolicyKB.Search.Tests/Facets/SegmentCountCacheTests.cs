using Lucene.Net.Index;
using Lucene.Net.Store;
using PolicyKB.Corpus;
using PolicyKB.Model;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Facets;

/// <summary>
/// Facet counts kept per segment must be the counts a fresh count gives: the same folder is searched by an index that
/// keeps every segment's counts and by a reader that keeps none, before and after updates, deletions and merges.
/// </summary>
[TestClass]
public sealed class SegmentCountCacheTests
{
    [TestMethod]
    [DataRow(100_000, DisplayName = "room for every entry")]
    [DataRow(3, DisplayName = "three entries: most are evicted")]
    public void KeptCountsEqualFreshCountsAcrossUpdatesDeletionsAndMerges(int maxEntries)
    {
        var docs = new CorpusGenerator(seed: 7).Generate(360).Select(p => p.ToDocument()).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "policykb-count-cache-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var keeping = new SegmentCountCache.Settings(maxEntries, MinSegmentDocs: 0, MinShare: 0);
            using var cached = PolicyIndex.Open(folder, TestData.IndexOptions with { Thesaurus = Thesaurus.Empty, CountCache = keeping });
            var commits = AddInBatches(cached, docs.Take(240), 20);
            using var fresh = PolicyIndex.OpenReadOnly(folder, TestData.IndexOptions with
            {
                Thesaurus = Thesaurus.Empty,
                CountCache = new SegmentCountCache.Settings(MinSegmentDocs: int.MaxValue),
            });
            var requests = Requests(fresh);

            AssertSameAnswers(cached, fresh, requests, "first search");
            AssertSameAnswers(cached, fresh, requests, "searched again");
            if (maxEntries > 1_000) Assert.IsTrue(cached.CountsReused > 0, "the second search must take counts from the cache for the test to mean anything");

            // Updates move documents to other issuers and deletions drop some, in segments whose counts are kept.
            var issuer = cached.Facets()[FacetNames.Issuer][^1].Value;
            foreach (var d in docs.Take(240).Where((_, i) => i % 9 == 0))
                cached.Upsert(d with { Issuers = [issuer], Title = d.Title + "（修订）", ContentHash = d.ContentHash + ":changed" });
            foreach (var d in docs.Take(240).Where((_, i) => i % 11 == 5)) Assert.IsTrue(cached.Delete(d.Id));
            cached.Commit();
            fresh.Refresh();
            AssertSameAnswers(cached, fresh, requests, "after updates and deletions");

            // Many small commits make the merge policy merge the kept segments away.
            commits += AddInBatches(cached, docs.Skip(240), 8);
            fresh.Refresh();
            AssertSameAnswers(cached, fresh, requests, "after merges");
            AssertSameAnswers(cached, fresh, requests, "after merges, searched again");
            Assert.IsTrue(Segments(folder) < commits, "the commits must have been merged for the test to mean anything");
        }
        finally
        {
            try { System.IO.Directory.Delete(folder, true); } catch (IOException) { /* left for the OS temp cleaner */ }
        }
    }

    private static int AddInBatches(PolicyIndex index, IEnumerable<PolicyDocument> docs, int batch)
    {
        var commits = 0;
        foreach (var chunk in docs.Chunk(batch))
        {
            foreach (var d in chunk) index.Upsert(d);
            index.Commit();
            commits++;
        }
        return commits;
    }

    /// <summary>Frequent and rare words, with and without selections, counting all facets or a few.</summary>
    private static List<SearchRequest> Requests(PolicyIndex index)
    {
        var facets = index.Facets();
        var issuers = facets[FacetNames.Issuer].Take(2).Select(v => v.Value).ToList();
        var year = facets[FacetNames.Year][0].Value;
        return new[] { "", "的", "通知", "碳排放", "绿色 金融" }.SelectMany(q => new[]
        {
            new SearchRequest { Query = q },
            new SearchRequest { Query = q, Issuers = issuers },
            new SearchRequest { Query = q, Issuers = issuers, Years = [year], CountFacets = [FacetNames.Year, FacetNames.Issuer, FacetNames.Theme] },
            new SearchRequest { Query = q, Sort = SearchSort.Newest, CountFacets = [FacetNames.Theme, FacetNames.Year, FacetNames.Issuer] },
        }).ToList();
    }

    private static void AssertSameAnswers(PolicyIndex cached, PolicyIndex fresh, List<SearchRequest> requests, string when)
    {
        foreach (var request in requests)
        {
            var what = $"{when}: “{request.Query}” {string.Join(",", request.Issuers)} {string.Join(",", request.Years)} {request.Sort}";
            var expected = fresh.Search(request);
            var actual = cached.Search(request);
            Assert.AreEqual(expected.Total, actual.Total, what);
            CollectionAssert.AreEqual(expected.Hits.Select(h => h.Id).ToList(), actual.Hits.Select(h => h.Id).ToList(), what);
            CollectionAssert.AreEquivalent(expected.Facets.Keys.ToList(), actual.Facets.Keys.ToList(), what);
            foreach (var (facet, values) in expected.Facets)
                CollectionAssert.AreEqual(values.ToList(), actual.Facets[facet].ToList(), $"{facet} {what}");
        }
    }

    private static int Segments(string folder)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(folder, "lucene")), NoLockFactory.GetNoLockFactory());
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }
}
