using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Status;

namespace PolicyKB.Service.Api;

/// <summary>
/// The query string of /api/search and /api/export, bound as plain strings (binding never fails) and then
/// read into a <see cref="SearchRequest"/> or a list of problems naming each bad parameter.
/// Filters may repeat (issuer=A&amp;issuer=B): OR within a facet, AND across facets.
/// </summary>
public sealed partial class SearchParameters
{
    public const int MaxQueryLength = 500;
    public const int MaxSize = 100;
    public const int MaxWindow = 10_000;
    public const int MaxValuesPerFilter = 50;
    public const int MaxValueLength = 200;

    /// <summary>The query (phrases in quotes, AND/OR/NOT, field:value); at most 500 characters.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>在结果中检索: a further query ANDed with q (same language); repeatable, at most 500 characters each.</summary>
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
    /// <summary>1-based page number; page × size ≤ 10,000.</summary>
    [FromQuery(Name = "page")] public string? Page { get; set; }
    /// <summary>Hits per page, 1–100 (default 10).</summary>
    [FromQuery(Name = "size")] public string? Size { get; set; }
    /// <summary>Facets to count (issuer,theme,topic,type,site,year,month); empty: none; absent: all.</summary>
    [FromQuery(Name = "facets")] public string? Facets { get; set; }

    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")] private static partial Regex MonthPattern();

    /// <summary>Reads the parameters; <paramref name="problems"/> maps each bad parameter to what is wrong with it.</summary>
    public SearchRequest? ToRequest(out Dictionary<string, string[]> problems, bool paged = true)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string name, string message) => errors[name] = [message];

        var query = Q ?? "";
        if (query.Length > MaxQueryLength) Fail("q", $"查询过长：最多 {MaxQueryLength} 个字符，这次有 {query.Length} 个。请缩短查询后再试。");
        else if (QueryCheck.RangeError(query) is { } rangeError) Fail("q", rangeError + "。");
        query = WithinResults(query, Fail);

        IReadOnlyList<string> Values(string name, string[]? raw, Func<string, bool>? valid = null, string? expected = null)
        {
            var values = (raw ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > MaxValuesPerFilter) Fail(name, $"最多允许 {MaxValuesPerFilter} 个值。");
            else if (values.FirstOrDefault(v => v.Length > MaxValueLength) is not null) Fail(name, $"有一个值超过了 {MaxValueLength} 个字符。");
            else if (valid is not null && values.FirstOrDefault(v => !valid(v)) is { } bad) Fail(name, $"“{Shorten(bad)}”不是{expected}。");
            return values;
        }

        var sites = Values("site", Site, v => SiteNames.TryParse(v, out _), "网站代码（govcn、ndrc、mee、other）")
            .Select(v => { _ = SiteNames.TryParse(v, out var s); return s.ToCode(); }).Distinct().ToList();

        var sort = SearchSort.Relevance;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": break;
            case "newest": sort = SearchSort.Newest; break;
            case "oldest": sort = SearchSort.Oldest; break;
            default: Fail("sort", $"“{Shorten(Sort)}”不是排序方式（relevance、newest、oldest）。"); break;
        }

        var page = ReadInt("page", Page, 1, 1, int.MaxValue, Fail);
        var size = ReadInt("size", Size, 10, 1, MaxSize, Fail);
        if (paged && !errors.ContainsKey("page") && !errors.ContainsKey("size") && (long)page * size > MaxWindow)
            Fail("page", $"page × size 最多为 {MaxWindow}（这次为 {(long)page * size}），请缩小检索范围，不要继续往后翻页。");

        var from = ReadDate("from", From, upper: false, Fail);
        var to = ReadDate("to", To, upper: true, Fail);
        var writtenFrom = ReadDate("writtenFrom", WrittenFrom, upper: false, Fail);
        var writtenTo = ReadDate("writtenTo", WrittenTo, upper: true, Fail);
        if (from > to) Fail("from", $"起始日期 {from:yyyy-MM-dd} 晚于截止日期 {to:yyyy-MM-dd}。");
        if (writtenFrom > writtenTo) Fail("writtenFrom", $"成文日期的起始日期 {writtenFrom:yyyy-MM-dd} 晚于截止日期 {writtenTo:yyyy-MM-dd}。");

        IReadOnlyList<string>? counted = null;
        if (Facets is not null && (counted = FacetNames.ParseList(Facets, out var unknown)) is null)
            Fail("facets", $"“{Shorten(unknown)}”不是分面名称（{string.Join("、", FacetNames.All)}）。");

        var request = new SearchRequest
        {
            Query = query.Trim(),
            Issuers = Values("issuer", Issuer),
            Themes = Values("theme", Theme),
            Topics = Values("topic", Topic),
            Types = Values("type", Type),
            Sites = sites,
            Years = Values("year", Year, YearPattern().IsMatch, "年份（如 2023）"),
            Months = Values("month", Month, MonthPattern().IsMatch, "月份（如 2023-10）"),
            Methodologies = Values("methodology", Methodology),
            Statuses = Values("status", Status, StatusStates.All.Contains, $"效力状态（{string.Join("、", StatusStates.All)}）"),
            PublishedFrom = from,
            PublishedTo = to,
            WrittenFrom = writtenFrom,
            WrittenTo = writtenTo,
            Sort = sort,
            Page = page,
            Size = size,
            CountFacets = counted,
        };
        problems = errors;
        return errors.Count == 0 ? request : null;
    }

    /// <summary>
    /// q with every within query ANDed on. Each must parse on its own, so joining them cannot pair an OR of one with a
    /// word of the other: the groups of the whole are the groups of the parts.
    /// </summary>
    private string WithinResults(string query, Action<string, string> fail)
    {
        var parts = (Within ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
        if (parts.Count > MaxValuesPerFilter) fail("within", $"在结果中检索最多 {MaxValuesPerFilter} 次。");
        else if (parts.FirstOrDefault(w => w.Length > MaxQueryLength) is { } tooLong) fail("within", $"在结果中检索的条件过长：最多 {MaxQueryLength} 个字符，这次有 {tooLong.Length} 个。");
        else if (parts.Select(QueryCheck.SyntaxError).FirstOrDefault(e => e is not null) is { } bad) fail("within", $"在结果中检索的条件有误：{bad}。");
        return parts.Count == 0 ? query : string.Join(' ', parts.Prepend(query).Where(p => p.Length > 0));
    }

    private static int ReadInt(string name, string? text, int fallback, int min, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        fail(name, max == int.MaxValue
            ? $"“{Shorten(text)}”不是不小于 {min} 的整数。"
            : $"“{Shorten(text)}”不是 {min} 到 {max.ToString(CultureInfo.InvariantCulture)} 之间的整数。");
        return fallback;
    }

    private static DateOnly? ReadDate(string name, string? text, bool upper, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateBound.TryParse(text, upper, out var date)) return date;
        fail(name, $"“{Shorten(text)}”不是日期（如 2023-10-11、2023-10 或 2023）。");
        return null;
    }

    /// <summary>Echoes at most a short prefix of bad input back to the caller, without bidi or zero-width controls.</summary>
    internal static string Shorten(string? s) => s is null ? "" : SafeOutput.Text(s.Length <= 40 ? s : s[..40] + "…");
}
