using System.Text.RegularExpressions;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// An item's title as a bulletin writes it, saying who did what: "国务院关于印发《X》的通知" → "国务院印发《X》",
/// "国务院关于推进…的实施意见" → "国务院印发《关于推进…的实施意见》", four joint issuers → "四部门联合印发《…》",
/// "关于征求《X》意见的通知" → "上海市生态环境局就《X》公开征求意见". Other titles stay as they are.
/// </summary>
internal static partial class ItemTitles
{
    [GeneratedRegex(@"^(?<who>.*?)关于(?<verb>印发|发布|转发|公布)(?<what>.+?)的(?:通知|公告|通告|函)$")]
    private static partial Regex Announcement();

    [GeneratedRegex(@"^(?<who>.*?)关于(?:公开)?征求(?<what>[^《]*《.+》[^《》]*?)意见的(?:通知|函|公告)$")]
    private static partial Regex Consultation();

    [GeneratedRegex(@"^(?<who>.*?)(?<what>关于.+的(?:实施意见|指导意见|意见|决定|规定|办法|方案|计划|规划))$")]
    private static partial Regex Decision();

    public static string Of(PolicyDocument doc, IssuerRegistry registry)
    {
        var title = doc.Title.Trim();
        if (Announcement().Match(title) is { Success: true } a)
            return Shaped(doc, registry, a.Groups["who"].Value, a.Groups["verb"].Value, Quoted(a.Groups["what"].Value), title);
        if (Consultation().Match(title) is { Success: true } c)
            return Who(doc, registry, c.Groups["who"].Value) is { } who ? $"{who}就{c.Groups["what"].Value}公开征求意见" : title;
        if (Decision().Match(title) is { Success: true } d)
            return Shaped(doc, registry, d.Groups["who"].Value, "印发", $"《{d.Groups["what"].Value}》", title);
        return title;
    }

    private static string Shaped(PolicyDocument doc, IssuerRegistry registry, string whoInTitle, string verb, string what, string title) =>
        Who(doc, registry, whoInTitle) is { } who ? $"{who}{verb}{what}" : title;

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
