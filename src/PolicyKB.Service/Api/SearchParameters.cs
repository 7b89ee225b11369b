using Microsoft.AspNetCore.Mvc;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Service.Api;

/// <summary>
/// The query string of /api/search and /api/export, bound as plain strings (binding never fails) and then
/// read by <see cref="SearchInput"/> into a <see cref="SearchRequest"/> or the problems naming each bad parameter.
/// Filters may repeat (issuer=A&amp;issuer=B): OR within a facet, AND across facets.
/// </summary>
internal sealed class SearchParameters
{
    /// <summary>The query (phrases in quotes, AND/OR/NOT, field:value); at most SearchLimits.MaxQueryLength characters.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>在结果中检索: a further query ANDed with q (same language); repeatable.</summary>
    [FromQuery(Name = "within")] public string[]? Within { get; set; }
    /// <summary>发文机关 (canonical name); repeatable.</summary>
    [FromQuery(Name = "issuer")] public string[]? Issuer { get; set; }
    /// <summary>The project's theme; repeatable.</summary>
    [FromQuery(Name = "theme")] public string[]? Theme { get; set; }
    /// <summary>The source's 主题分类; repeatable.</summary>
    [FromQuery(Name = "topic")] public string[]? Topic { get; set; }
    /// <summary>公文种类 (通知, 意见 …); repeatable.</summary>
    [FromQuery(Name = "type")] public string[]? Type { get; set; }
    /// <summary>Site code: govcn, ndrc, mee, other; repeatable.</summary>
    [FromQuery(Name = "site")] public string[]? Site { get; set; }
    /// <summary>Publication year (2023); repeatable.</summary>
    [FromQuery(Name = "year")] public string[]? Year { get; set; }
    /// <summary>Publication month (2023-10); repeatable.</summary>
    [FromQuery(Name = "month")] public string[]? Month { get; set; }
    /// <summary>发布日期 lower bound (2023-10-11, 2023-10 or 2023), inclusive.</summary>
    [FromQuery(Name = "from")] public string? From { get; set; }
    /// <summary>发布日期 upper bound, inclusive.</summary>
    [FromQuery(Name = "to")] public string? To { get; set; }
    /// <summary>成文日期 lower bound, inclusive.</summary>
    [FromQuery(Name = "writtenFrom")] public string? WrittenFrom { get; set; }
    /// <summary>成文日期 upper bound, inclusive.</summary>
    [FromQuery(Name = "writtenTo")] public string? WrittenTo { get; set; }
    /// <summary>效力: 现行有效, 已废止, 已修订, 已失效, 征求意见稿 or 未知; repeatable.</summary>
    [FromQuery(Name = "status")] public string[]? Status { get; set; }
    /// <summary>CCER methodology code (CCER-14-001-V01); repeatable.</summary>
    [FromQuery(Name = "methodology")] public string[]? Methodology { get; set; }
    /// <summary>relevance (default), newest or oldest.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>1-based page number; page × size ≤ SearchLimits.MaxResultDepth.</summary>
    [FromQuery(Name = "page")] public string? Page { get; set; }
    /// <summary>Hits per page, 1 to SearchLimits.MaxPageSize (default 10).</summary>
    [FromQuery(Name = "size")] public string? Size { get; set; }
    /// <summary>Facets to count (issuer,theme,topic,type,site,year,month); empty: none; absent: all.</summary>
    [FromQuery(Name = "facets")] public string? Facets { get; set; }

    /// <summary>Reads the parameters through <see cref="SearchInput"/>: the request, or each bad parameter and what is wrong with it.</summary>
    public Parsed<SearchRequest> Read(bool paged = true) => new SearchInput
    {
        Query = Q, Within = Within, Issuers = Issuer, Themes = Theme, Topics = Topic, Types = Type, Sites = Site,
        Years = Year, Months = Month, Statuses = Status, Methodologies = Methodology,
        PublishedFrom = From, PublishedTo = To, WrittenFrom = WrittenFrom, WrittenTo = WrittenTo,
        Sort = Sort, Page = Page, Size = Size, Facets = Facets,
    }.Validate(paged);
}
