using System.Text.RegularExpressions;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>
/// www.ndrc.gov.cn detail pages: title in h2.article_title (文号 in its parentheses), body in div.article_con,
/// attachments in div.attachment. ContentSource names the supplying unit, not the issuer: the issuers are in the
/// body heading and the signature (the parser reads those when no field names them).
/// </summary>
internal sealed partial class NdrcProfile : SiteProfile
{
    public override string Name => "ndrc";
    public override Site Site => Site.Ndrc;

    public override bool MatchesUrl(Uri url) => HostIs(url, "ndrc.gov.cn");

    public override bool MatchesStructure(HtmlPage page)
        => page.Meta("ContentSource") is not null && Dom.First(page.Document, e => Dom.HasClass(e, "article_con")) is not null;

    public override PageFields Extract(HtmlPage page)
    {
        var doc = page.Document;
        var body = Dom.First(doc, e => Dom.HasClass(e, "article_con"));
        var title = Dom.First(doc, e => Dom.Is(e, "h2", "article_title")) is { } h2 ? NonEmpty(Dom.Text(h2)) : null;
        title ??= page.Meta("ArticleTitle") ?? StripSuffix(page.TitleTag);
        var time = Dom.First(doc, e => Dom.HasClass(e, "time") && Dom.InsideClass(e, "article"));
        return new PageFields
        {
            Title = title,
            DefaultIssuer = "国家发展和改革委员会",
            DocumentType = ColumnType(page.Url),
            Published = page.Meta("PubDate") ?? (time is null ? null : Dom.Text(time)),
            Keywords = SplitList(page.Meta("Keywords")),
            Body = body,
            Attachments = page.AttachmentsIn(Dom.First(doc, e => Dom.HasClass(e, "attachment")) ?? body),
            RelatedLinks = page.LinksIn(Dom.First(doc, e => Dom.HasClass(e, "xgwz"))),
        };
    }

    /// <summary>The 委令 and 公告 columns fix the type; other columns (通知 holds 意见 too) leave it to the title.</summary>
    private static string? ColumnType(Uri? url) => url?.AbsolutePath switch
    {
        { } p when p.Contains("/fzggwl/", StringComparison.Ordinal) => "令",
        { } p when p.Contains("/zcfb/gg/", StringComparison.Ordinal) => "公告",
        _ => null,
    };

    /// <summary>"【TITLE】-国家发展和改革委员会 " → "TITLE".</summary>
    private static string? StripSuffix(string? title)
    {
        if (title is null) return null;
        var m = Bracketed().Match(title);
        return m.Success ? m.Groups[1].Value.Trim() : title.Split('-')[0].Trim();
    }

    [GeneratedRegex(@"^\s*【(.+)】")]
    private static partial Regex Bracketed();
}
