using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Highlighting;

/// <summary>
/// The text snippets are cut from (<see cref="DocumentMapper.SearchableText(Model.PolicyDocument)"/>), kept as binary
/// doc values in UTF-16: a lookup and a copy of the mapped bytes. Cutting it out of the stored JSON decompressed the
/// document's chunk and parsed its JSON, about 50 µs a hit of a long MEE notice, most of a result page's cost.
/// UTF-16 because Chinese text takes two bytes a character in it against three in UTF-8, and it decodes by copying.
/// </summary>
public static class SnippetText
{
    public static BinaryDocValuesField Field(string searchableText) =>
        new(Schema.SnippetText, new BytesRef(Encoding.Unicode.GetBytes(searchableText)));

    /// <summary>The snippet text of a document by its index-wide number.</summary>
    public static string Read(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(Schema.SnippetText)
            ?? throw new PolicyIndexException("The index has no snippet texts; re-import it.");
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return Encoding.Unicode.GetString(DocumentMapper.Span(bytes));
    }
}
