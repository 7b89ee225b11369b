using Lucene.Net.Index;

namespace PolicyKB.Search.Indexing;

/// <summary>
/// How the writer merges segments: Lucene's tiered merges, with segments under <see cref="FloorMB"/> merged as if they
/// were that large, and no merge over <see cref="MaxMergedMB"/>.
/// <para>
/// A search pays for every segment (its terms looked up, its scorers and facet arrays set up) however few documents
/// it holds. With Lucene's defaults (a 2 MB floor) a 100,000-page import (2.6 GB) ended in 30 segments, 20 of them
/// under 35 MB; with this floor it ends in 8, and the median query with facets and snippets took about a third less
/// (docs/PERFORMANCE.md).
/// The cap keeps the large segments of a like size, so the runs of segments searched on each core stay even: one
/// merge of ten 300 MB segments into 3 GB left a core with three quarters of the index.
/// </para>
/// </summary>
internal static class SegmentMerges
{
    public const double FloorMB = 256;
    public const double MaxMergedMB = 768;

    public static TieredMergePolicy Policy() => new() { FloorSegmentMB = FloorMB, MaxMergedSegmentMB = MaxMergedMB };
}
