using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PolicyKB.Model;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Highlighting;

namespace PolicyKB.Search.Indexing;

/// <summary>PolicyDocument ↔ Lucene document. The whole document is stored as JSON, so reading it back is exact.</summary>
internal static class DocumentMapper
{
    public static Document ToLucene(PolicyDocument d, IEnumerable<string> aliases, IdentityKeys keys)
    {
        var doc = new Document
        {
            new StringField(Schema.Id, d.Id, Field.Store.YES),
            // UTF-8 bytes, read back without decoding to a string first.
            new StoredField(Schema.Json, JsonSerializer.SerializeToUtf8Bytes(d, PolicyJson.Options)),
            HitCard.Field(d),
        };
        foreach (var alias in aliases) doc.Add(new StringField(Schema.Alias, alias, Field.Store.YES));

        var body = d.BodyText;
        // A repost kept as a source of this document is found by its own title too (gov.cn's 国家发展改革委等部门关于…);
        // one value, lines apart, so that no match spans two titles.
        AddText(doc, Schema.Title, string.Join('\n', d.Sources.Select(s => s.Title).OfType<string>().Prepend(d.Title).Distinct()));
        var searchable = SearchableText(d);
        AddText(doc, Schema.Body, searchable);
        doc.Add(SnippetText.Field(searchable, d.Title));
        AddText(doc, Schema.TitleWords, d.Title, WordFieldType);
        AddText(doc, Schema.BodyWords, WordFieldBody(body), WordFieldType);
        AddText(doc, Schema.IssuerText, string.Join('\n', d.Issuers.Append(d.IssuersRaw ?? "")));
        AddText(doc, Schema.DocNoText, d.DocumentNumber?.Normalized);
        AddText(doc, Schema.TypeText, d.DocumentType);
        AddText(doc, Schema.TopicText, string.Join('\n', d.Topics));
        AddText(doc, Schema.ThemeText, string.Join('\n', d.Themes));

        foreach (var (facet, values) in FacetFields.ValuesOf(d))
            foreach (var v in values) doc.Add(new SortedSetDocValuesField(FacetFields.DocValuesField(facet), new BytesRef(v)));

        foreach (var code in d.Methodologies.Select(m => MethodologyKey(m.Code)).Distinct())
            doc.Add(new StringField(Schema.Methodology, code, Field.Store.NO));

        if (d.PublishedDate is { } p) doc.Add(new Int32Field(Schema.Published, p.DayNumber, Field.Store.NO));
        if (d.WrittenDate is { } w) doc.Add(new Int32Field(Schema.Written, w.DayNumber, Field.Store.NO));
        if ((d.PublishedDate ?? d.WrittenDate) is { } date) doc.Add(new NumericDocValuesField(Schema.DateValue, date.DayNumber));

        AddKey(doc, Schema.TitleKey, DocumentKeys.TitleKey(d.Title));
        AddKey(doc, Schema.DocNoKey, DocumentKeys.DocNoKey(d.DocumentNumber));
        AddKey(doc, Schema.RepostKey, keys.Repost);
        AddKey(doc, Schema.BodyKey, keys.BodyFingerprint);
        foreach (var file in d.Attachments.Select(AttachmentFileKey).OfType<string>().Distinct()) AddKey(doc, Schema.AttachmentFile, file);
        AddKey(doc, Schema.Parent, d.ParentId);
        var ownNo = d.DocumentNumber?.Normalized;
        foreach (var t in DocumentKeys.CitedTitleKeys(body)) AddKey(doc, Schema.CitesTitle, t);
        foreach (var n in DocumentKeys.CitedDocNos(body).Where(n => n != ownNo)) AddKey(doc, Schema.CitesDocNo, n);
        return doc;
    }

    public static PolicyDocument FromStored(Document stored) =>
        (stored.GetBinaryValue(Schema.Json) is { } json ? JsonSerializer.Deserialize<PolicyDocument>(Span(json), PolicyJson.Options) : null)
        ?? throw new PolicyIndexException("A stored document could not be read; run `policykb check`.");

    /// <summary>The bytes a <see cref="BytesRef"/> points at.</summary>
    internal static ReadOnlySpan<byte> Span(BytesRef bytes) => bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);

    /// <summary>
    /// Word segmentation is far slower than the bigram recall analysis, so the word field (re-ranking
    /// and similarity, never membership) reads the body's opening, where a notice states its subject.
    /// </summary>
    public const int WordFieldBodyLength = 500;

    public static string WordFieldBody(string body) => body.Length <= WordFieldBodyLength ? body : body[..WordFieldBodyLength];

    /// <summary>
    /// What a search reads of a document beyond its title: the body, then each attachment's name and extracted text,
    /// so a phrase found only in an attached PDF or DOCX finds the notice (and its snippet shows where).
    /// </summary>
    public static string SearchableText(PolicyDocument d) => SearchableText(d.BodyText, d.Attachments);

    private static string SearchableText(string body, IReadOnlyList<Attachment> attachments)
    {
        var attached = attachments.Where(a => !string.IsNullOrWhiteSpace(a.Text) || !string.IsNullOrWhiteSpace(a.Name)).ToList();
        if (attached.Count == 0) return body;
        var parts = new List<string> { body };
        foreach (var a in attached)
        {
            parts.Add(a.Name);
            if (!string.IsNullOrWhiteSpace(a.Text)) parts.Add(a.Text!);
        }
        return string.Join('\n', parts);
    }

    /// <summary>The file name an attachment is known by (from its URL, else its name), lower case; null when it has none.</summary>
    public static string? AttachmentFileKey(Attachment a)
    {
        var file = a.FileName.ToLowerInvariant();
        return file.Length == 0 ? null : file;
    }

    public static string MethodologyKey(string code) => code.Trim().ToUpperInvariant();

    /// <summary>
    /// The word fields only re-rank (term queries, MoreLikeThis) and are never matched as phrases: frequencies without
    /// positions. Segments written with positions before still merge with these (Lucene keeps the lesser options).
    /// </summary>
    private static readonly FieldType WordFieldType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static void AddText(Document doc, string field, string? text, FieldType? type = null)
    {
        if (!string.IsNullOrWhiteSpace(text)) doc.Add(new Field(field, text, type ?? TextField.TYPE_NOT_STORED));
    }

    private static void AddKey(Document doc, string field, string? key)
    {
        if (!string.IsNullOrEmpty(key)) doc.Add(new StringField(field, key, Field.Store.NO));
    }
}
