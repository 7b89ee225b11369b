using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>White-space and label helpers shared by every profile: pages space labels oddly (标&amp;nbsp;&amp;nbsp;题：, 来  源：).</summary>
internal static class Text
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u3000';

    /// <inheritdoc cref="InvisibleText"/>
    public static bool IsInvisible(char c) => InvisibleText.IsInvisible(c);

    /// <summary>Collapses every run of white space (including nbsp and the ideographic space) into one ASCII space, drops invisible characters, and trims.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (IsInvisible(c)) continue;
            if (IsSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Removes all white space: "国 家 能 源 局" → "国家能源局".</summary>
    public static string Squeeze(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!IsSpace(c) && !IsInvisible(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>The comparable form of a label: no white space, no trailing colon of either width.</summary>
    public static string LabelKey(string? s) => Squeeze(s).TrimEnd(':', '：');

    /// <summary>True when the text ends with a colon of either width (after white space): the shape of a label.</summary>
    public static bool EndsWithColon(string s)
    {
        var t = s.TrimEnd();
        return t.EndsWith(':') || t.EndsWith('：');
    }

    /// <summary>Text with no letter or digit of any script (a lone "，" painted white on a video page).</summary>
    public static bool IsOnlyPunctuation(string s) => !s.Any(char.IsLetterOrDigit);
}
