using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Facets;

namespace PolicyKB.Search.Tests.Facets;

/// <summary>The collector's counts over segments of many hits, counted a block at a time, against a brute-force count.</summary>
[TestClass]
public sealed class DrillSidewaysCollectorTests
{
    [TestMethod]
    public void CountsOfManyHitsInBlocksOfDocumentsWithNoneOneOrSeveralValuesEqualBruteForce()
    {
        // 9,000 documents in two segments: each segment's hits fill several blocks and end in a part of one.
        var random = new Random(5);
        string[] themes = ["碳市场", "大气", "水", "土壤", "固废", "核安全"];
        var docs = Enumerable.Range(0, 9_000).Select(d => (
            Word: d % 3 == 0 ? "甲" : "乙",
            Themes: themes.Where(_ => random.Next(4) == 0).ToArray(),
            Year: (2015 + random.Next(10)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
            for (var d = 0; d < docs.Count; d++)
            {
                var doc = new Document { new StringField("w", docs[d].Word, Field.Store.NO), new SortedSetDocValuesField(FacetFields.DocValuesField(FacetNames.Year), new BytesRef(docs[d].Year)) };
                foreach (var t in docs[d].Themes) doc.Add(new SortedSetDocValuesField(FacetFields.DocValuesField(FacetNames.Theme), new BytesRef(t)));
                writer.AddDocument(doc);
                if (d == 4_000) writer.Commit();
            }
        using var reader = DirectoryReader.Open(directory);
        Assert.AreEqual(2, reader.Leaves.Count);
        Assert.IsTrue(docs.Count(d => d.Themes.Length > 1) > 1_000 && docs.Count(d => d.Themes.Length == 0) > 1_000, "documents of none, one and several themes");

        foreach (var word in new[] { "甲", "乙" })
        {
            var collector = new DrillSidewaysCollector(new TotalHitCountCollector(), [FacetNames.Theme, FacetNames.Year], new Dictionary<string, IReadOnlyList<string>>());
            new IndexSearcher(reader).Search(new TermQuery(new Term("w", word)), collector);
            var matching = docs.Where(d => d.Word == word).ToList();
            Assert.AreEqual(matching.Count, collector.TotalHits);
            var counts = collector.Result();
            CollectionAssert.AreEquivalent(
                matching.SelectMany(d => d.Themes).GroupBy(t => t).Select(g => $"{g.Key}={g.Count()}").ToList(),
                counts[FacetNames.Theme].Select(v => $"{v.Value}={v.Count}").ToList(), word);
            CollectionAssert.AreEquivalent(
                matching.GroupBy(d => d.Year).Select(g => $"{g.Key}={g.Count()}").ToList(),
                counts[FacetNames.Year].Select(v => $"{v.Value}={v.Count}").ToList(), word);
        }
    }
}
