using PolicyKB.Search.Querying;

namespace PolicyKB.Search;

/// <summary>What the query language makes of a text before it is searched, for callers that refuse bad input up front.</summary>
public static class QueryCheck
{
    /// <summary>The message naming a date range that cannot be read (written:2023..2021), else null.</summary>
    public static string? RangeError(string? query) => QuerySyntax.Parse(query).RangeError;

    /// <summary>The message naming why the text was re-read literally (an unclosed quote, a dangling OR), else null.</summary>
    public static string? SyntaxError(string? query) => QuerySyntax.Parse(query).SyntaxError;
}
