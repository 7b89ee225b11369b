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

    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")] private static partial Regex MonthPattern();

    /// <summary>Reads the parameters; <paramref name="problems"/> maps each bad parameter to what is wrong with it.</summary>
    public SearchRequest? ToRequest(out Dictionary<string, string[]> problems, bool paged = true)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string name, string message) => errors[name] = [message];

        var query = Q ?? "";
        if (query.Length > MaxQueryLength) Fail("q", $"查询过长：最多 {MaxQueryLength} 个字符，这次有 {query.Length} 个。请缩短查询后再试。");

        IReadOnlyList<string> Values(string name, string[]? raw, Func<string, bool>? valid = null, string? expected = null)
        {
            var values = (raw ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > MaxValuesPerFilter) Fail(name, $"At most {MaxValuesPerFilter} values are allowed.");
            else if (values.FirstOrDefault(v => v.Length > MaxValueLength) is not null) Fail(name, $"A value is longer than {MaxValueLength} characters.");
            else if (valid is not null && values.FirstOrDefault(v => !valid(v)) is { } bad) Fail(name, $"'{Shorten(bad)}' is not {expected}.");
            return values;
        }

        var sites = Values("site", Site, v => SiteNames.TryParse(v, out _), "a site (govcn, ndrc, mee, other)")
            .Select(v => { SiteNames.TryParse(v, out var s); return s.ToCode(); }).Distinct().ToList();

        var sort = SearchSort.Relevance;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": break;
            case "newest": sort = SearchSort.Newest; break;
            case "oldest": sort = SearchSort.Oldest; break;
            default: Fail("sort", $"'{Shorten(Sort)}' is not a sort order (relevance, newest, oldest)."); break;
        }

        var page = ReadInt("page", Page, 1, 1, int.MaxValue, Fail);
        var size = ReadInt("size", Size, 10, 1, MaxSize, Fail);
        if (paged && !errors.ContainsKey("page") && !errors.ContainsKey("size") && (long)page * size > MaxWindow)
            Fail("page", $"page × size must be at most {MaxWindow} (here {(long)page * size}); narrow the search instead of paging deeper.");

        var from = ReadDate("from", From, upper: false, Fail);
        var to = ReadDate("to", To, upper: true, Fail);
        var writtenFrom = ReadDate("writtenFrom", WrittenFrom, upper: false, Fail);
        var writtenTo = ReadDate("writtenTo", WrittenTo, upper: true, Fail);
        if (from > to) Fail("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        if (writtenFrom > writtenTo) Fail("writtenFrom", $"writtenFrom ({writtenFrom:yyyy-MM-dd}) is after writtenTo ({writtenTo:yyyy-MM-dd}).");

        var request = new SearchRequest
        {
            Query = query.Trim(),
            Issuers = Values("issuer", Issuer),
            Themes = Values("theme", Theme),
            Topics = Values("topic", Topic),
            Types = Values("type", Type),
            Sites = sites,
            Years = Values("year", Year, YearPattern().IsMatch, "a year (2023)"),
            Months = Values("month", Month, MonthPattern().IsMatch, "a month (2023-10)"),
            Methodologies = Values("methodology", Methodology),
            Statuses = Values("status", Status, StatusStates.All.Contains, $"a status ({string.Join("、", StatusStates.All)})"),
            PublishedFrom = from,
            PublishedTo = to,
            WrittenFrom = writtenFrom,
            WrittenTo = writtenTo,
            Sort = sort,
            Page = page,
            Size = size,
        };
        problems = errors;
        return errors.Count == 0 ? request : null;
    }

    private static int ReadInt(string name, string? text, int fallback, int min, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        fail(name, $"'{Shorten(text)}' is not a whole number from {min} to {(max == int.MaxValue ? "∞" : max.ToString(CultureInfo.InvariantCulture))}.");
        return fallback;
    }

    private static DateOnly? ReadDate(string name, string? text, bool upper, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateBound.TryParse(text, upper, out var date)) return date;
        fail(name, $"'{Shorten(text)}' is not a date (2023-10-11, 2023-10 or 2023).");
        return null;
    }

    /// <summary>Echoes at most a short prefix of bad input back to the caller, without bidi or zero-width controls.</summary>
    internal static string Shorten(string? s) => s is null ? "" : SafeOutput.Text(s.Length <= 40 ? s : s[..40] + "…");
}
