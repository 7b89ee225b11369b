using Lucene.Net.Index;

namespace PolicyKB.Search.Indexing;

/// <summary>
/// How the writer merges segments: Lucene's tiered merges with no merge over <see cref="MaxMergedMB"/>, and, after a
/// commit that follows <see cref="TailAfterDocuments"/> writes or more, the segments under <see cref="SmallMB"/>
/// merged into one (<see cref="MergeTail"/>).
/// <para>
/// A search pays for every segment (its terms looked up, its scorers and facet arrays set up) however few documents
/// it holds. With Lucene's defaults a 100,000-page import (2.6 GB) ended in 30 segments, 20 of them under 35 MB: the
/// tiers its merges leave. Merging that tail into one at the end cut the median query by about a third
/// (docs/PERFORMANCE.md). Raising Lucene's floor instead (segments under 256 MB merged as if that large) gave the same
/// layout, but then every few one-page commits of a crawl merged a large segment again: 300 such commits took 42 s
/// instead of 0.4 s. The tail merge costs the size of the tail, once per batch of writes.
/// </para>
/// <para>
/// The cap keeps the large segments of a like size, so the runs of segments searched on each core stay even: one merge
/// of ten 300 MB segments into 3 GB left a core with three quarters of the index.
/// </para>
/// </summary>
internal static class SegmentMerges
{
    public const double MaxMergedMB = 768;
    public const long SmallMB = 256;
    public const int TailAfterDocuments = 10_000;

    public static TieredMergePolicy Policy() => new() { MaxMergedSegmentMB = MaxMergedMB };

    /// <summary>Merges the segments under <see cref="SmallMB"/> of the writer's last commit into one, when there are two or more; true when it merged.</summary>
    public static bool MergeTail(IndexWriter writer)
    {
        // The commit just written, read from the folder: a near-real-time reader would flush other threads' writes first.
        var committed = new SegmentInfos();
        committed.Read(writer.Directory);
        var small = committed.Segments.Count(s => s.GetSizeInBytes() < SmallMB * 1024 * 1024);
        if (small < 2) return false;
        // Lucene's forced merge takes the smallest segments first: down to the large ones and one more, the tail.
        writer.ForceMerge(committed.Count - small + 1);
        return true;
    }
}
