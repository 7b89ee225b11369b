using System.Text.Json.Serialization;

namespace PolicyKB.Search;

/// <summary>A search as the user asked it: the query text, filters (OR within a facet, AND across facets), sort and page.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Sites { get; init; } = [];
    /// <summary>Year facet values ("2023").</summary>
    public IReadOnlyList<string> Years { get; init; } = [];
    /// <summary>Year-month facet values ("2023-10").</summary>
    public IReadOnlyList<string> Months { get; init; } = [];
    /// <summary>效力 states (现行有效, 已废止 …, from <see cref="Status.StatusStates.All"/>).</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];
    /// <summary>CCER methodology codes (CCER-14-001-V01).</summary>
    public IReadOnlyList<string> Methodologies { get; init; } = [];
    /// <summary>Inclusive 发布日期 range.</summary>
    public DateOnly? PublishedFrom { get; init; }
    public DateOnly? PublishedTo { get; init; }
    /// <summary>Inclusive 成文日期 range.</summary>
    public DateOnly? WrittenFrom { get; init; }
    public DateOnly? WrittenTo { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 10;
    public bool WithSnippets { get; init; } = true;
    public bool WithFacets { get; init; } = true;
    /// <summary>Which facets to count when <see cref="WithFacets"/> (names from <see cref="FacetNames"/>); null: all.</summary>
    public IReadOnlyList<string>? CountFacets { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<SearchSort>))]
public enum SearchSort
{
    [JsonStringEnumMemberName("relevance")] Relevance,
    [JsonStringEnumMemberName("newest")] Newest,
    [JsonStringEnumMemberName("oldest")] Oldest,
}
