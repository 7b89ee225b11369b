using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class RecencyBoostQueryTests
{
    /// <summary>Documents equally relevant, dated 2000 … after 2030 or not at all, in two segments (the factors are kept per segment).</summary>
    private static readonly DateOnly?[] Dates = [new(2000, 1, 1), new(2015, 1, 1), null, new(2029, 12, 31), new(1995, 6, 1), new(2040, 1, 1), new(2022, 7, 15)];

    [TestMethod]
    public void ScoresGrowByUpToATenthAlongTheDateFrom2000To2030()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            for (var i = 0; i < Dates.Length; i++)
            {
                var doc = new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES), new TextField("f", "x", Field.Store.NO) };
                if (Dates[i] is { } date) doc.Add(new NumericDocValuesField(Schema.DateValue, date.DayNumber));
                writer.AddDocument(doc);
                if (i == 3) writer.Commit();
            }
        using var reader = DirectoryReader.Open(directory);
        Assert.AreEqual(2, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);
        var plain = searcher.Search(new TermQuery(new Term("f", "x")), 10).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

        for (var round = 0; round < 2; round++)
        {
            var boosted = searcher.Search(new RecencyBoostQuery(new TermQuery(new Term("f", "x"))), 10).ScoreDocs;
            Assert.AreEqual(Dates.Length, boosted.Length);
            foreach (var hit in boosted)
            {
                var i = int.Parse(searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
                var span = new DateOnly(2030, 1, 1).DayNumber - new DateOnly(2000, 1, 1).DayNumber;
                var position = Dates[i] is { } d ? Math.Clamp((float)(d.DayNumber - new DateOnly(2000, 1, 1).DayNumber) / span, 0f, 1f) : 0f;
                Assert.AreEqual(plain[hit.Doc] * (1f + 0.1f * position), hit.Score, 1e-6f, $"document dated {Dates[i]?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}, search {round + 1}");
            }
            CollectionAssert.AreEqual(new[] { "5", "3", "6", "1" },
                boosted.Take(4).Select(h => searcher.Doc(h.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture)).ToList(), "newest first; after 2030 counts as 2030");
        }
    }
}
