using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>Turns body lines into headings (一、 / （一） / 1. / （1）, levels 1–4) and paragraphs.</summary>
internal static partial class BodyStructure
{
    private const int MaxHeadingLength = 40;

    public static IReadOnlyList<BodyBlock> Build(IEnumerable<string> lines)
        => lines.Select(Text.Clean).Where(l => l.Length > 0 && !Text.IsOnlyPunctuation(l)).Select(Classify).ToList();

    public static BodyBlock Classify(string line)
    {
        var level = HeadingLevel(line);
        return level > 0 && LooksLikeHeading(line) ? BodyBlock.Heading(line, level) : BodyBlock.Paragraph(line);
    }

    /// <summary>The level of the numbering the line starts with, 0 when it has none.</summary>
    public static int HeadingLevel(string line)
    {
        if (Level1().IsMatch(line)) return 1;
        if (Level2().IsMatch(line)) return 2;
        if (Level4().IsMatch(line)) return 4;
        if (Level3().IsMatch(line)) return 3;
        return 0;
    }

    /// <summary>A numbered line is a heading when short; a numbered line that runs on into sentences is a paragraph.</summary>
    private static bool LooksLikeHeading(string line)
    {
        if (line.Length > MaxHeadingLength) return false;
        var stops = line.Count(c => c is '。' or '；' or ';');
        return stops == 0 || (stops == 1 && line.EndsWith('。') && line.Length <= MaxHeadingLength / 2);
    }

    [GeneratedRegex(@"^[一二三四五六七八九十百]+、")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十百]+[）)]")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^\d{1,2}[\.．、](?!\d)")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^[（(]\d{1,2}[）)]")]
    private static partial Regex Level4();
}
