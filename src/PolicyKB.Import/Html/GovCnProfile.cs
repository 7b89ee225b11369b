using System.Text.RegularExpressions;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>
/// www.gov.cn: the policy-library template (label table in div.policyLibraryOverview_content), the older State Council
/// table template (bold labels in table cells, body in td.b12c) and gazette pages. The body is #UCAP-CONTENT only:
/// the same text is repeated for mobile in a second div.pages_content.
/// </summary>
internal sealed partial class GovCnProfile : SiteProfile
{
    private static readonly HashSet<string> Fields = Labels("标题", "发文机关", "发文字号", "来源", "主题分类", "公文种类", "成文日期", "索引号", "发布日期");

    public override string Name => "govcn";
    public override Site Site => Site.GovCn;

    public override bool MatchesUrl(Uri url) => url.Host.Equals("www.gov.cn", StringComparison.OrdinalIgnoreCase) || url.Host.Equals("gov.cn", StringComparison.OrdinalIgnoreCase);

    public override bool MatchesStructure(HtmlPage page)
        => page.Meta("manuscriptId") is not null || Dom.First(page.Document, e => Dom.HasClass(e, "policyLibraryOverview_content")) is not null;

    public override PageFields Extract(HtmlPage page)
    {
        var doc = page.Document;
        var overview = Dom.First(doc, e => Dom.HasClass(e, "policyLibraryOverview_content"));
        var body = ById(doc, "UCAP-CONTENT")
                   ?? Dom.First(doc, e => Dom.Is(e, "td", "b12c"))
                   ?? Dom.First(doc, e => Dom.HasClass(e, "pages_content"));
        var labels = LabelReader.Read((overview ?? (AngleSharp.Dom.INode?)doc.Body) ?? doc, Fields);
        var title = NonEmpty(labels.GetValueOrDefault("标题")) ?? page.Meta("ArticleTitle") ?? StripSuffix(page.TitleTag);
        return new PageFields
        {
            Title = title,
            InferType = !IsInterpretation(page.Url),
            IssuersRaw = NonEmpty(labels.GetValueOrDefault("发文机关")),
            NumberRaw = NonEmpty(labels.GetValueOrDefault("发文字号")),
            DocumentType = NonEmpty(labels.GetValueOrDefault("公文种类")),
            Topics = TopicPath(labels.GetValueOrDefault("主题分类")),
            Written = labels.GetValueOrDefault("成文日期"),
            Published = NonEmpty(labels.GetValueOrDefault("发布日期")) ?? page.Meta("firstpublishedtime"),
            IndexNumber = NonEmpty(labels.GetValueOrDefault("索引号")),
            Keywords = SplitList(page.Meta("keywords")),
            Body = body,
            Attachments = page.AttachmentsIn(body),
            RelatedLinks = page.LinksIn(Dom.First(doc, e => Dom.HasClass(e, "jiedu_list"))),
        };
    }

    /// <summary>/zhengce/YYYYMM/content_N.htm pages are interpretations and news, whose titles end in no 公文种类.</summary>
    private static bool IsInterpretation(Uri? url) => url is not null && InterpretationPath().IsMatch(url.AbsolutePath);

    [GeneratedRegex(@"^/zhengce/\d{6}/content_\d+\.htm")]
    private static partial Regex InterpretationPath();

    /// <summary>"财政、金融、审计\银行" → ["财政、金融、审计", "银行"].</summary>
    public static IReadOnlyList<string> TopicPath(string? s)
        => string.IsNullOrWhiteSpace(s) ? [] : s.Split(['\\', '/', '＼', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"TITLE_国务院部门文件_中国政府网" → "TITLE".</summary>
    private static string? StripSuffix(string? title)
    {
        if (title is null) return null;
        var cut = title.IndexOf('_');
        return cut > 0 ? title[..cut].Trim() : title;
    }
}
