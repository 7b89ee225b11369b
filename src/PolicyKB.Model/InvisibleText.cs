using System.Buffers;
using System.Text;

namespace PolicyKB.Model;

/// <summary>
/// Characters that show nothing but change what text means or how it displays: zero-width characters, the word joiner
/// and invisible operators, the BOM, the Arabic letter mark, and the bidi embeddings, overrides, isolates and marks
/// (a title ending "‮fdp.exe" would show as "exe.pdf"). The parser drops them from what it reads, and the service from
/// what it answers (for documents stored before that): one list for both.
/// </summary>
public static class InvisibleText
{
    private static readonly SearchValues<char> Characters = SearchValues.Create(
        "\u061C\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF");

    public static bool IsInvisible(char c) => Characters.Contains(c);

    /// <summary>The text without those characters (the same instance when it has none).</summary>
    public static string Strip(string text)
    {
        if (text.AsSpan().IndexOfAny(Characters) < 0) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!Characters.Contains(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>At most a short prefix of bad input, to echo back in an error message, without those characters.</summary>
    public static string Excerpt(string? text) => text is null ? "" : Strip(text.Length <= 40 ? text : text[..40] + "…");
}
