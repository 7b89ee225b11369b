using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicyKB.Model;

/// <summary>
/// A 文号 such as 发改能源〔2026〕884号: the issuer code (发改能源), the year and the serial.
/// Brackets 〔〕 [] ［］ () （） 【】 and full-width digits all normalise to 〔〕 and ASCII digits.
/// Orders (生态环境部 市场监管总局令 第31号 or …令（第31号） → 生态环境部 市场监管总局令第31号, year 0: orders are numbered
/// without one) and announcements (公告2023年 第29号 → 公告2023年第29号) are numbers too.
/// Serialised as its normalised string.
/// </summary>
[JsonConverter(typeof(DocumentNumberJsonConverter))]
public sealed partial record DocumentNumber(string Raw, string Normalized, string IssuerCode, int Year, int Serial)
{
    [GeneratedRegex(@"^\s*(?<code>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}?)\s*[〔\[［(（【{｛]\s*(?<year>\d{4})\s*[〕\]］)）】}｝]\s*(?<serial>\d{1,6})\s*号\s*$")]
    private static partial Regex FullPattern();

    [GeneratedRegex(@"^\s*(?<code>[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}\s]{0,40}?令)\s*[（(]?\s*第\s*(?<serial>\d{1,6})\s*号\s*[）)]?\s*$")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"^\s*(?<code>[\p{IsCJKUnifiedIdeographs}]{0,20}公告)\s*(?<year>(19|20)\d{2})\s*年\s*第\s*(?<serial>\d{1,6})\s*号\s*$")]
    private static partial Regex AnnouncementPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The bracketed year, serial and 号 of a number in running text; the issuer code is read backwards from it.</summary>
    [GeneratedRegex(@"[〔\[［(（【{｛]\s*(?<year>(19|20)\d{2})\s*[〕\]］)）】}｝]\s*(?<serial>\d{1,6})\s*号")]
    private static partial Regex TailPattern();

    /// <summary>Words that stand before a 文号 in running text and are never part of an issuer code.</summary>
    private static readonly string[] LeadWords = ["根据", "按照", "依据", "依照", "参照", "对照", "执行", "落实", "贯彻", "现将", "印发", "转发", "废止", "修订", "见", "和", "及", "与", "同"];

    private const int MaxCodeLength = 20;

    /// <summary>Parses a whole string as a 文号; null when it is not one (NodaTime style: no exception for bad input).</summary>
    public static DocumentNumber? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var folded = FoldDigits(raw);
        var m = FullPattern().Match(folded);
        if (m.Success) return FromMatch(raw.Trim(), m);
        if (OrderPattern().Match(folded) is { Success: true } order)
        {
            var code = Spaces().Replace(order.Groups["code"].Value.Trim(), " ");
            var serial = int.Parse(order.Groups["serial"].Value, CultureInfo.InvariantCulture);
            return new DocumentNumber(raw.Trim(), $"{code}第{serial}号", code, 0, serial);
        }
        if (AnnouncementPattern().Match(folded) is { Success: true } announcement)
        {
            var code = announcement.Groups["code"].Value;
            var year = int.Parse(announcement.Groups["year"].Value, CultureInfo.InvariantCulture);
            var serial = int.Parse(announcement.Groups["serial"].Value, CultureInfo.InvariantCulture);
            return new DocumentNumber(raw.Trim(), $"{code}{year}年第{serial}号", code, year, serial);
        }
        return null;
    }

    /// <summary>Finds the first 文号 inside running text (a title's parentheses, a body line).</summary>
    public static DocumentNumber? Find(string? text) => FindAll(text).FirstOrDefault();

    /// <summary>
    /// Every 文号 in running text, in order (used to find the documents a body cites). The regex anchors on the
    /// bracketed year, which is rare, so long bodies are scanned in linear time; the code is the run of Han
    /// characters before the bracket, less any leading word such as 根据 that introduces the number.
    /// </summary>
    public static IEnumerable<DocumentNumber> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var folded = FoldDigits(text);
        foreach (Match m in TailPattern().Matches(folded))
        {
            var end = m.Index;
            while (end > 0 && char.IsWhiteSpace(folded[end - 1])) end--;
            var start = end;
            while (start > 0 && end - start < MaxCodeLength && IsHan(folded[start - 1])) start--;
            var code = folded[start..end];
            foreach (var word in LeadWords)
                if (code.Length > word.Length && code.StartsWith(word, StringComparison.Ordinal)) { code = code[word.Length..]; start += word.Length; break; }
            if (code.Length == 0) continue;
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
            yield return new DocumentNumber(text.Substring(start, m.Index + m.Length - start), $"{code}〔{year}〕{serial}号", code, year, serial);
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static DocumentNumber FromMatch(string raw, Match m)
    {
        var code = m.Groups["code"].Value;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
        return new DocumentNumber(raw, $"{code}〔{year}〕{serial}号", code, year, serial);
    }

    /// <summary>Full-width digits (０-９) to ASCII, keeping every other character (and so every offset) in place.</summary>
    public static string FoldDigits(string s)
    {
        if (!s.Any(c => c is >= '０' and <= '９')) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
        return sb.ToString();
    }

    public override string ToString() => Normalized;
}

public sealed class DocumentNumberJsonConverter : JsonConverter<DocumentNumber>
{
    public override DocumentNumber? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : DocumentNumber.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, DocumentNumber value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Normalized);
}
