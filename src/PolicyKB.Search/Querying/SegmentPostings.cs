using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PolicyKB.Search.Querying;

/// <summary>
/// Postings enumerators of one segment, handed from one search to the next (Lucene's own reuse argument).
/// <para>
/// Lucene.Net opens every new enumerator on clones of the postings files, and registers each clone of a
/// memory-mapped file in a weak table that every garbage collection walks until the table is compacted. A search of
/// one word over three fields of a 28-segment index opened about 400 clones and 1 MB of buffers; at 100,000 pages the
/// collections this caused took more of the query phase's CPU than the searches (the query phase ran 4× faster
/// with a 128 MB first generation). A reused enumerator is reset onto its new term and opens nothing.
/// </para>
/// <para>
/// Kept with the segment's core, so an enumerator only ever returns to the reader that made it; at most
/// <see cref="MaxIdle"/> idle per field and kind (a few KB each).
/// </para>
/// </summary>
internal sealed class SegmentPostings
{
    public const int MaxIdle = 32;

    private static readonly ConditionalWeakTable<object, SegmentPostings> PerCore = new();

    private readonly ConcurrentDictionary<(string Field, bool Positions), ConcurrentBag<DocsEnum>> _idle = new();

    public static SegmentPostings Of(AtomicReader segment) => PerCore.GetValue(segment.CoreCacheKey, _ => new SegmentPostings());

    /// <summary>An idle enumerator of the field (with positions or not), or null when none is idle.</summary>
    public DocsEnum? Take(string field, bool positions) =>
        _idle.TryGetValue((field, positions), out var idle) && idle.TryTake(out var docs) ? docs : null;

    /// <summary>Hands back an enumerator no scorer reads any more.</summary>
    public void Give(string field, bool positions, DocsEnum docs)
    {
        var idle = _idle.GetOrAdd((field, positions), _ => []);
        if (idle.Count < MaxIdle) idle.Add(docs);
    }

    /// <summary>
    /// The postings of the term <paramref name="terms"/> stands on, frequencies only or with positions, reset from
    /// <paramref name="reuse"/> when Lucene can (else new).
    /// </summary>
    public static DocsEnum Open(TermsEnum terms, string field, IBits? acceptDocs, bool positions, DocsEnum? reuse = null) => positions
        ? terms.DocsAndPositions(acceptDocs, reuse as DocsAndPositionsEnum, DocsAndPositionsFlags.NONE)
            ?? throw new InvalidOperationException($"Field {field} was indexed without positions.")
        : terms.Docs(acceptDocs, reuse, DocsFlags.FREQS);

    /// <summary>Enumerators idle now, over all fields.</summary>
    public int Idle => _idle.Values.Sum(i => i.Count);

    /// <summary>Enumerators of the field idle now, with positions or without.</summary>
    public int IdleOf(string field, bool positions) => _idle.TryGetValue((field, positions), out var idle) ? idle.Count : 0;
}
