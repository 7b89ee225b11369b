using Lucene.Net.Index;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search;

/// <summary>What an index is opened with: its data files, and by default the system clock and a refresh every second.</summary>
public sealed record PolicyIndexOptions
{
    /// <summary>The data files it reads: data/thesaurus.txt, data/userdict.txt, data/status-rules.json.</summary>
    public required SearchData Data { get; init; }
    /// <summary>A fixed thesaurus instead of the data folder's (tests).</summary>
    internal Thesaurus? Thesaurus { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>How often the background task makes new upserts visible to searches.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// From this many documents a query that is the only one being answered searches runs of segments in parallel,
    /// one per core; below it, or beside other queries, one thread (splitting then costs more than it saves).
    /// </summary>
    public int ParallelSearchFrom { get; init; } = 20_000;
    /// <summary>Which segments' facet counts of frequent queries are kept for the next search of the same query (see <see cref="SegmentCountCache"/>).</summary>
    internal SegmentCountCache.Settings CountCache { get; init; } = new();
    /// <summary>How the writer merges segments (tests that need several segments keep them apart).</summary>
    internal Func<MergePolicy> Merges { get; init; } = SegmentMerges.Policy;
    /// <summary>After how many written documents a commit merges the small segments together (see <see cref="SegmentMerges"/>).</summary>
    internal int TailMergeAfter { get; init; } = SegmentMerges.TailAfterDocuments;
    /// <summary>What the writing process is doing (import, serve …), told to a second writer; default: its command line.</summary>
    public string? WriterCommand { get; init; }

    /// <summary>The given thesaurus, else data/thesaurus.txt re-read whenever it changes.</summary>
    internal Func<Thesaurus> ResolveThesaurus()
    {
        if (Thesaurus is { } fixedThesaurus) return () => fixedThesaurus;
        var file = Data.Thesaurus(Clock);
        return () => file.Current;
    }
}

/// <summary>What <c>policykb check</c> reports about an index folder.</summary>
public sealed record CheckReport(
    string Directory,
    bool Exists,
    int Documents,
    int Segments,
    bool Clean,
    string? SchemaVersion,
    DateTimeOffset? LastCommit,
    IReadOnlyList<string> Problems);
