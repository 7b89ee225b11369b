using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Ingest;

/// <summary>
/// Whether two records are the same text, on their own evidence: the same title (or a repost's longer title ending in
/// the original's) and either the same body, or the same 文号 with bodies that match closely. Records that disagree on
/// their 文号 or their 成文日期 are never the same text.
/// </summary>
internal static class TextIdentity
{
    /// <summary>
    /// Bodies this similar (Jaccard over shingles of <see cref="ShingleLength"/> letters and digits) with the same 文号 and
    /// title are one text laid out twice. Measured on the real MEE texts: different letters sharing a title and a template
    /// reach 0.82, a page and its reformatted copy 1.0.
    /// </summary>
    public const double Threshold = 0.9;

    public const int ShingleLength = 5;

    /// <summary>A longer title takes a shorter one as its end only when the shorter says this much (关于… of a notice).</summary>
    private const int MinTitleSuffix = 8;

    public static bool SameText(PolicyDocument a, PolicyDocument b)
    {
        if (a.WrittenDate is { } wa && b.WrittenDate is { } wb && wa != wb) return false;
        var noA = DocumentKeys.DocNoKey(a.DocumentNumber);
        var noB = DocumentKeys.DocNoKey(b.DocumentNumber);
        if (noA is not null && noB is not null && noA != noB) return false;
        if (!SameTitle(a.Title, b.Title)) return false;
        if (SameBody(a, b)) return true;
        return noA is not null && noA == noB && Similarity(a.BodyText, b.BodyText) >= Threshold;
    }

    /// <summary>The same title key, or a repost's longer title that ends with the original's (国家发展改革委等部门关于… for 关于…).</summary>
    public static bool SameTitle(string a, string b)
    {
        var ka = DocumentKeys.TitleKey(a);
        var kb = DocumentKeys.TitleKey(b);
        if (ka == kb) return ka.Length > 0;
        var (shorter, longer) = ka.Length < kb.Length ? (ka, kb) : (kb, ka);
        return shorter.Length >= MinTitleSuffix && longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>The same letters and digits in the same order (layout, spaces and punctuation aside).</summary>
    public static bool SameBody(PolicyDocument a, PolicyDocument b) =>
        DocumentKeys.BodyFingerprint(a) is { } fingerprint
            ? fingerprint == DocumentKeys.BodyFingerprint(b)
            : DocumentKeys.LettersAndDigits(a.BodyText) == DocumentKeys.LettersAndDigits(b.BodyText);

    /// <summary>Jaccard similarity of two texts' shingles (letters and digits, folded); 1 for two empty texts.</summary>
    public static double Similarity(string a, string b)
    {
        var sa = Shingles(a);
        var sb = Shingles(b);
        if (sa.Count == 0 && sb.Count == 0) return 1;
        var shared = sa.Count < sb.Count ? sa.Count(sb.Contains) : sb.Count(sa.Contains);
        return (double)shared / (sa.Count + sb.Count - shared);
    }

    private static HashSet<string> Shingles(string text)
    {
        var s = DocumentKeys.LettersAndDigits(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.Length <= ShingleLength) { if (s.Length > 0) set.Add(s); return set; }
        for (var i = 0; i + ShingleLength <= s.Length; i++) set.Add(s.Substring(i, ShingleLength));
        return set;
    }
}
