namespace PolicyKB.Search;

/// <summary>
/// Every hit of a search up to a cap, read one by one from the one view of the index the search ran on (exports,
/// briefs): the count is known before the first hit is read, and no page of hits is held in memory. Dispose it to let
/// that view go.
/// </summary>
public sealed class HitStream : IDisposable
{
    private readonly IEnumerable<SearchHit> _hits;
    private Action? _release;

    internal HitStream(int total, PartialMatches? partial, IReadOnlyList<string> warnings, int count, IEnumerable<SearchHit> hits, Action release)
    {
        Total = total;
        Partial = partial;
        Warnings = warnings;
        Count = count;
        _hits = hits;
        _release = release;
    }

    /// <summary>As <see cref="SearchResult.Total"/>: 0 when only partial matches are found.</summary>
    public int Total { get; }
    public PartialMatches? Partial { get; }
    public IReadOnlyList<string> Warnings { get; }
    /// <summary>The hits <see cref="Hits"/> gives: the matches, at most the cap.</summary>
    public int Count { get; }
    /// <summary>The documents found: <see cref="Total"/>, or the partial matches' count.</summary>
    public int Found => Partial?.Total ?? Total;
    /// <summary>True when the cap left hits out.</summary>
    public bool Truncated => Found > Count;

    /// <summary>The hits in the search's order; read them before disposing the stream.</summary>
    public IEnumerable<SearchHit> Hits
    {
        get
        {
            ObjectDisposedException.ThrowIf(_release is null, this);
            return _hits;
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
