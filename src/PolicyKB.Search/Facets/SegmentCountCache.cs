using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyKB.Search.Facets;

/// <summary>
/// The drill-sideways facet counts of one query in one segment, kept for queries that match a large share of a large
/// segment (the common words), so the next search of the same query and selections adds them up instead of counting
/// every match again. Exact by construction: an entry belongs to the segment reader's
/// <see cref="IndexReader.CombinedCoreAndDeletesKey"/>, which changes whenever the segment's deletions do, so a
/// segment whose documents were deleted or updated is counted afresh; a segment merged away takes its entries with
/// it (they are dropped once its reader is gone and age out of the list). Bounded by entries, least recently used
/// first. Thread-safe.
/// </summary>
internal sealed class SegmentCountCache(SegmentCountCache.Settings settings)
{
    /// <param name="MaxEntries">entries kept over all segments (one entry: a few hundred labels and counts)</param>
    /// <param name="MinSegmentDocs">smaller segments are counted every time (cheap, and merged away soon)</param>
    /// <param name="MinShare">the share of the segment's documents a query must match to be kept</param>
    internal sealed record Settings(int MaxEntries = 2_048, int MinSegmentDocs = 20_000, double MinShare = 0.2);

    /// <summary>Counts per counted facet name: (label, count) for each value counted at least once.</summary>
    internal sealed record Counts(IReadOnlyDictionary<string, (string Label, int Count)[]> Facets);

    /// <summary>What the counts depend on besides the segment: the matching query (without ranking) and the facet selections.</summary>
    internal readonly record struct Key(Query Query, string Facets);

    private sealed record Entry(Segment Segment, Key Key, Counts Counts);

    private sealed class Segment
    {
        public readonly Dictionary<Key, LinkedListNode<Entry>> Entries = [];
    }

    private readonly ConditionalWeakTable<object, Segment> _segments = new();
    private readonly LinkedList<Entry> _recent = new();
    private readonly Lock _lock = new();
    private long _served;

    /// <summary>Segments whose counts were served from the cache so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>The key of a query that counts <paramref name="counted"/> under <paramref name="filters"/>, independent of their order.</summary>
    public static Key KeyOf(Query query, IEnumerable<string> counted, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        // \0 cannot occur in a facet name or value, so different selections never make the same text.
        var text = new StringBuilder();
        foreach (var facet in counted.Distinct().Order(StringComparer.Ordinal)) text.Append(facet).Append('\0');
        foreach (var (facet, values) in filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('\0').Append(facet).Append('=');
            foreach (var value in values.Distinct().Order(StringComparer.Ordinal)) text.Append(value).Append('\0');
        }
        return new Key(query, text.ToString());
    }

    public Counts? Get(AtomicReader reader, Key key)
    {
        if (reader.MaxDoc < settings.MinSegmentDocs) return null;
        lock (_lock)
        {
            if (!_segments.TryGetValue(reader.CombinedCoreAndDeletesKey, out var segment) || !segment.Entries.TryGetValue(key, out var node)) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            Interlocked.Increment(ref _served);
            return node.Value.Counts;
        }
    }

    /// <summary>Whether any segment of <paramref name="reader"/> is large enough to keep counts for (else no key need be built).</summary>
    public bool Keeps(IndexReader reader) => reader.Leaves.Any(leaf => leaf.Reader.MaxDoc >= settings.MinSegmentDocs);

    /// <summary>Whether counts of a query that matched <paramref name="matched"/> documents of the segment are worth keeping.</summary>
    public bool Worth(AtomicReader reader, int matched) =>
        reader.MaxDoc >= settings.MinSegmentDocs && matched >= settings.MinShare * reader.NumDocs;

    public void Add(AtomicReader reader, Key key, Counts counts)
    {
        lock (_lock)
        {
            var segment = _segments.GetValue(reader.CombinedCoreAndDeletesKey, _ => new Segment());
            if (segment.Entries.TryGetValue(key, out var old))
            {
                _recent.Remove(old);
                segment.Entries.Remove(key);
            }
            segment.Entries[key] = _recent.AddFirst(new Entry(segment, key, counts));
            while (_recent.Count > settings.MaxEntries && _recent.Last is { } last)
            {
                _recent.RemoveLast();
                last.Value.Segment.Entries.Remove(last.Value.Key);
            }
        }
    }
}
