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
        var selected = new bool[dv.ValueCount];
        var any = false;
        foreach (var v in values)
        {
            var ord = dv.LookupTerm(new BytesRef(v));
            if (ord >= 0) any = selected[ord] = true;
        }
        if (!any) return null;
        var docs = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (acceptDocs is not null && !acceptDocs.Get(doc)) continue;
            foreach (var ord in ordinals[doc])
                if (selected[ord])
                {
                    docs.Set(doc);
                    break;
                }
        }
        return docs;
    }
}
