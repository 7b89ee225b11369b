using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyKB.Search.Facets;

/// <summary>
/// Documents having any of the given values of a facet, as a filter a query can skip by (read from the segment's
/// ordinal arrays). Used where no drill-sideways count needs the documents the filter leaves out.
/// </summary>
internal sealed class FacetFilter(string facet, IReadOnlyCollection<string> values) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var field = FacetFields.DocValuesField(facet);
        var dv = reader.GetSortedSetDocValues(field);
        if (dv is null || SegmentOrdinals.Of(reader, field) is not { } ordinals) return null;
        var selected = SegmentOrdinals.Select(dv, values);
        if (!selected.Contains(true)) return null;
        var docs = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
            if ((acceptDocs is null || acceptDocs.Get(doc)) && ordinals.HasAny(doc, selected)) docs.Set(doc);
        return docs;
    }
}
