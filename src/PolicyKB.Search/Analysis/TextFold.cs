namespace PolicyKB.Search.Analysis;

/// <summary>
/// The normalisation the recall fields apply (width folding, lower case), done char for char so offsets
/// in the folded text are offsets in the original: highlighting and brute-force checks rely on that.
/// </summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = Fold(s[i]);
        });
    }

    public static char Fold(char c)
    {
        // Fast paths first: highlighting folds whole bodies per result, nearly all Han, CJK punctuation or ASCII.
        // Kana, CJK symbols, Han and general punctuation have no case (a test checks every character).
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (c is >= '\u3001' and <= '\u9FFF' or >= '\u2000' and <= '\u206F') return c;
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        return c == '\u3000' ? ' ' : char.ToLowerInvariant(c);
    }

    /// <summary>CJK unified ideographs (basic, extension A, compatibility): the characters that match as substrings.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
