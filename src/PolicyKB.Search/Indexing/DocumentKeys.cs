using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Indexing;

/// <summary>
/// Normalised keys that identify a document across sites: its title (letters and digits only, any 文号 in
/// parentheses dropped), its 文号, and a fingerprint of its body. Reposts and citations are found by them.
/// </summary>
internal static partial class DocumentKeys
{
    [GeneratedRegex(@"《(?<t>[^《》]{4,120})》")]
    private static partial Regex CitedTitle();

    [GeneratedRegex(@"[（(〔\[［【][^（）()]*?\d{4}[^（）()]*?号\s*[）)\]］】]\s*$")]
    private static partial Regex TrailingDocNo();

    /// <summary>Body shorter than this (letters and digits) is too little to call two documents identical.</summary>
    private const int MinFingerprintLength = 50;

    public static IdentityKeys IdentityOf(PolicyDocument d) => new(RepostKey(d), BodyFingerprint(d));

    public static string TitleKey(string title)
    {
        var t = TrailingDocNo().Replace(title.Trim(), "");
        return LettersAndDigits(t);
    }

    public static string? DocNoKey(DocumentNumber? number) => number?.Normalized;

    public static string? RepostKey(PolicyDocument d)
    {
        var no = DocNoKey(d.DocumentNumber);
        return no is null ? null : no + "|" + TitleKey(d.Title);
    }

    public static string? BodyFingerprint(PolicyDocument d)
    {
        var text = LettersAndDigits(d.BodyText);
        return text.Length < MinFingerprintLength ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Title keys of the documents a text cites as 《title》.</summary>
    public static IEnumerable<string> CitedTitleKeys(string text) =>
        CitedTitle().Matches(text).Select(m => TitleKey(m.Groups["t"].Value)).Where(k => k.Length > 0).Distinct();

    /// <summary>Where a text names a title in 《》: the title's offset and length (brackets left out) and its key.</summary>
    public static IEnumerable<(int Start, int Length, string Key)> TitleCitations(string text) =>
        CitedTitle().Matches(text).Select(m => (m.Groups["t"].Index, m.Groups["t"].Length, TitleKey(m.Groups["t"].Value))).Where(c => c.Item3.Length > 0);

    /// <summary>Normalised 文号 a text cites.</summary>
    public static IEnumerable<string> CitedDocNos(string text) =>
        DocumentNumber.FindAll(text).Select(n => n.Normalized).Distinct();

    internal static string LettersAndDigits(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in TextFold.Fold(s))
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }
}

/// <summary>What makes two documents one: the same 文号 and title (<see cref="Repost"/>), or the same body.</summary>
internal sealed record IdentityKeys(string? Repost, string? BodyFingerprint);
