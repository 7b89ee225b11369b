using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>Dates as the sites write them: 2023年10月11日, 2023-10-11, 2023/10/11, 2023-10-11-21:50:00, 二〇二三年十月十一日.</summary>
internal static partial class Dates
{
    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDigits();

    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex Separated();

    [GeneratedRegex(@"(?<y>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?<m>[一二三四五六七八九十]{1,3})\s*月\s*(?<d>[一二三四五六七八九十]{1,3})\s*日")]
    private static partial Regex ChineseNumerals();

    /// <summary>Parses a string that is (or starts with) a date; null when it holds none.</summary>
    public static DateOnly? Parse(string? s) => Find(s);

    /// <summary>The first date anywhere in the text, in any of the supported forms.</summary>
    public static DateOnly? Find(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var text = DocumentNumber.FoldDigits(s);
        var best = (Index: int.MaxValue, Date: (DateOnly?)null);
        foreach (var (regex, numerals) in new[] { (ChineseDigits(), false), (Separated(), false), (ChineseNumerals(), true) })
        {
            foreach (Match m in regex.Matches(text))
            {
                if (m.Index >= best.Index) break;
                var date = numerals ? FromNumerals(m) : FromDigits(m);
                if (date is not null) { best = (m.Index, date); break; }
            }
        }
        return best.Date;
    }

    /// <summary>The last date of the text (a signature's 成文日期 comes after any date cited in the body).</summary>
    public static DateOnly? FindLast(IEnumerable<string> lines)
    {
        DateOnly? last = null;
        foreach (var line in lines) last = Find(line) ?? last;
        return last;
    }

    private static DateOnly? FromDigits(Match m) => Make(
        int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));

    private static DateOnly? FromNumerals(Match m)
    {
        var y = 0;
        foreach (var c in m.Groups["y"].Value) y = y * 10 + Digit(c);
        return Make(y, SmallNumber(m.Groups["m"].Value), SmallNumber(m.Groups["d"].Value));
    }

    private static DateOnly? Make(int y, int m, int d)
        => y is >= 1949 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Digit(char c) => "〇一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c is '零' or '○' or 'Ｏ' ? 0 : -100;

    /// <summary>Chinese numerals 1–99 as months and days use them: 十 = 10, 十一 = 11, 二十 = 20, 三十一 = 31.</summary>
    public static int SmallNumber(string s)
    {
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 ? Digit(s[0]) : -1;
        var tens = ten == 0 ? 1 : Digit(s[0]);
        var units = ten == s.Length - 1 ? 0 : Digit(s[^1]);
        return tens * 10 + units;
    }
}
