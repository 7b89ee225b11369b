using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>The signature block of a body: the issuer names (one a line, spaced out, or run together) and the 成文日期 after them.</summary>
internal sealed record Signature(IReadOnlyList<string> IssuerLines, DateOnly? Date);

/// <summary>
/// Finds the signature. Real bodies put it on lines of its own (issuers, then the date) or, once line breaks are lost,
/// run it into the text around it: "…附件：清单生态环境部办公厅2021年12月21日（此件社会公开）抄送：…". The date before
/// （此件社会公开） is the signature's wherever it stands; otherwise the last date that ends its line (or what follows a signature, below)
/// and follows issuer names, a signer (部长 黄润秋) or nothing. A date followed by 印发 is the printing office's, never the 成文日期.
/// A signature may stand in the middle of the text: before 抄送, the attachments or the document a covering notice forwards.
/// </summary>
internal static partial class Signatures
{
    private const int MaxIssuerLines = 10;
    private const int MaxIssuerLineLength = 30;
    private const int MaxNameLength = 24;
    private const int MaxSignatureLength = MaxIssuerLines * MaxNameLength;

    public static Signature Find(IReadOnlyList<string> lines, IssuerRegistry issuers)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!lines[i].Contains("此件", StringComparison.Ordinal)) continue;
            if (FindInLine(lines, i, issuers, marked: true) is { } s) return s;
        }
        for (var i = lines.Count - 1; i >= 0; i--)
            if (FindInLine(lines, i, issuers, marked: false) is { } s) return s;
        return new Signature([], null);
    }

    private static Signature? FindInLine(IReadOnlyList<string> lines, int i, IssuerRegistry issuers, bool marked)
    {
        var line = DocumentNumber.FoldDigits(lines[i]);
        if (!marked && DateOnlyLine().IsMatch(Text.Squeeze(line))) return new Signature(IssuerLinesAbove(lines, i, issuers), Dates.Find(line));
        var matches = SignatureDate().Matches(line);
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var m = matches[k];
            // Spans and bounded slices only: a line of many dates (a flattened table) must stay linear.
            var rest = line.AsSpan(m.Index + m.Length).TrimStart();
            var followsWell = marked ? PublicityNote().IsMatch(rest) : rest.IsEmpty || AfterSignature().IsMatch(rest);
            if (!followsWell || Dates.Find(m.Value) is not { } date) continue;
            if (line.AsSpan(0, m.Index).IsWhiteSpace()) return new Signature(IssuerLinesAbove(lines, i, issuers), date);
            var prefix = line[Math.Max(0, m.Index - MaxSignatureLength)..m.Index].Trim();
            var names = NamesBefore(prefix, issuers);
            if (names.Count > 0 || Signer().IsMatch(prefix)) return new Signature(names, date);
        }
        return null;
    }

    private static List<string> IssuerLinesAbove(IReadOnlyList<string> lines, int i, IssuerRegistry issuers)
    {
        var names = new List<string>();
        for (var j = i - 1; j >= 0 && names.Count < MaxIssuerLines && IsIssuerLine(lines[j], issuers); j--)
            names.Insert(0, lines[j]);
        return names;
    }

    /// <summary>
    /// The issuer names at the end of the text before a date, read backwards: known names run together
    /// ("清单生态环境部办公厅" → 生态环境部办公厅), or one organisation-shaped word standing alone between spaces.
    /// </summary>
    private static List<string> NamesBefore(string prefix, IssuerRegistry issuers)
    {
        var names = new List<string>();
        var tokens = JoinSpacedOut(prefix.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries));
        for (var t = tokens.Length - 1; t >= 0 && names.Count < MaxIssuerLines; t--)
        {
            var remainder = tokens[t];
            var taken = 0;
            while (remainder.Length > 0)
            {
                var (known, rest) = KnownSuffixes(remainder, issuers);
                names.InsertRange(0, known);
                taken += known.Count;
                remainder = rest;
                if (remainder.Length == 0 || Department(remainder, issuers) is not { } department) break;
                names.Insert(0, department);
                taken++;
                remainder = remainder[..^department.Length];
            }
            if (remainder.Length == 0) continue;
            if (taken == 0 && remainder.Length <= MaxIssuerLineLength && OrganisationName().IsMatch(remainder)) { names.Insert(0, remainder); continue; }
            break;
        }
        return names;
    }

    /// <summary>Runs of single characters are one spaced-out name: "国 务 院" → 国务院.</summary>
    private static string[] JoinSpacedOut(string[] tokens)
    {
        var joined = new List<string>();
        var previousSingle = false;
        foreach (var t in tokens)
        {
            var single = t.Length == 1;
            if (single && previousSingle) joined[^1] += t;
            else joined.Add(t);
            previousSingle = single;
        }
        return [.. joined];
    }

    /// <summary>Known issuer names at the end of a word, longest first: "问题清单生态环境部办公厅" → [生态环境部办公厅] and "问题清单".</summary>
    private static (List<string> Names, string Remainder) KnownSuffixes(string token, IssuerRegistry issuers)
    {
        var names = new List<string>();
        var end = token.Length;
        while (end > 1)
        {
            var found = -1;
            for (var start = Math.Max(0, end - MaxNameLength); start < end - 1; start++)
                if (issuers.IsKnown(token[start..end])) { found = start; break; }
            if (found < 0) break;
            names.Insert(0, token[found..end]);
            end = found;
        }
        return (names, token[..end]);
    }

    /// <summary>A department of a known issuer at the end of the text: "…模板生态环境部自然生态保护司" → 生态环境部自然生态保护司.</summary>
    private static string? Department(string text, IssuerRegistry issuers)
    {
        // The known name closest to the end: "生态环境部办公厅中央文明办秘书局" ends with 中央文明办秘书局.
        for (var start = text.Length - 3; start >= Math.Max(0, text.Length - MaxIssuerLineLength); start--)
        {
            for (var end = Math.Min(text.Length - 2, start + MaxNameLength); end > start + 1; end--)
            {
                if (!issuers.IsKnown(text[start..end])) continue;
                if (DepartmentName().IsMatch(text[end..])) return text[start..];
                break;
            }
        }
        return null;
    }

    /// <summary>A line naming only issuers: every name known, or an organisation-shaped name with no punctuation.</summary>
    public static bool IsIssuerLine(string line, IssuerRegistry issuers)
    {
        var squeezed = Text.Squeeze(line);
        if (squeezed.Length is 0 or > MaxIssuerLineLength || Punctuation().IsMatch(squeezed)) return false;
        return issuers.Split(line).All(n => issuers.IsKnown(n) || OrganisationName().IsMatch(n));
    }

    [GeneratedRegex(@"^([〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"((19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)")]
    private static partial Regex SignatureDate();

    /// <summary>（此件社会公开）, (此件主动公开) …: the note right after a signature.</summary>
    [GeneratedRegex(@"^[（(]\s*此件")]
    private static partial Regex PublicityNote();

    /// <summary>
    /// What follows a signature when line breaks are lost: a short note in parentheses (（此件公开发布）, （本文有删减）),
    /// the copy-to list (抄送), the attachments (附件), or the title of the document a covering notice forwards (关于…).
    /// </summary>
    [GeneratedRegex(@"^([（(][^（）()]{1,15}[）)]|抄送|附件|关于)")]
    private static partial Regex AfterSignature();

    /// <summary>An order is signed by the minister: "部长 黄润秋".</summary>
    [GeneratedRegex(@"^(部长|局长|主任|署长|总理|主席|行长|会长|委员长|代部长|代局长)\s*[\p{IsCJKUnifiedIdeographs}]{2,4}$")]
    private static partial Regex Signer();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,16}(司|局|办|办公室|中心|所|院)$")]
    private static partial Regex DepartmentName();

    [GeneratedRegex(@"[。，,；;：:！？!?（）()《》“”""]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,}(局|厅|部|委|委员会|院|办公室|办公厅|政府|中心|所|银行|行|会|署|办|司)$")]
    private static partial Regex OrganisationName();
}
