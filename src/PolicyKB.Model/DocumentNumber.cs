using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicyKB.Model;

/// <summary>
/// A 文号 such as 发改能源〔2026〕884号: the issuer code (发改能源), the year and the serial.
/// Brackets 〔〕 [] ［］ () （） 【】 and full-width digits all normalise to 〔〕 and ASCII digits.
/// Serialised as its normalised string.
/// </summary>
[JsonConverter(typeof(DocumentNumberJsonConverter))]
public sealed partial record DocumentNumber(string Raw, string Normalized, string IssuerCode, int Year, int Serial)
{
    [GeneratedRegex(@"^\s*(?<code>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}?)\s*[〔\[［(（【{｛]\s*(?<year>\d{4})\s*[〕\]］)）】}｝]\s*(?<serial>\d{1,6})\s*号\s*$")]
    private static partial Regex FullPattern();

    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{1,20}?)\s*[〔\[［(（【{｛]\s*(?<year>(19|20)\d{2})\s*[〕\]］)）】}｝]\s*(?<serial>\d{1,6})\s*号")]
    private static partial Regex InTextPattern();

    /// <summary>Parses a whole string as a 文号; null when it is not one (NodaTime style: no exception for bad input).</summary>
    public static DocumentNumber? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var folded = FoldDigits(raw);
        var m = FullPattern().Match(folded);
        return m.Success ? FromMatch(raw.Trim(), m) : null;
    }

    /// <summary>Finds the first 文号 inside running text (a title's parentheses, a body line).</summary>
    public static DocumentNumber? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var folded = FoldDigits(text);
        var m = InTextPattern().Match(folded);
        return m.Success ? FromMatch(text.Substring(m.Index, m.Length), m) : null;
    }

    /// <summary>Every 文号 in running text, in order (used to find the documents a body cites).</summary>
    public static IEnumerable<DocumentNumber> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var folded = FoldDigits(text);
        foreach (Match m in InTextPattern().Matches(folded))
            yield return FromMatch(text.Substring(m.Index, m.Length), m);
    }

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
