using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Status;

/// <summary>
/// The ids of every document a query matches, unscored and in no order. A status revisit needs all of them; a top-N
/// search for "all" would build a queue as large as the index for each query (a million entries at a million documents).
/// </summary>
internal sealed class MatchingIds : ICollector
{
    private readonly HashSet<string> _ids;
    private AtomicReader? _reader;

    private MatchingIds(HashSet<string> ids) => _ids = ids;

    /// <summary>Adds to <paramref name="ids"/> the id of each document <paramref name="query"/> matches.</summary>
    public static void AddTo(HashSet<string> ids, IndexSearcher searcher, Query query) => searcher.Search(query, new MatchingIds(ids));

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _reader = context.AtomicReader;

    public void Collect(int doc) => _ids.Add(IdOf(_reader!, doc));

    /// <summary>The stored id of a document of <paramref name="reader"/>, reading no other stored field.</summary>
    public static string IdOf(IndexReader reader, int doc) => reader.Document(doc, IdField).Get(Schema.Id, CultureInfo.InvariantCulture);

    private static readonly ISet<string> IdField = new HashSet<string> { Schema.Id };
}
