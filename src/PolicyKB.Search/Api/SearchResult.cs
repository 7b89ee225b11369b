namespace PolicyKB.Search;

/// <summary>The answer to a <see cref="SearchRequest"/>; serialised as is by `policykb search --json` and GET /api/search.</summary>
public sealed record SearchResult
{
    /// <summary>How many documents match the query as typed: 0 when only <see cref="Partial"/> matches are shown.</summary>
    public int Total { get; init; }
    /// <summary>Set when nothing matches the query as typed and the hits are documents holding some of its words instead.</summary>
    public PartialMatches? Partial { get; init; }
    public string Query { get; init; } = "";
    /// <summary>Messages for the user: a query re-read literally after a syntax error, a fall-back to word matching (没有完全匹配…), …</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Thesaurus expansions that were applied, e.g. "发改委 → 国家发展改革委 / 国家发展和改革委员会".</summary>
    public IReadOnlyList<string> Expansions { get; init; } = [];
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    /// <summary>Facet name (issuer, theme, topic, type, site, year, month) → values with drill-sideways counts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
    public double TookMs { get; init; }
}

public sealed record SearchHit
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public string? DocumentNumber { get; init; }
    public string? DocumentType { get; init; }
    public DateOnly? WrittenDate { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string Site { get; init; } = "other";
    public string? Url { get; init; }
    public float Score { get; init; }
    /// <summary>HTML-escaped passages with matches wrapped in &lt;mark&gt;…&lt;/mark&gt;.</summary>
    public IReadOnlyList<string> Snippets { get; init; } = [];
    /// <summary>The title, HTML-escaped, with matches marked.</summary>
    public string? TitleHighlighted { get; init; }
    /// <summary>For a document made from an attachment file: the notice it belongs to, when that notice is in the index.</summary>
    public RelatedDocument? Parent { get; init; }
    /// <summary>效力 as the index holds it today (the value the 效力 facet counts); null for an index written without it.</summary>
    public string? Status { get; init; }
}

public sealed record FacetValue(string Value, int Count)
{
    /// <summary>For a value in a hierarchy (发文机关): the nearest value above it among the facet's values, or null at the top.</summary>
    public string? Parent { get; init; }
}

/// <summary>
/// The fall-back's hits, apart from the total: <see cref="Label"/> says how they match (包含全部词语 when every word
/// is there but not together as typed, 包含任一词语 when only some are), <see cref="Total"/> how many do.
/// </summary>
public sealed record PartialMatches(string Label, int Total, IReadOnlyList<string> Words)
{
    public const string AllWords = "包含全部词语";
    public const string AnyWord = "包含任一词语";
}

/// <summary>The facet names, as used in requests, results and the API.</summary>
public static class FacetNames
{
    public const string Issuer = "issuer";
    public const string Theme = "theme";
    public const string Topic = "topic";
    public const string Type = "type";
    public const string Site = "site";
    public const string Year = "year";
    public const string Month = "month";
    /// <summary>效力: 现行有效, 已废止 … (<see cref="Status.StatusStates"/>), as the texts in the index say.</summary>
    public const string Status = "status";
    public static readonly IReadOnlyList<string> All = [Issuer, Theme, Topic, Type, Site, Year, Month, Status];

    /// <summary>
    /// The facets a request asks to count, as typed (issuer,theme,year; commas or spaces, any case): the names, none for
    /// an empty text; null with the first name that is no facet in <paramref name="unknown"/>.
    /// </summary>
    public static IReadOnlyList<string>? ParseList(string text, out string? unknown)
    {
        var names = text.Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        unknown = names.FirstOrDefault(n => !All.Contains(n));
        return unknown is null ? names : null;
    }
}

/// <summary>Documents related to one document.</summary>
public sealed record RelatedDocuments(
    IReadOnlyList<RelatedDocument> Cites,
    IReadOnlyList<RelatedDocument> CitedBy,
    IReadOnlyList<RelatedDocument> Similar)
{
    /// <summary>For an attachment document: the notice it belongs to.</summary>
    public RelatedDocument? Parent { get; init; }
    /// <summary>For a notice: the documents made from its attachment files.</summary>
    public IReadOnlyList<RelatedDocument> Attachments { get; init; } = [];
    /// <summary>Other documents with the same 文号 whose texts differ (同文号): kept apart, shown to each other.</summary>
    public IReadOnlyList<RelatedDocument> SameNumber { get; init; } = [];
}

public sealed record RelatedDocument(string Id, string Title, string? DocumentNumber, DateOnly? PublishedDate);
