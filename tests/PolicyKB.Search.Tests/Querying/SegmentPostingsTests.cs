using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>
/// A search borrows its postings enumerators from the segments and hands them back when its scope ends: these pin
/// that a borrowed enumerator finds and scores exactly what a new one does, whatever term and deletions it read
/// before, that a repeated search opens no new ones, and that a segment keeps only a few idle.
/// </summary>
[TestClass]
public sealed class SegmentPostingsTests
{
    private static readonly string[] Words = ["a", "b", "c", "d", "e"];

    [TestMethod]
    public void BorrowedEnumeratorsFindAndScoreWhatNewOnesDoAcrossTermsAndDeletions()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
            writer.AddDocument([new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("f", string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => Words[random.Next(Words.Length)])), Field.Store.NO)]);
        writer.Commit();
        Query[] queries =
        [
            Substring(("a", 0), ("b", 1)),
            Substring(("c", 0), ("c", 1), ("d", 2)),
            SubstringQuery.OfTerm(new Term("f", "e"), 0.3f),
            Substring(("b", 0), ("a", 1)),
            new BooleanQuery { { Substring(("d", 0), ("e", 1)), Occur.MUST }, { SubstringQuery.OfTerm(new Term("f", "a"), 0.6f), Occur.SHOULD } },
        ];

        var reader = DirectoryReader.Open(directory);
        try
        {
            for (var round = 0; round < 3; round++)
            {
                // Each query in turn, twice, so that every enumerator is borrowed again for another term.
                foreach (var query in queries.Concat(queries.Reverse()))
                    Assert.AreEqual(Run(new IndexSearcher(reader), query), Scoped(reader, query), $"round {round}: {query}");
                // Deletions change what the next reader lets through; its unchanged segment lends the same enumerators.
                writer.DeleteDocuments(new Term("id", (round * 7).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Term("id", (round * 11 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                writer.Commit();
                var newer = DirectoryReader.OpenIfChanged(reader)!;
                reader.Dispose();
                reader = newer;
            }
        }
        finally { reader.Dispose(); }
    }

    [TestMethod]
    public void ASearchRepeatedOpensNoNewEnumerators()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            for (var i = 0; i < 20; i++) writer.AddDocument([new TextField("f", i % 2 == 0 ? "a b c" : "b c", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var segment = SegmentPostings.Of(reader.Leaves[0].AtomicReader);
        var query = new BooleanQuery { { Substring(("a", 0), ("b", 1)), Occur.MUST }, { SubstringQuery.OfTerm(new Term("f", "c"), 1f), Occur.SHOULD } };

        var first = Scoped(reader, query);
        var lent = segment.Idle;
        Assert.AreEqual(3, lent, "two tokens with positions and one term, handed back");
        Assert.AreEqual(first, Scoped(reader, query));
        Assert.AreEqual(lent, segment.Idle, "the second search borrowed the same enumerators");
    }

    [TestMethod]
    public void ASegmentKeepsAtMostMaxIdleEnumeratorsAFieldAndKind()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            writer.AddDocument([new TextField("f", "a b", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var leaf = reader.Leaves[0];
        using (var scope = new SearchScope(new IndexSearcher(reader)))
            for (var i = 0; i < SegmentPostings.MaxIdle + 10; i++)
            {
                var terms = leaf.AtomicReader.GetTerms("f")!.GetEnumerator();
                terms.SeekExact(new BytesRef("a"));
                scope.Postings(leaf, "f", terms, null, positions: true);
            }
        Assert.AreEqual(SegmentPostings.MaxIdle, SegmentPostings.Of(leaf.AtomicReader).Idle);
    }

    [TestMethod]
    public void ALeadingTokenOutsideTheCoverIsReadWithoutPositionsAndFindsEveryDocumentThatHoldsTheText()
    {
        // 甲乙 and 丙丁 are common and 乙丙 rare, so 乙丙 leads the search of 甲乙丙丁, while 甲乙 and 丙丁, two positions
        // apart in one run, prove it (the cover).
        string[] chunks = ["甲乙", "丙丁", "乙甲", "丁丙", "甲乙丙", "乙丙丁"];
        var random = new Random(11);
        var texts = Enumerable.Range(0, 400).Select(_ => string.Join('，', Enumerable.Range(0, random.Next(1, 12))
            .Select(_ => random.Next(12) == 0 ? "甲乙丙丁" : chunks[random.Next(chunks.Length)]))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new RecallAnalyzer())))
            foreach (var text in texts) writer.AddDocument([new TextField("f", text, Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var segment = SegmentPostings.Of(reader.Leaves[0].AtomicReader);
        var query = new QueryCompiler(new RecallAnalyzer(), new WordAnalyzer(TestData.IndexOptions.Data.UserDictionary), () => Thesaurus.Empty)
            .Substring("f", "甲乙丙丁")!;

        var expected = Enumerable.Range(0, texts.Count).Where(i => texts[i].Contains("甲乙丙丁", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(expected.Count > 20 && expected.Count < texts.Count / 2, $"{expected.Count} documents hold the text: the test needs some, not most");
        CollectionAssert.AreEqual(expected, Docs(Scoped(reader, query)));
        Assert.AreEqual(2, segment.IdleOf("f", positions: true), "the cover's two bigrams read positions");
        Assert.AreEqual(1, segment.IdleOf("f", positions: false), "the leading bigram reads documents and frequencies only");
    }

    [TestMethod]
    public void ATextSegmentedAsAWordIsProvenByTheWordAndFindsAndScoresWhatPositionsDo()
    {
        // 碳排放 as a word, inside a longer word (碳排放权), its bigrams apart, and absent: only some are proven by title_w.
        string[] chunks = ["控制碳排放总量", "碳排放权交易", "碳排污，排放标准", "排放口", "碳排", "减污降碳"];
        var random = new Random(12);
        var texts = Enumerable.Range(0, 300).Select(_ => string.Join('，', Enumerable.Range(0, random.Next(1, 6))
            .Select(_ => chunks[random.Next(chunks.Length)]))).ToList();
        var words = new WordAnalyzer(TestData.IndexOptions.Data.UserDictionary);
        Assert.IsTrue(words.Words("控制碳排放总量").Contains("碳排放") && !words.Words("碳排放权交易").Contains("碳排放"), "the segmentation the test assumes");
        using var directory = new RAMDirectory();
        var analyzer = new PerFieldAnalyzerWrapper(new RecallAnalyzer(), new Dictionary<string, Analyzer> { [Schema.TitleWords] = words });
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
            foreach (var text in texts)
                writer.AddDocument([new TextField(Schema.Title, text, Field.Store.NO), new TextField("f", text, Field.Store.NO), new TextField(Schema.TitleWords, text, Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var compiler = new QueryCompiler(new RecallAnalyzer(), words, () => Thesaurus.Empty);
        var proven = (SubstringQuery)compiler.Substring(Schema.Title, "碳排放")!;
        var checkedOnly = (SubstringQuery)compiler.Substring("f", "碳排放")!;
        Assert.AreEqual(new Term(Schema.TitleWords, "碳排放"), proven.Word);
        Assert.IsNull(checkedOnly.Word, "a field without words");
        Assert.IsNull(((SubstringQuery)compiler.Substring(Schema.Title, "co2排放")!).Word, "Latin letters match whole words in recall");

        var expected = Enumerable.Range(0, texts.Count).Where(i => texts[i].Contains("碳排放", StringComparison.Ordinal)).ToList();
        var byWord = Enumerable.Range(0, texts.Count).Where(i => texts[i].Contains("控制碳排放总量", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(byWord.Count > 20 && expected.Count > byWord.Count + 20, $"{byWord.Count} of {expected.Count} documents hold the word: the test needs both kinds");
        var hits = Scoped(reader, proven);
        CollectionAssert.AreEqual(expected, Docs(hits));
        Assert.AreEqual(Scoped(reader, checkedOnly).Replace(" ", "", StringComparison.Ordinal), hits.Replace(" ", "", StringComparison.Ordinal), "the same documents, the same scores");
        Assert.AreEqual(1, SegmentPostings.Of(reader.Leaves[0].AtomicReader).IdleOf(Schema.TitleWords, positions: false), "the word's postings were read");
    }

    [TestMethod]
    public void ATermScoresAsATermQueryScoresIt()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            foreach (var text in new[] { "a", "a a b", "b c", "a b c d e", "c c c a" })
                writer.AddDocument([new TextField("f", text, Field.Store.NO), new StringField("k", text.Length > 3 ? "long" : "short", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        foreach (var term in new[] { new Term("f", "a"), new Term("f", "c"), new Term("k", "long") })
            Assert.AreEqual(Run(searcher, new TermQuery(term) { Boost = 0.6f }), Run(searcher, SubstringQuery.OfTerm(term, 0.6f)), term.ToString());
    }

    private static SubstringQuery Substring(params (string Text, int Offset)[] tokens) =>
        new("f", tokens.Select(t => new SubstringToken(t.Text, t.Offset, Bigram: true)).ToList());

    /// <summary>The query's hits as "doc:score" in rank order.</summary>
    private static string Run(IndexSearcher searcher, Query query) =>
        string.Join(' ', searcher.Search(query, 1000).ScoreDocs.Select(d => $"{d.Doc}:{d.Score:R}"));

    /// <summary>The documents of a "doc:score" list, in document order.</summary>
    private static List<int> Docs(string hits) =>
        [.. hits.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => int.Parse(h.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static string Scoped(IndexReader reader, Query query)
    {
        using var scope = new SearchScope(new IndexSearcher(reader));
        return Run(scope, query);
    }
}
