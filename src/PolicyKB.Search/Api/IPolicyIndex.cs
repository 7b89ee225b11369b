using PolicyKB.Model;

namespace PolicyKB.Search;

/// <summary>
/// The embedded index: one writer per folder, near-real-time readers. Thread-safe: searches may run
/// while documents are upserted and committed.
/// </summary>
public interface IPolicyIndex : IDocumentSink, IDisposable
{
    /// <summary>The folder the index lives in.</summary>
    string Directory { get; }

    /// <summary>Number of documents visible to searches.</summary>
    int Count { get; }

    /// <summary>When the index was last committed (null for a new, never-committed index).</summary>
    DateTimeOffset? LastCommit { get; }

    SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every hit of a search up to <paramref name="max"/> (at most 10,000), in its order, facets not counted and page and
    /// size ignored, read one by one as the caller goes (exports, briefs). Dispose the stream when done.
    /// </summary>
    HitStream Stream(SearchRequest request, int max, CancellationToken cancellationToken = default);

    /// <summary>Facet values with counts over the whole index.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets();

    /// <summary>Cites / cited by (by title 《…》 or 文号) and the most similar documents by text.</summary>
    RelatedDocuments Related(string id, int similar = 5);

    /// <summary>The 《titles》 and 文号 in a document's body that name other documents of the index, in text order; empty when no document has the id.</summary>
    IReadOnlyList<TextLink> Links(string id);

    /// <summary>现行有效, 已废止, 已修订 … as the texts now in the index say (decided at read time); null when no document has the id.</summary>
    Status.DocumentStatus? Status(string id);

    /// <summary>Completions for a prefix: thesaurus terms and issuers to search for, documents whose title holds it to open.</summary>
    IReadOnlyList<Suggestion> Suggest(string prefix, int max = 10);

    /// <summary>Removes a document; true when it was there.</summary>
    bool Delete(string id);

    /// <summary>Every stored document (for reparse, briefs over ids, brute-force checks).</summary>
    IEnumerable<PolicyDocument> All();

    /// <summary>Makes recent upserts visible to searches without a commit.</summary>
    void Refresh();
}
