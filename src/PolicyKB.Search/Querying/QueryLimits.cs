namespace PolicyKB.Search.Querying;

/// <summary>
/// What one query may ask for, so that its work is bounded: every term and negation is a substring query over the
/// recall fields, every thesaurus alternative another, and a fall-back runs the words again. Past a limit the search
/// is refused with <see cref="QueryTooComplexException"/>, whose message names the limit; the fall-back is skipped.
/// </summary>
internal static class QueryLimits
{
    /// <summary>Words and phrases that must (or may, joined by OR) match.</summary>
    public const int MaxTerms = 32;
    /// <summary>Negated terms (-词).</summary>
    public const int MaxExcluded = 32;
    public const int MaxLength = 1_000;
    /// <summary>Substring queries after splitting terms at punctuation and adding thesaurus alternatives, kept and excluded.</summary>
    public const int MaxPieces = 96;
    /// <summary>A query of more words than this gets no fall-back to word matching when nothing matches it whole.</summary>
    public const int MaxFallbackWords = 12;

    /// <exception cref="QueryTooComplexException">the query has too many terms or negations, or is too long</exception>
    public static void Check(ParsedQuery parsed, string text)
    {
        var terms = parsed.Groups.Sum(g => g.Count);
        if (terms > MaxTerms)
            throw new QueryTooComplexException($"查询过于复杂：检索词最多 {MaxTerms} 个，这次有 {terms} 个。请减少检索词后再试。");
        if (parsed.Excluded.Count > MaxExcluded)
            throw new QueryTooComplexException($"查询过于复杂：排除词（-词）最多 {MaxExcluded} 个，这次有 {parsed.Excluded.Count} 个。请减少排除词后再试。");
        if (text.Length > MaxLength)
            throw new QueryTooComplexException($"查询过长：最多 {MaxLength} 个字符，这次有 {text.Length} 个。请缩短查询后再试。");
    }

    internal static QueryTooComplexException TooManyPieces(int pieces) =>
        new($"查询过于复杂：拆分和同义词扩展后的检索片段最多 {MaxPieces} 个，这次有 {pieces} 个以上。请减少检索词或用引号括起短语后再试。");
}
