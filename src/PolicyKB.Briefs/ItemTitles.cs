using System.Text.RegularExpressions;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>What a title says was done: who the title names (may be empty) and the act, such as 印发《X》 or 就《X》公开征求意见.</summary>
internal sealed record TitleAct(string WhoInTitle, string Act);

/// <summary>
/// An item's title as a bulletin writes it, saying who did what: "国务院关于印发《X》的通知" → "国务院印发《X》",
/// "国务院关于推进…的实施意见" → "国务院印发《关于推进…的实施意见》", four joint issuers → "四部门联合印发《…》",
/// "关于征求《X》意见的通知" → "上海市生态环境局就《X》公开征求意见", "关于某工程环境影响报告书的批复" → "生态环境部批复《某工程
/// 环境影响报告书》". Other titles stay as they are.
/// </summary>
internal static partial class ItemTitles
{
    [GeneratedRegex(@"^(?<who>.*?)关于(?<verb>印发|发布|转发|公布|批准)(?<what>.+?)的(?:通知|公告|通告|函)$")]
    private static partial Regex Announcement();

    [GeneratedRegex(@"^(?<who>.*?)关于(?:公开)?征求(?<what>[^《]*《.+》[^《》]*?)意见的(?:通知|函|公告)$")]
    private static partial Regex Consultation();

    [GeneratedRegex(@"^(?<who>.*?)(?<what>关于.+的(?:实施意见|指导意见|意见|决定|规定|办法|方案|计划|规划))$")]
    private static partial Regex Decision();

    // 关于某工程环境影响报告书（选址阶段）的批复: what was approved is a document of its own.
    [GeneratedRegex(@"^(?<who>.*?)关于(?<what>[^《》]+?(?:报告书|报告表|规划|方案|大纲)(?:（[^（）]*）)?)的批复$")]
    private static partial Regex Approval();

    public static string Of(PolicyDocument doc, IssuerRegistry registry, SummaryRules rules)
    {
        var title = doc.Title.Trim();
        return ActOf(doc, rules) is { } act && Who(doc, registry, act.WhoInTitle) is { } who
            ? who + act.Act
            : title;
    }

    /// <summary>The act a title of one of the bulletin's shapes states, or null for other titles.</summary>
    public static TitleAct? ActOf(PolicyDocument doc, SummaryRules rules)
    {
        var title = doc.Title.Trim();
        if (Announcement().Match(title) is { Success: true } a)
            return new(a.Groups["who"].Value, a.Groups["verb"].Value + Quoted(a.Groups["what"].Value));
        if (Consultation().Match(title) is { Success: true } c)
            return new(c.Groups["who"].Value, $"就{c.Groups["what"].Value}公开征求意见");
        if (Approval().Match(title) is { Success: true } p)
            return new(p.Groups["who"].Value, $"批复《{p.Groups["what"].Value}》");
        if (Decision().Match(title) is { Success: true } d)
            return new(d.Groups["who"].Value, $"{rules.VerbFor(doc.DocumentType)}《{d.Groups["what"].Value}》");
        return null;
    }

    /// <summary>A name with its 《》 stays (核安全导则《X》); a bare one (印发2030年前碳达峰行动方案) gets them.</summary>
    private static string Quoted(string what) => what.Contains('《') ? what : $"《{what}》";

    /// <summary>Who issued it, as the bulletin says it: the title's own words, or the short names; three or more → 四部门联合.</summary>
    private static string? Who(PolicyDocument doc, IssuerRegistry registry, string whoInTitle)
    {
        var who = whoInTitle.Trim();
        var issuers = doc.Issuers.Count > 0 ? doc.Issuers : registry.IssuersOf(doc);
        var joint = who.Length == 0 || who.Any(char.IsWhiteSpace);
        if (!joint) return who;
        return issuers.Count switch
        {
            0 => null,
            1 or 2 => string.Join("、", issuers.Select(i => registry.Find(i)?.ShortName ?? i)) + (issuers.Count == 2 ? "联合" : ""),
            _ => $"{Numbering.Chinese(issuers.Count)}部门联合",
        };
    }
}
