using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Tests.Indexing;

[TestClass]
public sealed class SegmentMergesTests
{
    /// <summary>
    /// Twenty-nine commits of 3 MB each, as a crawl or a long import leaves them: Lucene's default floor (2 MB) keeps
    /// eleven segments (two of ten commits, nine of one), every one of which each search sets up; under the writer's
    /// floor they end in two.
    /// </summary>
    [TestMethod]
    public void SmallSegmentsAreMergedTogether()
    {
        var merged = SegmentsAfterCommits(SegmentMerges.Policy());
        Assert.IsTrue(merged <= 2, $"{merged} segments left under the writer's merge policy");
        var apart = SegmentsAfterCommits(new TieredMergePolicy());
        Assert.IsTrue(apart >= 10, $"Lucene's defaults keep {apart} apart (what the floor is for)");
    }

    private static int SegmentsAfterCommits(MergePolicy policy)
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { MergePolicy = policy, MergeScheduler = new SerialMergeScheduler() };
        using (var writer = new IndexWriter(directory, config))
        {
            var random = new Random(3);
            var bytes = new byte[100_000];
            for (var commit = 0; commit < 29; commit++)
            {
                // Random bytes do not compress: each commit's segment is about 3 MB.
                for (var doc = 0; doc < 30; doc++)
                {
                    random.NextBytes(bytes);
                    writer.AddDocument([new StoredField("body", (byte[])bytes.Clone())]);
                }
                writer.Commit();
            }
        }
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.Count;
    }
}
