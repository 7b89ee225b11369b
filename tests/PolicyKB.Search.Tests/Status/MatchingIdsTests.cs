using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

[TestClass]
public sealed class MatchingIdsTests
{
    [TestMethod]
    public void Collects_the_id_of_every_match_in_every_segment_and_nothing_else()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            // Three segments, so that ids come from readers with their own doc bases.
            for (var segment = 0; segment < 3; segment++)
            {
                for (var i = 0; i < 400; i++)
                {
                    var n = segment * 400 + i;
                    writer.AddDocument(new Document
                    {
                        new StringField(Schema.Id, $"d{n}", Field.Store.YES),
                        new StringField("k", $"k{n % 7}", Field.Store.NO),
                    });
                }
                writer.Commit();
            }
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.IsGreaterThan(1, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);
        // A disjunction, which Lucene scores out of order in buckets: every match must still be collected once.
        var query = new BooleanQuery { { new TermQuery(new Term("k", "k1")), Occur.SHOULD }, { new TermQuery(new Term("k", "k3")), Occur.SHOULD } };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        MatchingIds.AddTo(ids, searcher, query);

        var expected = Enumerable.Range(0, 1200).Where(n => n % 7 is 1 or 3).Select(n => $"d{n}").ToHashSet();
        CollectionAssert.AreEquivalent(expected.ToList(), ids.ToList());
    }
}
