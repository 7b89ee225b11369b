namespace PolicyKB.Search;

/// <summary>A query past one of <see cref="Querying.QueryLimits"/>: bad input, with a message for the user (in Chinese) naming the limit.</summary>
public sealed class QueryTooComplexException(string message) : ArgumentException(message);
