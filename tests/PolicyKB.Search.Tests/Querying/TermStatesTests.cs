using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Querying;
using static PolicyKB.Search.Tests.Querying.MatchingSemanticsTests;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>
/// A search reads the states of its terms that a segment kept from earlier searches: these pin that what a segment
/// keeps never outlives what it describes (new segments, updates, deletions) and stays bounded.
/// </summary>
[TestClass]
public sealed class TermStatesTests
{
    [TestMethod]
    public void TermsKeptFromEarlierSearchesFindWhatWasAddedUpdatedAndDeletedSince()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("a", "通知", "推进碳达峰工作。"),
            Docs.Make("c", "通知", "碳达峰行动方案。"),
        ]);
        CollectionAssert.AreEquivalent(new[] { "a", "c" }, Ids(t.Index, "碳达峰"));
        // Absent from every segment now: the segments keep that they do not hold it.
        Assert.AreEqual(0, Ids(t.Index, "零碳园区").Count);

        t.Index.Upsert(Docs.Make("b", "通知", "碳达峰与零碳园区建设。"));
        t.Index.Upsert(Docs.Make("a", "通知", "推进节能工作。"));
        t.Index.Delete("c");
        t.Index.Commit();

        CollectionAssert.AreEquivalent(new[] { "b" }, Ids(t.Index, "碳达峰"));
        CollectionAssert.AreEquivalent(new[] { "b" }, Ids(t.Index, "零碳园区"));
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "节能"));
    }

    [TestMethod]
    public void AKeptStateReadsTheSamePostingsAsASeek()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            for (var i = 0; i < 50; i++)
                writer.AddDocument([new TextField("f", i % 3 == 0 ? "alpha beta" : "beta", Field.Store.NO)]);
        }
        using var reader = DirectoryReader.Open(directory);
        var alpha = new Term("f", "alpha");

        var first = new TermStates(reader.Context);
        first.Load([alpha, new Term("f", "gamma")]);
        // A second search finds both in what the segment kept: the same statistics, and no state for the absent term.
        var second = new TermStates(reader.Context);
        Assert.AreEqual(17, second[alpha].DocFreq);
        Assert.AreEqual(0, second[new Term("f", "gamma")].DocFreq);
        Assert.AreEqual(2, SegmentTerms.Of(reader.Leaves[0].AtomicReader).Count);

        var termsEnum = reader.Leaves[0].AtomicReader.GetTerms("f")!.GetEnumerator();
        termsEnum.SeekExact(alpha.Bytes, second[alpha].Get(0));
        var docs = termsEnum.Docs(null, null);
        var seen = new List<int>();
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) seen.Add(docs.DocID);
        CollectionAssert.AreEqual(Enumerable.Range(0, 50).Where(i => i % 3 == 0).ToList(), seen);
    }

    [TestMethod]
    public void ASegmentKeepsAtMostItsCapacityOfTerms()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            writer.AddDocument([new TextField("f", "alpha", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var kept = SegmentTerms.Of(reader.Leaves[0].AtomicReader);

        new TermStates(reader.Context).Load(Enumerable.Range(0, SegmentTerms.Capacity + 10).Select(i => new Term("f", "t" + i)));

        Assert.IsTrue(kept.Count is > 0 and <= 2 * SegmentTerms.Capacity, $"kept {kept.Count}");
        Assert.AreEqual(1, new TermStates(reader.Context)[new Term("f", "alpha")].DocFreq);
    }

    [TestMethod]
    public void TheTermsSearchedEveryDayStayKeptWhileOneOffTermsStreamPast()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            writer.AddDocument([new TextField("f", "daily0 daily1", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var kept = SegmentTerms.Of(reader.Leaves[0].AtomicReader);
        var daily = Enumerable.Range(0, SegmentTerms.Capacity / 4).Select(i => new Term("f", "daily" + i)).ToList();

        var sought = 0;
        for (var day = 0; day < 12; day++)
        {
            // Each day the same words again, and as many words never asked before (three generations' worth in all).
            if (day > 0) sought += daily.Count(t => !kept.TryGet(t, out _));
            new TermStates(reader.Context).Load(daily.Concat(Enumerable.Range(0, SegmentTerms.Capacity / 4).Select(i => new Term("f", $"once{day}-{i}"))));
        }

        Assert.AreEqual(0, sought, "daily terms sought again after the first day");
        Assert.AreEqual(1, new TermStates(reader.Context)[daily[1]].DocFreq);
    }
}
