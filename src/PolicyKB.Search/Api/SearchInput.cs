using System.Text.RegularExpressions;
using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

/// <summary>
/// A search as typed, every value a raw text (the API's query string, the CLI's options): read once by
/// <see cref="Validate"/> into a <see cref="SearchRequest"/> or the errors, so the same bad input gets the same
/// message in every front. Filters may repeat: OR within a facet, AND across facets.
/// </summary>
public sealed partial record SearchInput
{
    /// <summary>q: the query (phrases in quotes, AND/OR/NOT, field:value).</summary>
    public string? Query { get; init; }
    /// <summary>within: 在结果中检索, further queries ANDed with the query.</summary>
    public IReadOnlyList<string?>? Within { get; init; }
    public IReadOnlyList<string?>? Issuers { get; init; }
    public IReadOnlyList<string?>? Themes { get; init; }
    public IReadOnlyList<string?>? Topics { get; init; }
    public IReadOnlyList<string?>? Types { get; init; }
    /// <summary>Site codes: govcn, ndrc, mee, other (any case).</summary>
    public IReadOnlyList<string?>? Sites { get; init; }
    /// <summary>Years (2023).</summary>
    public IReadOnlyList<string?>? Years { get; init; }
    /// <summary>Months (2023-10).</summary>
    public IReadOnlyList<string?>? Months { get; init; }
    /// <summary>效力 states (<see cref="StatusStates.All"/>).</summary>
    public IReadOnlyList<string?>? Statuses { get; init; }
    public IReadOnlyList<string?>? Methodologies { get; init; }
    /// <summary>发布日期 bounds, inclusive (2023-10-11, 2023-10 or 2023; see <see cref="DateBound"/>).</summary>
    public string? PublishedFrom { get; init; }
    public string? PublishedTo { get; init; }
    /// <summary>成文日期 bounds, inclusive.</summary>
    public string? WrittenFrom { get; init; }
    public string? WrittenTo { get; init; }
    /// <summary>relevance (default), newest or oldest.</summary>
    public string? Sort { get; init; }
    /// <summary>1-based page number (default 1).</summary>
    public string? Page { get; init; }
    /// <summary>Hits per page, 1 to <see cref="SearchLimits.MaxPageSize"/> (default 10).</summary>
    public string? Size { get; init; }
    /// <summary>Facets to count (issuer,theme,year …); empty: none; null: all.</summary>
    public string? Facets { get; init; }

    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")] private static partial Regex MonthPattern();

    /// <summary>
    /// Reads the input. The errors are keyed by the API's parameter name (q, within, issuer … writtenFrom, sort, page,
    /// size, facets), one message in Chinese each. <paramref name="paged"/> false (an export, a brief: every hit is
    /// taken) leaves page × size unlimited.
    /// </summary>
    public Parsed<SearchRequest> Validate(bool paged = true)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fail(string name, string message) => errors[name] = message;

        var query = Query ?? "";
        if (query.Length > SearchLimits.MaxQueryLength) Fail("q", $"查询过长：最多 {SearchLimits.MaxQueryLength} 个字符，这次有 {query.Length} 个。请缩短查询后再试。");
        else if (QueryCheck.RangeError(query) is { } rangeError) Fail("q", rangeError + "。");
        query = WithinResults(query, Fail);

        IReadOnlyList<string> Values(string name, IReadOnlyList<string?>? raw, Func<string, bool>? valid = null, string? expected = null)
        {
            var values = (raw ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > SearchLimits.MaxValuesPerFilter) Fail(name, $"最多允许 {SearchLimits.MaxValuesPerFilter} 个值。");
            else if (values.FirstOrDefault(v => v.Length > SearchLimits.MaxValueLength) is not null) Fail(name, $"有一个值超过了 {SearchLimits.MaxValueLength} 个字符。");
            else if (valid is not null && values.FirstOrDefault(v => !valid(v)) is { } bad) Fail(name, $"“{InvisibleText.Excerpt(bad)}”不是{expected}。");
            return values;
        }

        var sites = Values("site", Sites, v => SiteNames.TryParse(v, out _), "网站代码（govcn、ndrc、mee、other）")
            .Select(v => { _ = SiteNames.TryParse(v, out var s); return s.ToCode(); }).Distinct().ToList();

        var sort = SearchSort.Relevance;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": break;
            case "newest": sort = SearchSort.Newest; break;
            case "oldest": sort = SearchSort.Oldest; break;
            default: Fail("sort", $"“{InvisibleText.Excerpt(Sort)}”不是排序方式（relevance、newest、oldest）。"); break;
        }

        var page = ReadInt("page", Page, 1, 1, int.MaxValue, Fail);
        var size = ReadInt("size", Size, 10, 1, SearchLimits.MaxPageSize, Fail);
        if (paged && !errors.ContainsKey("page") && !errors.ContainsKey("size") && (long)page * size > SearchLimits.MaxResultDepth)
            Fail("page", $"page × size 最多为 {SearchLimits.MaxResultDepth}（这次为 {(long)page * size}），请缩小检索范围，不要继续往后翻页。");

        var from = ReadDate("from", PublishedFrom, upper: false, Fail);
        var to = ReadDate("to", PublishedTo, upper: true, Fail);
        var writtenFrom = ReadDate("writtenFrom", WrittenFrom, upper: false, Fail);
        var writtenTo = ReadDate("writtenTo", WrittenTo, upper: true, Fail);
        if (from > to) Fail("from", $"起始日期 {from:yyyy-MM-dd} 晚于截止日期 {to:yyyy-MM-dd}。");
        if (writtenFrom > writtenTo) Fail("writtenFrom", $"成文日期的起始日期 {writtenFrom:yyyy-MM-dd} 晚于截止日期 {writtenTo:yyyy-MM-dd}。");

        IReadOnlyList<string>? counted = null;
        if (Facets is not null && (counted = FacetNames.ParseList(Facets, out var unknown)) is null)
            Fail("facets", $"“{InvisibleText.Excerpt(unknown)}”不是分面名称（{string.Join("、", FacetNames.All)}）。");

        var request = new SearchRequest
        {
            Query = query.Trim(),
            Issuers = Values("issuer", Issuers),
            Themes = Values("theme", Themes),
            Topics = Values("topic", Topics),
            Types = Values("type", Types),
            Sites = sites,
            Years = Values("year", Years, YearPattern().IsMatch, "年份（如 2023）"),
            Months = Values("month", Months, MonthPattern().IsMatch, "月份（如 2023-10）"),
            Methodologies = Values("methodology", Methodologies),
            Statuses = Values("status", Statuses, StatusStates.All.Contains, $"效力状态（{string.Join("、", StatusStates.All)}）"),
            PublishedFrom = from,
            PublishedTo = to,
            WrittenFrom = writtenFrom,
            WrittenTo = writtenTo,
            Sort = sort,
            Page = page,
            Size = size,
            CountFacets = counted,
        };
        return errors.Count == 0 ? Parsed.Of(request) : Parsed.Fail<SearchRequest>(errors);
    }

    /// <summary>
    /// The query with every within query ANDed on. Each must parse on its own, so joining them cannot pair an OR of one
    /// with a word of the other: the groups of the whole are the groups of the parts.
    /// </summary>
    private string WithinResults(string query, Action<string, string> fail)
    {
        var parts = (Within ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).ToList();
        if (parts.Count > SearchLimits.MaxValuesPerFilter) fail("within", $"在结果中检索最多 {SearchLimits.MaxValuesPerFilter} 次。");
        else if (parts.FirstOrDefault(w => w.Length > SearchLimits.MaxQueryLength) is { } tooLong) fail("within", $"在结果中检索的条件过长：最多 {SearchLimits.MaxQueryLength} 个字符，这次有 {tooLong.Length} 个。");
        else if (parts.Select(QueryCheck.SyntaxError).FirstOrDefault(e => e is not null) is { } bad) fail("within", $"在结果中检索的条件有误：{bad}。");
        return parts.Count == 0 ? query : string.Join(' ', parts.Prepend(query).Where(p => p.Length > 0));
    }

    private static int ReadInt(string name, string? text, int fallback, int min, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        fail(name, max == int.MaxValue
            ? $"“{InvisibleText.Excerpt(text)}”不是不小于 {min} 的整数。"
            : $"“{InvisibleText.Excerpt(text)}”不是 {min} 到 {max.ToString(CultureInfo.InvariantCulture)} 之间的整数。");
        return fallback;
    }

    private static DateOnly? ReadDate(string name, string? text, bool upper, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var date = DateBound.Parse(text, upper);
        if (date.Success) return date.Value;
        fail(name, date.Error!);
        return null;
    }
}
