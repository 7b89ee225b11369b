using System.Text.Json.Serialization;

namespace PolicyKB.Briefs;

/// <summary>
/// One brief, ready to render: title block, numbered sections with numbered items, and the documents no
/// section took. Markdown, HTML and Word are all rendered from this one model.
/// </summary>
public sealed record Brief
{
    public required string Name { get; init; }
    public string? Subtitle { get; init; }
    public string? Organisation { get; init; }
    /// <summary>The issue's number within its year (年第 N 期).</summary>
    public int IssueOfYear { get; init; }
    /// <summary>The running number over all issues (总 N 期).</summary>
    public int Number { get; init; }
    public DateOnly Date { get; init; }
    /// <summary>The search that filled the brief (empty when it was built from ids only).</summary>
    public string Query { get; init; } = "";
    public IReadOnlyList<BriefSection> Sections { get; init; } = [];
    /// <summary>Every section of the template, empty ones too: where the editor may move an item.</summary>
    public IReadOnlyList<SectionChoice> SectionChoices { get; init; } = [];
    /// <summary>Documents that matched no section's rule, for the editor to place.</summary>
    public BriefSection? Unclassified { get; init; }
    /// <summary>Notes for the editor: unknown ids, documents left out as already used …</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>"2023 年第 12 期 (总 24 期)".</summary>
    public string IssueLine => $"{Date.Year} 年第 {IssueOfYear} 期 (总 {Number} 期)";

    /// <summary>"2023 年 10 月 31 日".</summary>
    public string DateLine => $"{Date.Year} 年 {Date.Month} 月 {Date.Day} 日";

    /// <summary>Every item in reading order, the unclassified ones last.</summary>
    [JsonIgnore]
    public IEnumerable<BriefItem> AllItems =>
        Sections.Append(Unclassified).OfType<BriefSection>().SelectMany(s => s.AllItems);
}

/// <summary>A numbered section (一、政策速递) or sub-section (（一）碳市场).</summary>
public sealed record BriefSection
{
    /// <summary>The numbered heading as printed: "一、政策速递", "（一）碳市场".</summary>
    public required string Heading { get; init; }
    /// <summary>The template's titles down to this section (绿色实践/碳市场): what <see cref="BriefRequest.Placements"/> names. Null for the unclassified list.</summary>
    public string? Key { get; init; }
    /// <summary>1 for a section, 2 for a sub-section.</summary>
    public int Level { get; init; } = 1;
    public IReadOnlyList<BriefItem> Items { get; init; } = [];
    public IReadOnlyList<BriefSection> Sections { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<BriefItem> AllItems => Items.Concat(Sections.SelectMany(s => s.AllItems));
}

/// <summary>A section an item may be moved to: its key and its title as the editor knows it.</summary>
public sealed record SectionChoice(string Key, string Title);

/// <summary>One document in the brief: its numbered title, one to three paragraphs, and where it came from.</summary>
public sealed record BriefItem
{
    public required string Id { get; init; }
    /// <summary>1-based number within its section.</summary>
    public int Ordinal { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public required BriefSource Source { get; init; }
    /// <summary>True when the paragraphs are the editor's text rather than the extractive summary.</summary>
    public bool Edited { get; init; }
    /// <summary>The number (总期) of an earlier issue that already carried this document, when marking instead of leaving out.</summary>
    public int? UsedInIssue { get; init; }
    /// <summary>The 效力 line (<see cref="StatusLine"/>) when the document is 已废止, 已修订, 已失效 or a 征求意见稿; null otherwise.</summary>
    public string? Status { get; init; }

    /// <summary>"1. 国务院印发…".</summary>
    public string NumberedTitle => $"{Ordinal}. {Title}";
}

/// <summary>The source line of an item: issuer(s), 文号, 发布日期, url; the site's name stands in when no issuer is known.</summary>
public sealed record BriefSource(IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? PublishedDate, string? Url, string? SiteName = null)
{
    /// <summary>The line without the url: "来源：国务院；国发〔2023〕15号；发布日期：2023-10-11".</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (Issuers.Count > 0) parts.Add(string.Join("、", Issuers));
            else if (!string.IsNullOrEmpty(SiteName)) parts.Add(SiteName);
            if (!string.IsNullOrEmpty(DocumentNumber)) parts.Add(DocumentNumber);
            if (PublishedDate is { } d) parts.Add($"发布日期：{d:yyyy-MM-dd}");
            return "来源：" + (parts.Count > 0 ? string.Join("；", parts) : "未注明");
        }
    }
}

internal static class SiteDisplayNames
{
    /// <summary>The site as a reader knows it; null for other sites (their url says where).</summary>
    public static string? Display(PolicyKB.Model.Site site) => site switch
    {
        PolicyKB.Model.Site.GovCn => "中国政府网",
        PolicyKB.Model.Site.Ndrc => "国家发展改革委网站",
        PolicyKB.Model.Site.Mee => "生态环境部网站",
        _ => null,
    };
}
