namespace PolicyKB.Search;

/// <summary>The limits of one search, defined once: <see cref="SearchInput"/> refuses input past them, the search clamps to them.</summary>
public static class SearchLimits
{
    /// <summary>Characters in the query, and in each 在结果中检索 query.</summary>
    public const int MaxQueryLength = 500;
    /// <summary>Hits on one page.</summary>
    public const int MaxPageSize = 100;
    /// <summary>Deepest result reachable by paging (page × size), and the most hits a stream yields.</summary>
    public const int MaxResultDepth = 10_000;
    /// <summary>Values of one filter (issuer=A&amp;issuer=B …), and 在结果中检索 queries.</summary>
    public const int MaxValuesPerFilter = 50;
    /// <summary>Characters in one filter value.</summary>
    public const int MaxValueLength = 200;
}
