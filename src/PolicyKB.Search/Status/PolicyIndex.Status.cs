using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    /// <summary>How many documents that may change one document's status are read to decide it (a text is rarely repealed or revised by more).</summary>
    private const int MaxStatusCandidates = 200;

    /// <summary>The status rules over the data folder's phrases, built when first needed (a plain search never is).</summary>
    private readonly Lazy<StatusRules> _statusRules;

    internal StatusRules StatusRules => _statusRules.Value;

    private static Lazy<StatusRules> StatusRulesOver(PolicyIndexOptions options) => new(() => new StatusRules(options.Clock, options.Data.StatusPhrases));

    /// <summary>
    /// The status of a document, decided at read time from the documents now in the index that name it (by 文号 or
    /// 《title》) and, for a draft, those titled as its final text: a later repealing text changes it without any rebuild.
    /// Null when no document has this id.
    /// </summary>
    public DocumentStatus? Status(string id)
    {
        if (Get(id) is not { } document) return null;
        var rules = StatusRules;
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
        if (CandidateQuery(document) is not { } query) return [];
        // Newest first: when a much-cited law has more citers than are read, the later texts that may repeal it are kept.
        var newest = new Sort(new SortField(Schema.DateValue, SortFieldType.INT64, true));
        return WithSearcher(searcher => searcher.Search(query, MaxStatusCandidates, newest).ScoreDocs
            .Select(hit => DocumentMapper.FromStored(searcher.Doc(hit.Doc))).ToList());
    }

    /// <summary>
    /// The documents that may change <paramref name="document"/>'s status: those naming it in a clause that repeals or
    /// revises (not every text citing it: a much-cited law has thousands of citers, and its repeal may be older than the
    /// newest <see cref="MaxStatusCandidates"/> of them), and a draft's final texts.
    /// </summary>
    private BooleanQuery? CandidateQuery(PolicyDocument document)
    {
        var query = new BooleanQuery();
        foreach (var key in StatusRules.TitleKeys(document.Title)) query.Add(new TermQuery(new Term(StatusFacet.ActsTitleField, key)), Occur.SHOULD);
        if (DocumentKeys.DocNoKey(document.DocumentNumber) is { } number) query.Add(new TermQuery(new Term(StatusFacet.ActsNumberField, number)), Occur.SHOULD);
        if (StatusRules.DraftSubject(document) is { } subject && DocumentKeys.TitleKey(subject) is { Length: > 0 } final)
        {
            query.Add(new TermQuery(new Term(Schema.TitleKey, final)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(Schema.CitesTitle, final)), Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    // The 效力 facet (Status/StatusFacet): a document is written with the value its own words give, and the ingest names
    // the documents whose stored value a write may have changed; the next commit revisits just those.
    private readonly object _revisitLock = new();
    /// <summary>Written documents (id → the query for the texts that may change them): revisited when any such text exists.</summary>
    private Dictionary<string, Query?> _revisitWritten = new(StringComparer.Ordinal);
    /// <summary>文号 and title keys that a written or removed text repeals or revises: the documents under them are revisited.</summary>
    private List<Term> _revisitNamed = [];

    /// <summary>A long import without a commit revisits what it wrote every so many documents, so the list stays small.</summary>
    private const int MaxPendingRevisits = 20_000;

    /// <summary>Whether the ingest should revisit now (<see cref="RevisitStatuses"/>) rather than wait for the commit.</summary>
    internal bool RevisitsDue
    {
        get { lock (_revisitLock) return _revisitWritten.Count >= MaxPendingRevisits; }
    }

    /// <summary>Called by the ingest for every document it writes or removes.</summary>
    internal void RevisitStatusFor(Stored entry)
    {
        var document = entry.Document;
        var (numbers, titles) = entry.Acts(StatusRules);
        var query = CandidateQuery(document);
        lock (_revisitLock)
        {
            // A document with a parent inherits a repeal of it, so it is always revisited.
            _revisitWritten[document.Id] = document.ParentId is null ? query : new MatchAllDocsQuery();
            _revisitNamed.AddRange(numbers.Select(n => new Term(Schema.DocNoKey, n)));
            _revisitNamed.AddRange(titles.Select(t => new Term(StatusFacet.NameField, t)));
        }
    }

    /// <summary>The 效力 value a document's own words give (施行, 有效期, 征求意见稿), before other texts are read.</summary>
    internal string OwnStatusValue(PolicyDocument document) => StatusFacet.StoredValue(StatusRules.Decide(document, []));

    /// <summary>What the status phrases read in a text: what it repeals or revises, and its own 效力 value.</summary>
    /// <exception cref="DocumentRejectedException">a phrase ran over its time limit on this text, twice</exception>
    internal StatusReading ReadStatus(PolicyDocument document) => new(StatusRules.NamedInActs(document), OwnStatusValue(document));

    /// <summary>
    /// Rewrites the stored 效力 value of the documents the ingest named since the last commit, where it changed: the
    /// documents a new text repeals or revises, those a removed text had, a new document some text already names, and
    /// the attachments of any document whose value changed. Never a full rebuild.
    /// </summary>
    internal void RevisitStatuses()
    {
        Dictionary<string, Query?> written;
        List<Term> named;
        lock (_revisitLock)
        {
            (written, named) = (_revisitWritten, _revisitNamed);
            (_revisitWritten, _revisitNamed) = (new(StringComparer.Ordinal), []);
        }
        if (written.Count == 0 && named.Count == 0) return;
        Refresh();
        var todo = new Queue<string>(WithSearcher(searcher =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in named.Distinct().Chunk(BooleanQuery.MaxClauseCount))
            {
                var any = new BooleanQuery();
                foreach (var term in chunk) any.Add(new TermQuery(term), Occur.SHOULD);
                MatchingIds.AddTo(ids, searcher, any);
            }
            // The written documents' candidate terms, looked up together: most are named by no repealing or revising
            // text, and need no search of their own (a long import writes 20,000 documents between revisits).
            using var scope = new SearchScope(searcher);
            scope.Terms.Load(written.Values.OfType<BooleanQuery>().SelectMany(TermStates.Of));
            foreach (var (id, query) in written)
                if (query is MatchAllDocsQuery
                    || (query is BooleanQuery candidates && TermStates.Of(candidates).Any(t => scope.Terms[t].DocFreq > 0)
                        && searcher.Search(query, 2).ScoreDocs.Any(h => MatchingIds.IdOf(searcher.IndexReader, h.Doc) != id)))
                    ids.Add(id);
            return ids;
        }));
        var seen = new HashSet<string>(todo, StringComparer.Ordinal);
        while (todo.TryDequeue(out var id))
        {
            // A document whose texts the status phrases cannot read in time keeps the value it has.
            try { if (!RewriteStatus(id)) continue; }
            catch (DocumentRejectedException) { continue; }
            // An attachment stands and falls with its notice.
            var children = new HashSet<string>(StringComparer.Ordinal);
            WithSearcher(s => { MatchingIds.AddTo(children, s, new TermQuery(new Term(Schema.Parent, id))); return children; });
            foreach (var child in children)
                if (seen.Add(child)) todo.Enqueue(child);
        }
    }

    /// <summary>Rewrites one document's 效力 value when the texts now say otherwise than the index; true when it did.</summary>
    private bool RewriteStatus(string id)
    {
        if (Status(id) is not { } status) return false;
        var value = StatusFacet.StoredValue(status);
        var indexed = WithSearcher(s => s.Search(new TermQuery(new Term(Schema.Id, id)), 1).ScoreDocs is [var hit] ? StatusFacet.IndexedValue(s.IndexReader, hit.Doc) : null);
        if (indexed == value) return false;
        lock (DecisionLock)
        {
            // A write decided meanwhile is revisited at the next commit.
            if (Find(id) is not { } holder || holder.Document.Id != id) return false;
            Stage(holder with { StatusValue = value });
        }
        Write(id);
        return true;
    }


    /// <summary>The request with its 效力 states replaced by the stored values that stand for them today (see <see cref="StatusFacet"/>).</summary>
    private SearchRequest WithStoredStatuses(SearchRequest request, IndexSearcher searcher) => request.Statuses.Count == 0
        ? request
        : request with { Statuses = StatusFacet.StoredValuesFor(request.Statuses, StatusFacet.IndexedValues(searcher.IndexReader), StatusRules.ChinaToday(_clock)) };

    /// <summary>Facet counts with the stored 效力 values folded into today's states.</summary>
    private Dictionary<string, IReadOnlyList<FacetValue>> FoldStatus(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, IReadOnlyList<string> selected)
    {
        var folded = facets.ToDictionary(f => f.Key, f => f.Value);
        if (folded.TryGetValue(FacetNames.Status, out var counts)) folded[FacetNames.Status] = StatusFacet.Fold(counts, StatusRules.ChinaToday(_clock), selected);
        return folded;
    }
}
