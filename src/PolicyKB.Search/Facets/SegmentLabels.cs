using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PolicyKB.Search.Facets;

/// <summary>
/// Facet value strings by segment ordinal, cached per segment core (segments are immutable, so the cache lives
/// as long as the segment): counting stays in ordinals and turns only the counted ordinals into strings once.
/// </summary>
internal static class SegmentLabels
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string?[]>> Cache = new();

    public static string Label(AtomicReader reader, string field, SortedSetDocValues values, long ord)
    {
        var labels = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, string?[]>())
            .GetOrAdd(field, _ => new string?[values.ValueCount]);
        if (ord < labels.Length && labels[ord] is { } cached) return cached;
        var bytes = new BytesRef();
        values.LookupOrd(ord, bytes);
        var label = bytes.Utf8ToString();
        if (ord < labels.Length) labels[ord] = label;
        return label;
    }
}
