using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>
/// The document's own 文号: the page's field (junk before the issuer code trimmed, an unknown shape rejected, each with a
/// warning), else the title (in its trailing parentheses, or an order's number before it: 中华人民共和国环境保护部令（第38号）),
/// else the masthead: a line that is only a 文号 near the top, or a number in the lines before the title. A number the
/// text only cites (《…》（…）, after 根据/按照/依据, …的请示》（…）收悉) is never the document's own.
/// </summary>
internal sealed partial class OwnNumber(IssuerRegistry issuers)
{
    private const int HeadLines = 8;
    private const int MaxCodeLength = 12;

    /// <summary>Left-overs of the labels and mastheads around a 文号 ("…文件" split after 文, "发文字号"), never part of an issuer code.</summary>
    private static readonly string[] JunkLeads = ["发文字号", "文号", "字号", "文件", "件", "号"];

    /// <summary>Words before a number that make it a citation of another document.</summary>
    private static readonly string[] CitingWords = ["根据", "按照", "依据", "依照", "参照", "对照", "见"];

    /// <summary>The field's 文号, cleaned; a warning names the field when junk was trimmed or the value is no 文号.</summary>
    public DocumentNumber? FromField(string? raw, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var number = DocumentNumber.Parse(raw) ?? DocumentNumber.Find(raw);
        if (number is null)
        {
            warnings.Add($"document number: not a 文号, dropped ('{raw}')");
            return null;
        }
        var cleaned = TrimJunk(number);
        if (cleaned is null)
        {
            warnings.Add($"document number: unknown shape, dropped ('{raw}')");
            return null;
        }
        if (cleaned.Normalized != number.Normalized)
            warnings.Add($"document number: junk trimmed ('{raw}' → '{cleaned.Normalized}')");
        return cleaned;
    }

    /// <summary>"中华人民共和国环境保护部令（第38号）放射性物品运输安全监督管理办法" → the title after the order's number, and the number.</summary>
    public static (string Title, DocumentNumber? Number) SplitOrderPrefix(string title)
    {
        var m = OrderPrefix().Match(title);
        if (!m.Success || DocumentNumber.Parse(m.Groups["order"].Value) is not { } n) return (title, null);
        var rest = m.Groups["rest"].Value.Trim();
        return rest.Length == 0 ? (title, null) : (rest, n);
    }

    /// <summary>The masthead's 文号: a near-top line that is only a 文号, else the number closest before the title in the first lines.</summary>
    public DocumentNumber? FromMasthead(IReadOnlyList<string> lines, string title)
    {
        var head = lines.Take(HeadLines).ToList();
        if (head.Select(DocumentNumber.Parse).FirstOrDefault(n => n is not null) is { } alone) return alone;
        var key = Text.Squeeze(title);
        if (key.Length == 0) return null;
        var before = new System.Text.StringBuilder();
        foreach (var line in head)
        {
            var squeezed = Text.Squeeze(line);
            var at = squeezed.IndexOf(key, StringComparison.Ordinal);
            if (at < 0) { before.Append(squeezed).Append('\n'); continue; }
            before.Append(squeezed[..at]);
            return LastOwn(before.ToString());
        }
        return null;
    }

    /// <summary>The last number of the text that is not cited, its letterhead ("…文件", "…办公厅函") trimmed.</summary>
    private DocumentNumber? LastOwn(string text)
    {
        DocumentNumber? last = null;
        var from = 0;
        foreach (var n in DocumentNumber.FindAll(text))
        {
            var start = text.IndexOf(n.Raw, from, StringComparison.Ordinal);
            if (start < 0) continue;
            var end = start + n.Raw.Length;
            from = end;
            if (IsCited(text, start, end)) continue;
            last = TrimJunk(n) ?? last;
        }
        return last;
    }

    private static bool IsCited(string text, int start, int end)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        if (before.EndsWith("》（", StringComparison.Ordinal) || before.EndsWith("》(", StringComparison.Ordinal)) return true;
        var near = before[Math.Max(0, before.Length - 4)..];
        foreach (var w in CitingWords)
            if (near.EndsWith(w, StringComparison.Ordinal)) return true;
        var after = text.AsSpan(end).TrimStart();
        return after.StartsWith("）收悉", StringComparison.Ordinal) || after.StartsWith(")收悉", StringComparison.Ordinal);
    }

    /// <summary>
    /// The number without what stands before its issuer code: a letterhead ("国家核安全局文件国核安发" → 国核安发,
    /// "生态环境部办公厅函环办执法函" → 环办执法函) or label left-overs ("件国核安发"). Null when no code of a known shape is left.
    /// </summary>
    private DocumentNumber? TrimJunk(DocumentNumber n)
    {
        if (n.Year == 0 || n.IssuerCode.EndsWith("公告", StringComparison.Ordinal)) return n;
        var code = n.IssuerCode;
        var letterhead = code.LastIndexOf("文件", StringComparison.Ordinal);
        if (letterhead >= 0) code = code[(letterhead + 2)..];
        for (var i = code.IndexOf('函'); i > 0 && i < code.Length - 1; i = code.IndexOf('函', i + 1))
        {
            if (!EndsWithIssuer(code[..i])) continue;
            code = code[(i + 1)..];
            break;
        }
        for (var trimmed = true; trimmed && code.Length > 0;)
        {
            trimmed = false;
            foreach (var lead in JunkLeads)
            {
                if (!code.StartsWith(lead, StringComparison.Ordinal)) continue;
                code = code[lead.Length..];
                trimmed = true;
                break;
            }
        }
        if (code.Length is 0 or > MaxCodeLength || !CodeShape().IsMatch(code)) return null;
        return code == n.IssuerCode ? n : DocumentNumber.Parse($"{code}〔{n.Year}〕{n.Serial}号");
    }

    private bool EndsWithIssuer(string text)
    {
        for (var start = Math.Max(0, text.Length - 24); start < text.Length - 1; start++)
            if (issuers.IsKnown(text[start..])) return true;
        return false;
    }

    [GeneratedRegex(@"^(?<order>[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}\s]{1,40}?令\s*[（(]?\s*第\s*[0-9０-９]{1,6}\s*号\s*[）)]?)\s*(?<rest>.+)$")]
    private static partial Regex OrderPrefix();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z]+$")]
    private static partial Regex CodeShape();
}
