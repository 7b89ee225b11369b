using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Highlighting;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var warnings = new List<string>();
        var parsed = ParseChecked(request, warnings);

        // A guard for callers that built the request themselves: SearchInput refuses what this clamps.
        var size = Math.Clamp(request.Size, 1, SearchLimits.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var depth = Math.Min(page * size, SearchLimits.MaxResultDepth);

        var searcher = _searchers.Acquire();
        // Spare cores serve one query at a time: when others are being answered, parallel slices would only slow them.
        var alone = Interlocked.Increment(ref _searching) == 1;
        try
        {
            var parallel = alone && searcher.IndexReader.MaxDoc >= _parallelSearchFrom;
            using var scope = new SearchScope(searcher);
            var (compiled, run, partial) = Find(scope, parsed, request, depth, parallel, warnings, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var shown = run.Top.ScoreDocs.Skip((page - 1) * size).Take(size).ToArray();
            var hits = new SearchHit[shown.Length];
            // Snippets read and mark each shown document's text: on a large index, one core a half of the page.
            if (parallel && request.WithSnippets && shown.Length > 1)
                Parallel.For(0, shown.Length, i => hits[i] = ToHit(searcher, shown[i], compiled, true));
            else
                for (var i = 0; i < shown.Length; i++) hits[i] = ToHit(searcher, shown[i], compiled, request.WithSnippets);
            return new SearchResult
            {
                Total = run.Total,
                Partial = partial,
                Query = request.Query,
                Warnings = warnings,
                Expansions = compiled.Expansions,
                Hits = hits,
                Facets = FoldStatus(run.Facets, request.Statuses),
                TookMs = clock.Elapsed.TotalMilliseconds,
            };
        }
        finally
        {
            Interlocked.Decrement(ref _searching);
            _searchers.Release(searcher);
        }
    }

    /// <summary>The request's query parsed and held to the query limits; a text re-read literally says so in <paramref name="warnings"/>.</summary>
    private static ParsedQuery ParseChecked(SearchRequest request, List<string> warnings)
    {
        var parsed = QuerySyntax.Parse(request.Query);
        QueryLimits.Check(parsed, request.Query);
        if (parsed.SyntaxError is { } error) warnings.Add($"查询语法有误（{error}），已按字面检索“{request.Query.Trim()}”");
        return parsed;
    }

    /// <summary>
    /// The query's run; when no document holds every word, the run of its partial matches instead (total 0, counted apart).
    /// The search and its fall-backs look their terms up once in <paramref name="scope"/> (the fall-back's words are the query's bigrams).
    /// </summary>
    private (CompiledQuery Compiled, SearchRun Run, PartialMatches? Partial) Find(SearchScope scope, ParsedQuery parsed, SearchRequest request,
        int depth, bool parallel, List<string> warnings, CancellationToken cancellationToken)
    {
        // The 效力 asked for, as the values stored in this view of the index (a 有效期 is resolved against today).
        request = WithStoredStatuses(request, scope);
        var compiled = _compiler.Compile(parsed);
        var run = Run(scope, compiled, request, depth, parallel, cancellationToken);
        PartialMatches? partial = null;
        if (run.Total == 0 && FallbackWords(parsed) is { } words)
        {
            var filtered = FacetFilters(request).Any(f => f.Value.Count > 0);
            foreach (var (query, how) in new[] { (WordsQuery(words, parsed, all: true), PartialMatches.AllWords), (WordsQuery(words, parsed, all: false), PartialMatches.AnyWord) })
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fallback = _compiler.Compile(query);
                // Under a facet filter, a cheap count first with the filters inside the query: most such fall-backs find
                // nothing too, and the run would visit every match of the words to count the facets sideways. Without a
                // filter the run finds the same nothing at the same cost, so the count would be a second pass.
                if (filtered && CountMatches(scope, fallback, request, cancellationToken) == 0) continue;
                var attempt = Run(scope, fallback, request, depth, parallel, cancellationToken);
                if (attempt.Total == 0) continue;
                // No document matches the query as typed: the total stays 0 and the partial matches are counted apart.
                partial = new PartialMatches(how, attempt.Total, words);
                warnings.Add($"没有完全匹配“{request.Query.Trim()}”的文件；以下 {attempt.Total} 件为{how}（{string.Join(" ", words)}）的部分匹配结果");
                (compiled, run) = (fallback, attempt with { Total = 0 });
                break;
            }
        }
        return (compiled, run, partial);
    }

    /// <summary>Searches being answered right now.</summary>
    private int _searching;

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets() => WithSearcher(searcher =>
    {
        var collector = new DrillSidewaysCollector(new TotalHitCountCollector(), FacetNames.All, new Dictionary<string, IReadOnlyList<string>>());
        searcher.Search(new MatchAllDocsQuery(), collector);
        return FoldStatus(collector.Result(), []);
    });

    private sealed record SearchRun(int Total, TopDocs Top, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

    /// <remarks>The token is checked before each segment: a request's timeout stops a long search there.</remarks>
    private SearchRun Run(SearchScope searcher, CompiledQuery compiled, SearchRequest request, int depth, bool parallel, CancellationToken cancellationToken)
    {
        var query = Filtered(compiled, request);
        // The search's terms are looked up together, before the weights ask for them one by one.
        searcher.Terms.Load(TermStates.Of(compiled.Membership).Concat(compiled.Ranking.Select(r => r.Term)));
        foreach (var r in compiled.Ranking)
        {
            // A word in most documents weighs little (BM25 idf under ln 2) and costs a step for every hit: it is left out.
            var states = searcher.Terms[r.Term];
            if (states.DocFreq * 2 > searcher.IndexReader.MaxDoc) continue;
            // Scored as a TermQuery would be, on postings the search's scope lends (a TermQuery opens new ones).
            query.Add(SubstringQuery.OfTerm(r.Term, r.Boost), Occur.SHOULD);
        }

        var weight = searcher.CreateNormalizedWeight(new RecencyBoostQuery(query));
        var counted = request.WithFacets ? request.CountFacets ?? FacetNames.All : [];
        var filters = FacetFilters(request);
        // A segment's counts of a query that matches much of it are kept, keyed without the ranking words; on an index
        // with no segment large enough to keep them, no key is built (a second query and a text per search).
        (SegmentCountCache, SegmentCountCache.Key)? reuse = counted.Count > 0 && _counts.Keeps(searcher.IndexReader)
            ? (_counts, SegmentCountCache.KeyOf(Filtered(compiled, request), counted, filters)) : null;
        var slices = parallel ? Slices(searcher.IndexReader) : [[.. searcher.IndexReader.Leaves]];
        var parts = new (DrillSidewaysCollector Facets, TopDocs Top)[slices.Count];
        void SearchSlice(int i)
        {
            var top = TopCollector(request.Sort, depth);
            var collector = new DrillSidewaysCollector(top, counted, filters, reuse);
            foreach (var leaf in slices[i])
            {
                cancellationToken.ThrowIfCancellationRequested();
                collector.SetNextReader(leaf);
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
            }
            parts[i] = (collector, top.GetTopDocs());
        }
        if (slices.Count == 1) SearchSlice(0);
        else Parallel.For(0, slices.Count, SearchSlice);

        // Slices are runs of consecutive segments in index order, so merged ties fall as a sequential search orders them.
        var merged = parts.Length == 1 ? parts[0].Top : TopDocs.Merge(SortOf(request.Sort), depth, parts.Select(p => p.Top).ToArray());
        return new SearchRun(parts.Sum(p => p.Facets.TotalHits), merged, DrillSidewaysCollector.Result(parts.Select(p => p.Facets).ToList()));
    }

    /// <summary>The query's membership with the date and methodology filters, which add nothing to scores.</summary>
    private static BooleanQuery Filtered(CompiledQuery compiled, SearchRequest request)
    {
        var query = new BooleanQuery { { compiled.Membership, Occur.MUST } };
        foreach (var filter in Filters(request)) query.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        return query;
    }

    /// <summary>How many documents match the query and every filter (no scores, no facets): facet filters skip ahead inside the query.</summary>
    private static int CountMatches(SearchScope searcher, CompiledQuery compiled, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = Filtered(compiled, request);
        foreach (var (facet, values) in FacetFilters(request).Where(f => f.Value.Count > 0))
            query.Add(new ConstantScoreQuery(new FacetFilter(facet, values.ToList())) { Boost = 0 }, Occur.MUST);
        // Documents in order, one scorer per segment: a collector taking them out of order makes Lucene build a
        // bucket table per segment for every disjunction (about 2 MB a query) before it finds the required clause.
        searcher.Terms.Load(TermStates.Of(compiled.Membership));
        var weight = searcher.CreateNormalizedWeight(query);
        var count = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer) continue;
            while (scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) count++;
        }
        return count;
    }

    /// <summary>
    /// The index's segments cut into up to one run of consecutive segments per core, of about equal size, searched in
    /// parallel: on a large index a query with tens of thousands of hits answers in about half the time on two cores.
    /// </summary>
    private static List<List<AtomicReaderContext>> Slices(IndexReader reader)
    {
        var leaves = reader.Leaves;
        var starts = SliceStarts(leaves.Select(l => l.AtomicReader.MaxDoc).ToList(), Environment.ProcessorCount);
        return starts.Select((start, i) => leaves.Skip(start).Take((i + 1 < starts.Count ? starts[i + 1] : leaves.Count) - start).ToList()).ToList();
    }

    /// <summary>
    /// Where each run of consecutive segments of the given sizes starts, for up to <paramref name="cores"/> runs: a segment
    /// joins the run its middle falls in, so no run is over its share by more than half a segment. (Closing a run only
    /// once it had reached its share gave a run of 1,942 MB and one of 858 MB to two cores.)
    /// </summary>
    internal static List<int> SliceStarts(IReadOnlyList<int> sizes, int cores)
    {
        var total = sizes.Sum(s => (long)s);
        var count = Math.Min(cores, sizes.Count);
        var starts = new List<int> { 0 };
        if (count <= 1 || total == 0) return starts;
        long filled = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            var run = (int)Math.Min(count - 1, (filled + sizes[i] / 2.0) * count / total);
            if (i > 0 && run >= starts.Count) starts.Add(i);
            filled += sizes[i];
        }
        return starts;
    }

    // Sort values are filled in so that the slices' top documents can be merged.
    private static ITopDocsCollector TopCollector(SearchSort sort, int depth) => SortOf(sort) is { } byDate
        ? TopFieldCollector.Create(byDate, depth, true, true, false, true)
        : TopScoreDocCollector.Create(depth, true);

    private static Sort? SortOf(SearchSort sort) => sort switch
    {
        SearchSort.Newest => ByDate(reverse: true),
        SearchSort.Oldest => ByDate(reverse: false),
        _ => null,
    };

    private static Sort ByDate(bool reverse)
    {
        // Undated documents go last either way.
        var date = new SortField(Schema.DateValue, SortFieldType.INT64, reverse);
        date.SetMissingValue(reverse ? long.MinValue : long.MaxValue);
        return new Sort(date, SortField.FIELD_SCORE);
    }

    private static Dictionary<string, IReadOnlyList<string>> FacetFilters(SearchRequest r) => new()
    {
        [FacetNames.Issuer] = r.Issuers,
        [FacetNames.Theme] = r.Themes,
        [FacetNames.Topic] = r.Topics,
        [FacetNames.Type] = r.Types,
        [FacetNames.Site] = r.Sites.Select(s => s.Trim().ToLowerInvariant()).ToList(),
        [FacetNames.Year] = r.Years,
        [FacetNames.Month] = r.Months,
        [FacetNames.Status] = r.Statuses,
    };

    /// <summary>Filters that are not facets: date ranges and methodology codes.</summary>
    private static IEnumerable<Query> Filters(SearchRequest r)
    {
        if (r.PublishedFrom is not null || r.PublishedTo is not null)
            yield return QueryCompiler.DateFilter(Schema.Published, r.PublishedFrom, r.PublishedTo);
        if (r.WrittenFrom is not null || r.WrittenTo is not null)
            yield return QueryCompiler.DateFilter(Schema.Written, r.WrittenFrom, r.WrittenTo);
        if (r.Methodologies.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var code in r.Methodologies) any.Add(new TermQuery(new Term(Schema.Methodology, DocumentMapper.MethodologyKey(code))), Occur.SHOULD);
            yield return any;
        }
    }

    /// <summary>The words of a plain query with several words (the fall-back's input), or null when no fall-back applies (one word, or past the limit).</summary>
    private IReadOnlyList<string>? FallbackWords(ParsedQuery parsed)
    {
        if (!parsed.IsPlain || parsed.Groups.Count == 0) return null;
        var words = parsed.Groups.SelectMany(g => _words.Words(g[0].Text))
            .Where(w => w.Length > 1 || !TextFold.IsHan(w[0]))
            .Distinct().ToList();
        return words.Count is > 1 and <= QueryLimits.MaxFallbackWords ? words : null;
    }

    // The fall-back keeps the query's exclusions and date ranges.
    private static ParsedQuery WordsQuery(IReadOnlyList<string> words, ParsedQuery parsed, bool all) => all
        ? parsed with { Groups = words.Select(w => (IReadOnlyList<QueryTerm>)[new QueryTerm(w)]).ToList() }
        : parsed with { Groups = [words.Select(w => new QueryTerm(w)).ToList()] };

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, CompiledQuery compiled, bool withSnippets)
    {
        var card = HitCard.Read(searcher.IndexReader, scoreDoc.Doc);
        return new SearchHit
        {
            Id = card.Id,
            Title = card.Title,
            Issuers = card.Issuers,
            DocumentNumber = card.DocumentNumber,
            DocumentType = card.DocumentType,
            WrittenDate = card.WrittenDate,
            PublishedDate = card.PublishedDate,
            Site = card.Site,
            Url = card.Url,
            Score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
            Snippets = withSnippets ? SnippetText.Snippets(searcher.IndexReader, scoreDoc.Doc, compiled.BodyMarks, card.Title) : [],
            TitleHighlighted = SnippetHighlighter.Mark(card.Title, compiled.TitleMarks),
            Parent = card.ParentId is { } parent ? CardOf(searcher, parent)?.AsRelated() : null,
            Status = StatusFacet.IndexedValue(searcher.IndexReader, scoreDoc.Doc) is { } stored ? StatusFacet.Resolve(stored, StatusRules.ChinaToday(_clock)) : null,
        };
    }

    /// <summary>Every value of a facet in the index, read from the doc values' dictionaries (no document is visited).</summary>
    private static IEnumerable<string> FacetValues(IndexSearcher searcher, string facet)
    {
        var field = FacetFields.DocValuesField(facet);
        return searcher.IndexReader.Leaves.SelectMany(leaf =>
        {
            var dv = leaf.AtomicReader.GetSortedSetDocValues(field);
            return dv is null ? [] : Enumerable.Range(0, (int)dv.ValueCount).Select(ord => SegmentLabels.Label(leaf.AtomicReader, field, dv, ord));
        }).Distinct();
    }
}
