using PolicyKB.Search.Querying;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    public HitStream Stream(SearchRequest request, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var warnings = new List<string>();
        var parsed = ParseChecked(request, warnings);
        var depth = Math.Min(max, SearchLimits.MaxResultDepth);
        request = request with { Page = 1, Size = depth, WithFacets = false };

        var searcher = _searchers.Acquire();
        try
        {
            var alone = Interlocked.Increment(ref _searching) == 1;
            (CompiledQuery Compiled, SearchRun Run, PartialMatches? Partial) found;
            try
            {
                using var scope = new SearchScope(searcher);
                found = Find(scope, parsed, request, depth, alone && searcher.IndexReader.MaxDoc >= _parallelSearchFrom, warnings, cancellationToken);
            }
            finally { Interlocked.Decrement(ref _searching); }
            var docs = found.Run.Top.ScoreDocs;
            // Each hit is read (and its snippet made) only when the caller gets to it, on the searcher the query ran on.
            var hits = docs.Select(d => ToHit(searcher, d, found.Compiled, request.WithSnippets));
            return new HitStream(found.Run.Total, found.Partial, warnings, docs.Length, hits, () => _searchers.Release(searcher));
        }
        catch
        {
            _searchers.Release(searcher);
            throw;
        }
    }
}
