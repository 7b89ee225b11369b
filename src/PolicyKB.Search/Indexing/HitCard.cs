using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PolicyKB.Model;

namespace PolicyKB.Search.Indexing;

/// <summary>
/// What a result list shows of a document, kept as binary doc values beside the stored JSON: reading a stored
/// document decompresses its whole chunk (a tenth of a millisecond and more a hit), a doc value is a lookup.
/// </summary>
internal sealed record HitCard(
    string Id,
    string Title,
    IReadOnlyList<string> Issuers,
    string? DocumentNumber,
    string? DocumentType,
    DateOnly? WrittenDate,
    DateOnly? PublishedDate,
    string Site,
    string? Url,
    string? ParentId)
{
    public static HitCard Of(PolicyDocument d) =>
        new(d.Id, d.Title, d.Issuers, d.DocumentNumber?.Normalized, d.DocumentType, d.WrittenDate, d.PublishedDate, d.Site.ToCode(), d.Url, d.ParentId);

    /// <summary>The document as a related document names it.</summary>
    public RelatedDocument AsRelated() => new(Id, Title, DocumentNumber, PublishedDate);

    public static BinaryDocValuesField Field(PolicyDocument d) =>
        new(Schema.HitCard, new BytesRef(JsonSerializer.SerializeToUtf8Bytes(Of(d), PolicyJson.Options)));

    /// <summary>The card of a document by its index-wide number.</summary>
    public static HitCard Read(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(Schema.HitCard)
            ?? throw new PolicyIndexException("The index has no result cards; re-import it.");
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return JsonSerializer.Deserialize<HitCard>(DocumentMapper.Span(bytes), PolicyJson.Options)
            ?? throw new PolicyIndexException("A result card could not be read; run `policykb check`.");
    }
}
