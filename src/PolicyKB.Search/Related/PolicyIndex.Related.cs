using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    private const int MaxCitations = 20;

    /// <summary>
    /// Cites: indexed documents whose title (《…》) or 文号 the body names. Cited by: documents whose bodies name
    /// this one's title or 文号. Same number: other texts with this 文号. Similar: MoreLikeThis over the word fields. Parent and attachments: the notice an
    /// attachment document belongs to, and the attachment documents of a notice (by its id or any alias it merged).
    /// </summary>
    public RelatedDocuments Related(string id, int similar = 5)
    {
        if (Find(id) is not { } stored) return new RelatedDocuments([], [], []);
        var document = stored.Document;
        return WithSearcher(searcher =>
        {
            var body = document.BodyText;
            var citedKeys = DocumentKeys.CitedTitleKeys(body).Select(k => new Term(Schema.TitleKey, k))
                .Concat(DocumentKeys.CitedDocNos(body).Where(n => n != document.DocumentNumber?.Normalized).Select(n => new Term(Schema.DocNoKey, n)));
            var cites = citedKeys.SelectMany(t => Lookup(searcher, new TermQuery(t), MaxCitations));

            var citing = new BooleanQuery { { new TermQuery(new Term(Schema.CitesTitle, DocumentKeys.TitleKey(document.Title))), Occur.SHOULD } };
            if (DocumentKeys.DocNoKey(document.DocumentNumber) is { } no) citing.Add(new TermQuery(new Term(Schema.CitesDocNo, no)), Occur.SHOULD);
            var citedBy = Lookup(searcher, citing, MaxCitations);

            var children = new BooleanQuery();
            foreach (var own in stored.Aliases.Prepend(document.Id)) children.Add(new TermQuery(new Term(Schema.Parent, own)), Occur.SHOULD);

            return new RelatedDocuments(
                WithoutSelf(cites, document.Id),
                WithoutSelf(citedBy, document.Id),
                similar > 0 ? WithoutSelf(Lookup(searcher, Similar(searcher, document), similar + 1), document.Id).Take(similar).ToList() : [])
            {
                Parent = document.ParentId is { } parent ? CardOf(searcher, parent)?.AsRelated() : null,
                Attachments = WithoutSelf(Lookup(searcher, children, MaxCitations), document.Id),
                SameNumber = DocumentKeys.DocNoKey(document.DocumentNumber) is { } number
                    ? WithoutSelf(Lookup(searcher, new TermQuery(new Term(Schema.DocNoKey, number)), MaxCitations), document.Id)
                    : [],
            };
        });
    }

    /// <summary>The card of the document with this id, or of the document that merged it as a repost; null when neither is indexed.</summary>
    private static HitCard? CardOf(IndexSearcher searcher, string id)
    {
        foreach (var field in Schema.IdentityFields)
        {
            var top = searcher.Search(new TermQuery(new Term(field, id)), 1);
            if (top.TotalHits > 0) return HitCard.Read(searcher.IndexReader, top.ScoreDocs[0].Doc);
        }
        return null;
    }

    private Query Similar(IndexSearcher searcher, PolicyDocument document)
    {
        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = _words,
            FieldNames = [Schema.BodyWords],
            MinTermFreq = 2,
            MinDocFreq = 2,
            MinWordLen = 2,
            MaxQueryTerms = 30,
        };
        mlt.SetMaxDocFreqPct(30);
        using var text = new StringReader(document.Title + "\n" + document.Title + "\n" + DocumentMapper.WordFieldBody(document.BodyText));
        var like = mlt.Like(text, Schema.BodyWords);
        return new BooleanQuery { { like, Occur.MUST }, { new TermQuery(new Term(Schema.Id, document.Id)), Occur.MUST_NOT } };
    }

    private static IEnumerable<RelatedDocument> Lookup(IndexSearcher searcher, Query query, int max) =>
        searcher.Search(query, max).ScoreDocs.Select(sd => HitCard.Read(searcher.IndexReader, sd.Doc).AsRelated());

    private static List<RelatedDocument> WithoutSelf(IEnumerable<RelatedDocument> documents, string self) =>
        documents.Where(d => d.Id != self).DistinctBy(d => d.Id).ToList();
}
