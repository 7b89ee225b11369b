using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>
/// www.mee.gov.cn 政府信息公开 (xxgk2018) pages: labelled items in div.content_top_box, body in div.content_body_box.
/// The h1 of div.link-url-wrapper ("您访问的链接即将离开…") is an exit dialog, not the title.
/// </summary>
internal sealed class MeeProfile : SiteProfile
{
    private static readonly HashSet<string> Fields = Labels("名称", "索引号", "分类", "发布机关", "生成日期", "文号", "主题词", "成文日期", "发布日期");

    public override string Name => "mee";
    public override Site Site => Site.Mee;

    public override bool MatchesUrl(Uri url) => HostIs(url, "mee.gov.cn") && !MeeNewsProfile.IsNewsPath(url);

    public override bool MatchesStructure(HtmlPage page) => Dom.First(page.Document, e => Dom.HasClass(e, "content_top_box")) is not null;

    public override PageFields Extract(HtmlPage page)
    {
        var doc = page.Document;
        var box = Dom.First(doc, e => Dom.HasClass(e, "content_top_box"));
        var labels = box is null ? [] : LabelReader.Read(box, Fields);
        var print = ById(doc, "print_html");
        var h1 = print is null ? null : Dom.First(print, e => e.LocalName == "h1" && !Dom.InsideClass(e, "link-url-wrapper"));
        var body = Dom.First(doc, e => Dom.HasClass(e, "content_body_box")) ?? Dom.First(doc, e => Dom.HasClass(e, "content_body"));
        return new PageFields
        {
            Title = NonEmpty(labels.GetValueOrDefault("名称")) ?? (h1 is null ? null : NonEmpty(Dom.Text(h1))) ?? page.Meta("ArticleTitle"),
            IssuersRaw = NonEmpty(labels.GetValueOrDefault("发布机关")),
            NumberRaw = NonEmpty(labels.GetValueOrDefault("文号")),
            TypeHint = ColumnType(page.Url),
            Topics = GovCnProfile.TopicPath(labels.GetValueOrDefault("分类")),
            Written = NonEmpty(labels.GetValueOrDefault("成文日期")),
            Published = NonEmpty(labels.GetValueOrDefault("生成日期")) ?? NonEmpty(labels.GetValueOrDefault("发布日期")) ?? page.Meta("PubDate"),
            IndexNumber = NonEmpty(labels.GetValueOrDefault("索引号")),
            Keywords = SplitList(labels.GetValueOrDefault("主题词")),
            Body = body,
            Attachments = page.AttachmentsIn(body),
        };
    }

    /// <summary>xxgk01 holds announcements (公告), xxgk02 orders and rules (令); a hint only: the 文号 and the title decide first.</summary>
    private static string? ColumnType(Uri? url) => url?.AbsolutePath switch
    {
        { } p when p.Contains("/xxgk01/", StringComparison.Ordinal) => "公告",
        { } p when p.Contains("/xxgk02/", StringComparison.Ordinal) => "令",
        _ => null,
    };
}
