using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PolicyKB.Search.Facets;

/// <summary>
/// Applies the facet filters (OR within a facet, AND across facets) to the documents of a query and counts
/// facet values with drill-sideways semantics in one pass: a document that passes every filter is a hit and
/// counts for every facet; one that fails exactly one facet's filter counts for that facet only (what the user
/// would get by changing that selection).
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector
{
    private readonly ICollector _hits;
    private readonly string[] _facets;
    /// <summary>The facets' doc-values fields, named once (not per segment and counted value).</summary>
    private readonly string[] _fields;
    private readonly bool[] _counted;
    private readonly HashSet<string>?[] _selected;
    private readonly Dictionary<string, int>[] _totals;
    private readonly (SegmentCountCache Cache, SegmentCountCache.Key Key)? _reuse;

    private AtomicReader? _reader;
    private SortedSetDocValues?[] _values = [];
    private SegmentOrdinals?[] _ordinals = [];
    private int[]?[] _segmentCounts = [];
    private bool[]?[] _segmentSelected = [];
    /// <summary>Documents of the segment the query matched (passing the filters or not).</summary>
    private int _matched;
    /// <summary>
    /// Hits of the segment not counted yet. They are counted a block at a time, a facet after another, so that each
    /// facet's arrays stay in the cache through the block: counting each hit's facets in turn as it came took a sixth
    /// of a 100,000-page search.
    /// </summary>
    private readonly int[] _uncounted = new int[UncountedBlock];
    private int _uncountedCount;
    private const int UncountedBlock = 2_048;
    /// <summary>Whether any facet is counted in this segment.</summary>
    private bool _countsAny;
    private bool _countsReused;

    /// <param name="hits">receives the documents that pass every filter</param>
    /// <param name="counted">facets to count</param>
    /// <param name="filters">facet → selected values (facets without a selection may be absent)</param>
    /// <param name="reuse">where a segment's counts of this query and these selections are kept, or null to count every segment</param>
    public DrillSidewaysCollector(ICollector hits, IEnumerable<string> counted, IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        (SegmentCountCache Cache, SegmentCountCache.Key Key)? reuse = null)
    {
        _hits = hits;
        _reuse = reuse;
        var countedSet = counted.ToHashSet();
        _facets = countedSet.Union(filters.Where(f => f.Value.Count > 0).Select(f => f.Key)).ToArray();
        _fields = _facets.Select(FacetFields.DocValuesField).ToArray();
        _counted = _facets.Select(countedSet.Contains).ToArray();
        _selected = _facets.Select(f => filters.TryGetValue(f, out var v) && v.Count > 0 ? v.ToHashSet(StringComparer.Ordinal) : null).ToArray();
        _totals = _facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Documents that passed every filter.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _reader = context.AtomicReader;
        _values = new SortedSetDocValues?[_facets.Length];
        _ordinals = new SegmentOrdinals?[_facets.Length];
        _segmentCounts = new int[]?[_facets.Length];
        _segmentSelected = new bool[]?[_facets.Length];
        _matched = 0;
        _countsAny = false;
        // Counts kept from an earlier search of this segment: the hits are still filtered here, but not counted.
        var kept = _reuse is { } reuse ? reuse.Cache.Get(_reader, reuse.Key) : null;
        _countsReused = kept is not null;
        for (var f = 0; f < _facets.Length; f++)
        {
            if (kept is not null && _counted[f] && kept.Facets.TryGetValue(_facets[f], out var counts))
                foreach (var (label, count) in counts) _totals[f][label] = _totals[f].GetValueOrDefault(label) + count;
            var dv = _reader.GetSortedSetDocValues(_fields[f]);
            _values[f] = dv;
            if (dv is null) continue;
            _ordinals[f] = SegmentOrdinals.Of(_reader, _fields[f]);
            if (_counted[f] && kept is null) (_segmentCounts[f], _countsAny) = (new int[dv.ValueCount], true);
            if (_selected[f] is { } wanted) _segmentSelected[f] = SegmentOrdinals.Select(dv, wanted);
        }
        _hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        _matched++;
        var failed = -1;
        for (var f = 0; f < _facets.Length; f++)
        {
            if (_selected[f] is null || Passes(f, doc)) continue;
            if (failed >= 0) return;
            failed = f;
        }
        if (failed < 0)
        {
            TotalHits++;
            _hits.Collect(doc);
            if (!_countsAny) return;
            _uncounted[_uncountedCount++] = doc;
            if (_uncountedCount == UncountedBlock) CountUncounted();
        }
        else Count(failed, doc);
    }

    /// <summary>Counts the hits collected since the last block, for every facet.</summary>
    private void CountUncounted()
    {
        var docs = _uncounted.AsSpan(0, _uncountedCount);
        _uncountedCount = 0;
        for (var f = 0; f < _facets.Length; f++)
            if (_segmentCounts[f] is { } counts && _ordinals[f] is { } ordinals) ordinals.Count(docs, counts);
    }

    private bool Passes(int f, int doc)
    {
        return _ordinals[f] is { } ordinals && _segmentSelected[f] is { } sel && ordinals.HasAny(doc, sel);
    }

    private void Count(int f, int doc)
    {
        if (_segmentCounts[f] is { } counts && _ordinals[f] is { } ordinals) ordinals.Count(new ReadOnlySpan<int>(in doc), counts);
    }

    private void FlushSegment()
    {
        if (_reader is null) return;
        CountUncounted();
        var keep = _reuse is { } reuse && !_countsReused && reuse.Cache.Worth(_reader, _matched)
            ? new Dictionary<string, (string Label, int Count)[]>() : null;
        for (var f = 0; f < _facets.Length; f++)
        {
            if (_segmentCounts[f] is not { } counts) continue;
            var segment = keep is null ? null : new List<(string, int)>();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                var label = SegmentLabels.Label(_reader, _fields[f], _values[f]!, ord);
                _totals[f][label] = _totals[f].GetValueOrDefault(label) + counts[ord];
                segment?.Add((label, counts[ord]));
            }
            if (segment is not null) keep![_facets[f]] = [.. segment];
        }
        if (keep is not null) _reuse!.Value.Cache.Add(_reader, _reuse.Value.Key, new SegmentCountCache.Counts(keep));
        _reader = null;
    }

    /// <summary>Counts per counted facet; selected values are listed even when their count is zero.</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result() => Result([this]);

    /// <summary>The counts of collectors that saw disjoint parts of one index (same facets and filters), added up.</summary>
    public static Dictionary<string, IReadOnlyList<FacetValue>> Result(IReadOnlyList<DrillSidewaysCollector> parts)
    {
        var first = parts[0];
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        for (var f = 0; f < first._facets.Length; f++)
        {
            if (!first._counted[f]) continue;
            var totals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                part.FlushSegment();
                foreach (var (value, count) in part._totals[f]) totals[value] = totals.GetValueOrDefault(value) + count;
            }
            foreach (var v in first._selected[f] ?? []) totals.TryAdd(v, 0);
            var chronological = first._facets[f] is FacetNames.Year or FacetNames.Month;
            var values = totals.Select(kv => new FacetValue(kv.Key, kv.Value));
            result[first._facets[f]] = (chronological
                ? values.OrderByDescending(v => v.Value, StringComparer.Ordinal)
                : values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)).ToList();
        }
        return result;
    }
}
