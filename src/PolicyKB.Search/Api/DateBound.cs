using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Search;

/// <summary>
/// Reads a date bound typed by a user (CLI --from/--to, API from/to): 2023-10-11, 2023/10/11, 2023年10月11日,
/// a month (2023-10, 2023年10月) or a year (2023). A month or year is widened to its first day for a lower
/// bound and its last day for an upper bound, so --from 2023-10 --to 2023-10 means all of October.
/// </summary>
public static partial class DateBound
{
    [GeneratedRegex(@"^\s*(?<y>\d{4})(?:\s*[-/.年]\s*(?<m>\d{1,2})(?:\s*[-/.月]\s*(?<d>\d{1,2})\s*日?)?\s*月?)?\s*年?\s*$")]
    private static partial Regex Pattern();

    /// <summary>The bound, or "“text”不是日期（如 2023-10-11、2023-10 或 2023）。"</summary>
    public static Parsed<DateOnly> Parse(string? text, bool upper) => TryParse(text, upper, out var date)
        ? Parsed.Of(date)
        : Parsed.Fail<DateOnly>($"“{InvisibleText.Excerpt(text)}”不是日期（如 2023-10-11、2023-10 或 2023）。");

    private static bool TryParse(string? text, bool upper, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2999) return false;
        if (!m.Groups["m"].Success)
        {
            date = upper ? new DateOnly(y, 12, 31) : new DateOnly(y, 1, 1);
            return true;
        }
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12) return false;
        if (!m.Groups["d"].Success)
        {
            date = upper ? new DateOnly(y, mo, DateTime.DaysInMonth(y, mo)) : new DateOnly(y, mo, 1);
            return true;
        }
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }
}
