using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyKB.Search.Querying;

/// <summary>
/// The statistics and per-segment states of the terms of one search, looked up together.
/// <para>
/// Lucene.Net looks a term up with a new terms enumerator per segment, about 150 µs a term on 19 segments: a query
/// of three words over three fields spent 5 ms before reading any document. Here the terms are looked up with one
/// enumerator per segment and field, in term order, in a third of the time, and each segment keeps the states of
/// the terms it was asked for (<see cref="SegmentTerms"/>): a segment never changes, so a later search that names
/// the same term reads its state instead of seeking it again.
/// </para>
/// </summary>
internal sealed class TermStates(IndexReaderContext top)
{
    private readonly Dictionary<Term, TermContext> _known = [];

    /// <summary>The states of <paramref name="term"/>, looked up now if not yet.</summary>
    public TermContext this[Term term] => _known.TryGetValue(term, out var context) ? context : Load([term])[0];

    /// <summary>Looks up together those of <paramref name="terms"/> not known yet.</summary>
    public void Load(IEnumerable<Term> terms)
    {
        var missing = terms.Where(t => !_known.ContainsKey(t)).Distinct().ToList();
        if (missing.Count > 0) Load(missing);
    }

    /// <summary>The terms a query reads postings of: its term and substring queries, through boolean ones.</summary>
    public static IEnumerable<Term> Of(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => Of(c.Query)),
        SubstringQuery substring => substring.LookedUp,
        TermQuery term => [term.Term],
        _ => [],
    };

    private TermContext[] Load(IReadOnlyList<Term> terms)
    {
        var contexts = terms.Select(_ => new TermContext(top)).ToArray();
        foreach (var field in Enumerable.Range(0, terms.Count).GroupBy(i => terms[i].Field))
        {
            // Seeks in ascending order reuse the enumerator's path through the terms index.
            var ordered = field.OrderBy(i => terms[i]).ToArray();
            foreach (var leaf in top.Leaves)
            {
                if (leaf.AtomicReader.GetTerms(field.Key) is not { } fieldTerms) continue;
                var kept = SegmentTerms.Of(leaf.AtomicReader);
                TermsEnum? termsEnum = null;
                foreach (var i in ordered)
                {
                    if (!kept.TryGet(terms[i], out var found))
                    {
                        termsEnum ??= fieldTerms.GetEnumerator();
                        found = termsEnum.SeekExact(terms[i].Bytes) ? new(termsEnum.GetTermState(), termsEnum.DocFreq, termsEnum.TotalTermFreq) : null;
                        kept.Add(terms[i], found);
                    }
                    if (found is { } f) contexts[i].Register(f.State, leaf.Ord, f.DocFreq, f.TotalTermFreq);
                }
            }
        }
        for (var i = 0; i < terms.Count; i++) _known[terms[i]] = contexts[i];
        return contexts;
    }
}

/// <summary>A term as one segment holds it: the state its postings are read from, and its statistics there.</summary>
internal sealed record SegmentTerm(TermState State, int DocFreq, long TotalTermFreq);

/// <summary>
/// The terms one segment was asked for, found or not, kept with the segment's core (shared by every reader of the
/// segment, dropped with it after a merge). A segment's terms never change and deletions do not touch their states, so
/// a kept entry is never stale.
/// <para>
/// Bounded, in two generations of <see cref="Capacity"/> terms (<see cref="KeptGenerations{TKey, TValue}"/>), so the
/// words searched day after day stay kept while a stream of one-off terms (the import's identity look-ups, a crawl's
/// rare words) passes through. One set emptied when full, as before, lost every term together: the 2,499 terms of the
/// benchmark's 200 queries, asked in turn, were sought again on most searches.
/// </para>
/// <para>
/// The states are only read: a terms enumerator copies the state it seeks to. An entry costs about 250 bytes, so a
/// segment keeps at most about 2 MB.
/// </para>
/// </summary>
internal sealed class SegmentTerms
{
    public const int Capacity = 4096;

    private static readonly ConditionalWeakTable<object, SegmentTerms> PerCore = new();

    private readonly KeptGenerations<Term, SegmentTerm?> _kept = new(Capacity);

    public static SegmentTerms Of(AtomicReader segment) => PerCore.GetValue(segment.CoreCacheKey, _ => new SegmentTerms());

    /// <summary>The term's state here (null: the segment does not hold it); false when it was not looked up yet.</summary>
    public bool TryGet(Term term, out SegmentTerm? found) => _kept.TryGet(term, out found);

    // A copy of the term: the caller's bytes may be reused.
    public void Add(Term term, SegmentTerm? found) => _kept.Add(new Term(term.Field, BytesRef.DeepCopyOf(term.Bytes)), found);

    /// <summary>How many terms the segment keeps now, in both generations.</summary>
    public int Count => _kept.Count;
}

/// <summary>
/// A searcher for one search over a shared reader: the weights it creates share the search's <see cref="TermStates"/>
/// and take their postings enumerators from the segments' idle ones (<see cref="SegmentPostings"/>), which go back when
/// the scope is disposed, after the last scorer of the search has run.
/// </summary>
internal sealed class SearchScope : IndexSearcher, IDisposable
{
    private readonly ConcurrentBag<(SegmentPostings Segment, string Field, bool Positions, DocsEnum Docs)> _taken = [];

    public SearchScope(IndexSearcher shared) : base(shared.IndexReader)
    {
        Similarity = shared.Similarity;
        Terms = new TermStates(TopReaderContext);
    }

    public TermStates Terms { get; }

    /// <summary>The postings of the term <paramref name="terms"/> stands on: frequencies only, or with positions.</summary>
    public DocsEnum Postings(AtomicReaderContext leaf, string field, TermsEnum terms, IBits? acceptDocs, bool positions)
    {
        var segment = SegmentPostings.Of(leaf.AtomicReader);
        var docs = SegmentPostings.Open(terms, field, acceptDocs, positions, segment.Take(field, positions));
        _taken.Add((segment, field, positions, docs));
        return docs;
    }

    public void Dispose()
    {
        while (_taken.TryTake(out var t)) t.Segment.Give(t.Field, t.Positions, t.Docs);
    }
}
