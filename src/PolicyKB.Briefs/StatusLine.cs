using PolicyKB.Search.Status;

namespace PolicyKB.Briefs;

/// <summary>
/// The 效力 line of a brief item. Only a status a reader must be warned of gets one (已废止, 已修订, 已失效, 征求意见稿):
/// a bulletin reports new policy, and 效力：现行有效 under every item would be noise, as would 未知.
/// </summary>
internal static class StatusLine
{
    /// <summary>"效力：已废止（自2023年3月1日起，被《…》废止）", or null when the status needs no line.</summary>
    public static string? For(DocumentStatus status)
    {
        var by = string.Join("、", status.By.Select(b => $"《{b.Title}》"));
        var since = status.Since is { } d ? $"自{d.Year}年{d.Month}月{d.Day}日起，" : "";
        var detail = status.State switch
        {
            StatusStates.Repealed when by.Length > 0 => $"（{since}被{by}废止）",
            StatusStates.Revised when by.Length > 0 => $"（{since}被{by}修订）",
            StatusStates.Expired when status.Until is { } last => $"（有效期至{last.Year}年{last.Month}月{last.Day}日）",
            StatusStates.Draft when by.Length > 0 => $"（正式文本{by}已发布）",
            StatusStates.Repealed or StatusStates.Revised or StatusStates.Expired or StatusStates.Draft => "",
            _ => null,
        };
        return detail is null ? null : $"效力：{status.State}{detail}";
    }

    /// <summary>The brief with each item's status line, as <paramref name="status"/> decides it now.</summary>
    public static Brief Apply(Brief brief, Func<string, DocumentStatus?> status)
    {
        BriefSection Section(BriefSection s) => s with
        {
            Items = s.Items.Select(i => i with { Status = status(i.Id) is { } st ? For(st) : null }).ToList(),
            Sections = s.Sections.Select(Section).ToList(),
        };
        return brief with { Sections = brief.Sections.Select(Section).ToList(), Unclassified = brief.Unclassified is { } u ? Section(u) : null };
    }
}
