using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    /// <summary>How many documents that name one document are read to decide its status (a 文号 is rarely cited more).</summary>
    private const int MaxStatusCandidates = 200;

    /// <summary>
    /// The status of a document, decided at read time from the documents now in the index that name it (by 文号 or
    /// 《title》) and, for a draft, those titled as its final text: a later repealing text changes it without any rebuild.
    /// Null when no document has this id.
    /// </summary>
    public DocumentStatus? Status(string id)
    {
        if (Get(id) is not { } document) return null;
        var rules = new StatusRules(_clock);
        var own = rules.Decide(document, StatusCandidates(document));
        // An attachment stands and falls with its notice: repealing 关于印发《Y》的通知 repeals the attached Y.
        if (own.State is StatusStates.Repealed or StatusStates.Revised or StatusStates.Expired || document.ParentId is not { } parentId
            || parentId == document.Id || Get(parentId) is not { } parent)
            return own;
        var inherited = rules.Decide(parent, StatusCandidates(parent));
        return inherited.State is StatusStates.Repealed or StatusStates.Revised or StatusStates.Expired ? inherited : own;
    }

    private List<PolicyDocument> StatusCandidates(PolicyDocument document)
    {
        var query = new BooleanQuery();
        foreach (var key in StatusRules.TitleKeys(document.Title)) query.Add(new TermQuery(new Term(Schema.CitesTitle, key)), Occur.SHOULD);
        if (DocumentKeys.DocNoKey(document.DocumentNumber) is { } number) query.Add(new TermQuery(new Term(Schema.CitesDocNo, number)), Occur.SHOULD);
        if (StatusRules.DraftSubject(document) is { } subject && DocumentKeys.TitleKey(subject) is { Length: > 0 } final)
        {
            query.Add(new TermQuery(new Term(Schema.TitleKey, final)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(Schema.CitesTitle, final)), Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return [];
        // Newest first: when a much-cited law has more citers than are read, the later texts that may repeal it are kept.
        var newest = new Sort(new SortField(Schema.DateValue, SortFieldType.INT64, true));
        return WithSearcher(searcher => searcher.Search(query, MaxStatusCandidates, newest).ScoreDocs
            .Select(hit => DocumentMapper.FromStored(searcher.Doc(hit.Doc))).ToList());
    }
}
