using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PolicyKB.Search.Facets;

/// <summary>
/// A segment's facet ordinals of one field as flat arrays (document → its ordinals), read from the doc values once
/// per segment and kept as long as the segment lives. Counting a query with tens of thousands of hits then reads
/// arrays instead of stepping a doc-values iterator per hit and facet. Most documents have one value of a facet
/// (one year, one theme, one issuer): theirs is read from one array, <see cref="_sole"/>, without the runs.
/// It costs four bytes a document and four an ordinal.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<SegmentOrdinals?>>> Cache = new();

    private const int None = -1;
    private const int Several = -2;

    private readonly int[] _starts;
    private readonly int[] _ordinals;
    /// <summary>Each document's ordinal when it has exactly one; <see cref="None"/> or <see cref="Several"/> otherwise.</summary>
    private readonly int[] _sole;

    private SegmentOrdinals(int[] starts, int[] ordinals)
    {
        (_starts, _ordinals) = (starts, ordinals);
        _sole = new int[starts.Length - 1];
        for (var doc = 0; doc < _sole.Length; doc++)
            _sole[doc] = (starts[doc + 1] - starts[doc]) switch { 0 => None, 1 => ordinals[starts[doc]], _ => Several };
    }

    /// <summary>The ordinals of <paramref name="field"/> in the segment, or null when no document of it has the field.</summary>
    public static SegmentOrdinals? Of(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<SegmentOrdinals?>>())
            .GetOrAdd(field, f => new Lazy<SegmentOrdinals?>(() => Read(reader, f)))
            .Value;

    /// <summary>The ordinals of one document, in ascending order.</summary>
    public ReadOnlySpan<int> this[int doc] => _ordinals.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]);

    /// <summary>Adds one to the count of every ordinal of each of <paramref name="docs"/>.</summary>
    public void Count(ReadOnlySpan<int> docs, int[] counts)
    {
        var sole = _sole;
        foreach (var doc in docs)
        {
            var ord = sole[doc];
            if (ord >= 0) counts[ord]++;
            else if (ord == Several)
                foreach (var o in this[doc]) counts[o]++;
        }
    }

    /// <summary>Whether the document holds any ordinal marked in <paramref name="selected"/>.</summary>
    public bool HasAny(int doc, bool[] selected)
    {
        foreach (var ord in this[doc])
            if (selected[ord]) return true;
        return false;
    }

    /// <summary>The segment's ordinals of <paramref name="values"/>, marked (values the segment lacks are left out).</summary>
    public static bool[] Select(SortedSetDocValues values, IEnumerable<string> selected)
    {
        var marks = new bool[values.ValueCount];
        foreach (var v in selected)
        {
            var ord = values.LookupTerm(new BytesRef(v));
            if (ord >= 0) marks[ord] = true;
        }
        return marks;
    }

    private static SegmentOrdinals? Read(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null) return null;
        var starts = new int[reader.MaxDoc + 1];
        var ordinals = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ordinals.Add((int)ord);
        }
        starts[reader.MaxDoc] = ordinals.Count;
        return new SegmentOrdinals(starts, ordinals.ToArray());
    }
}
