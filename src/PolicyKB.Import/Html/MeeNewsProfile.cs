using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>www.mee.gov.cn news pages (/ywdt/…): title h2.neiright_Title, body div.neiright_JPZ_GK_CP div.TRS_Editor.</summary>
internal sealed class MeeNewsProfile : SiteProfile
{
    public override string Name => "mee-news";
    public override Site Site => Site.Mee;

    public static bool IsNewsPath(Uri url) => url.AbsolutePath.StartsWith("/ywdt/", StringComparison.OrdinalIgnoreCase);

    public override bool MatchesUrl(Uri url) => HostIs(url, "mee.gov.cn") && IsNewsPath(url);

    public override bool MatchesStructure(HtmlPage page) => Dom.First(page.Document, e => Dom.Is(e, "h2", "neiright_Title")) is not null;

    public override PageFields Extract(HtmlPage page)
    {
        var doc = page.Document;
        var frame = Dom.First(doc, e => Dom.HasClass(e, "neiright_JPZ_GK_CP"));
        var body = (frame is null ? null : Dom.First(frame, e => Dom.HasClass(e, "TRS_Editor"))) ?? frame;
        var h2 = Dom.First(doc, e => Dom.Is(e, "h2", "neiright_Title"));
        var time = Dom.First(doc, e => Dom.HasClass(e, "time") && Dom.InsideClass(e, "neiright_JPZ_GK"));
        return new PageFields
        {
            Title = (h2 is null ? null : NonEmpty(Dom.Text(h2))) ?? page.Meta("ArticleTitle"),
            InferType = false,
            Published = page.Meta("PubDate") ?? (time is null ? null : Dom.Text(time)),
            Keywords = SplitList(page.Meta("Keywords")),
            Body = body,
            Attachments = page.AttachmentsIn(body),
        };
    }
}
