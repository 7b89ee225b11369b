using System.Text.Json;

namespace PolicyKB.Import.Normalise;

/// <summary>One theme of data/themes.json: weighted keywords and the score a document needs.</summary>
public sealed record ThemeRule(string Name, int Threshold, IReadOnlyDictionary<string, int> Keywords);

/// <summary>
/// The project's own themes (碳市场, 绿色金融 …), assigned by editable rules over title and body.
/// A keyword in the title counts <c>titleWeight</c> times; in the body, its count up to <c>maxCountPerKeyword</c>.
/// </summary>
public sealed class ThemeRules
{
    public IReadOnlyList<ThemeRule> Themes { get; }
    public int TitleWeight { get; }
    public int MaxCountPerKeyword { get; }

    public ThemeRules(IReadOnlyList<ThemeRule> themes, int titleWeight = 3, int maxCountPerKeyword = 3)
    {
        Themes = themes;
        TitleWeight = titleWeight;
        MaxCountPerKeyword = maxCountPerKeyword;
        _foldedKeywords = themes.ToDictionary(t => t, t => t.Keywords.Select(k => (Fold(k.Key), k.Value)).ToArray());
    }

    private readonly Dictionary<ThemeRule, (string Keyword, int Weight)[]> _foldedKeywords;

    public static ThemeRules Load(string path)
    {
        var file = JsonSerializer.Deserialize<ThemesFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
                   ?? throw new InvalidDataException($"{path}: empty themes file");
        return new ThemeRules(file.Themes.Select(t => new ThemeRule(t.Name, t.Threshold, t.Keywords)).ToList(),
            file.TitleWeight ?? 3, file.MaxCountPerKeyword ?? 3);
    }

    /// <summary>The themes whose score reaches their threshold, in the order of the rules file.</summary>
    public IReadOnlyList<string> Assign(string title, string body)
    {
        // Case is folded once here and keywords are searched ordinally: a case-insensitive search per keyword
        // over the whole body was a fifth of the import's time.
        var (t, b) = (Fold(title), Fold(body));
        return Themes.Where(theme => FoldedScore(theme, t, b) >= theme.Threshold).Select(theme => theme.Name).ToList();
    }

    public int Score(ThemeRule theme, string title, string body) => FoldedScore(theme, Fold(title), Fold(body));

    private int FoldedScore(ThemeRule theme, string title, string body)
    {
        var score = 0;
        var keywords = _foldedKeywords.TryGetValue(theme, out var known) ? known : theme.Keywords.Select(k => (Fold(k.Key), k.Value)).ToArray();
        foreach (var (keyword, weight) in keywords)
        {
            var hits = title.Contains(keyword, StringComparison.Ordinal) ? TitleWeight : Count(body, keyword, MaxCountPerKeyword);
            score += hits * weight;
        }
        return score;
    }

    private static string Fold(string s) => s.ToLowerInvariant();

    /// <summary>Occurrences of <paramref name="keyword"/>, counted up to <paramref name="max"/> (more add nothing).</summary>
    private static int Count(string text, string keyword, int max)
    {
        var n = 0;
        for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0 && n < max; i = text.IndexOf(keyword, i + keyword.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private sealed record ThemesFile(List<ThemeEntry> Themes, int? TitleWeight, int? MaxCountPerKeyword);
    private sealed record ThemeEntry(string Name, int Threshold, Dictionary<string, int> Keywords);
}
