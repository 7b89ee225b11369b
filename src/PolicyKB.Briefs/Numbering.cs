namespace PolicyKB.Briefs;

/// <summary>Chinese section numbers as the bulletin prints them: 一、 for sections, （一） for sub-sections.</summary>
internal static class Numbering
{
    private static readonly string[] Digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Heading(string title, int index, int level) =>
        level == 1 ? $"{Chinese(index + 1)}、{title}" : $"（{Chinese(index + 1)}）{title}";

    /// <summary>1..99 as 一 … 十 … 九十九.</summary>
    public static string Chinese(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + Digits[n % 10],
    };
}

