using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Corpus.Templates;

/// <summary>
/// gov.cn policy library page: a label/value metadata table (labels with odd spacing), the same fields again
/// as a mobile list, the body in #UCAP-CONTENT, the body repeated for mobile in a second div.pages_content
/// (the duplicate-text trap), then interpretation links.
/// </summary>
internal sealed class GovCnTemplate : IPageTemplate
{
    public string Render(GeneratedPage page, Rng rng)
    {
        var stateCouncil = page.Url.Contains("/zhengce/content/");
        var section = stateCouncil ? "国务院文件" : "国务院部门文件";
        var manuscript = page.Url[(page.Url.LastIndexOf('_') + 1)..^4];
        var issuers = string.Join(' ', page.Issuers);
        var number = page.DocumentNumberAsPrinted ?? "";
        var q = rng.Chance(0.5) ? '\'' : '"';
        var sb = new StringBuilder(page.BodyText.Length * 3 + 6000);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{Html.Esc(page.Title)}_{section}_中国政府网</title>
            <meta name={q}manuscriptId{q} content={q}{manuscript}{q}>
            <meta name="firstpublishedtime" content="{page.PublishedDate:yyyy-MM-dd}-{rng.Next(8, 23):D2}:{rng.Next(60):D2}:{rng.Next(60):D2}">
            <meta name="lanmu" content="{section}">
            <meta name="description" content="{Html.Esc(Html.Description(page))}">
            <link rel="stylesheet" href="/images/policy.css">
            <script src="/images/jquery.min.js"></script>
            </head>
            <body>
            <div class="header"><div class="logo"><a href="/">中国政府网</a></div><ul class="nav"><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li></ul></div>
            <div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; <a href="/zhengce/zhengcewenjianku/">政策文件库</a></div>
            <div class="policyLibraryOverview_content">
            <table class="border-table noneBorder pc_none">
            <tbody>
            <tr><td class="t-title">标&nbsp;&nbsp;题：</td><td colspan="3">{Html.Esc(page.Title)}</td></tr>
            <tr><td class="t-title">发文机关：</td><td>{Html.Esc(issuers)}</td><td class="t-title">发文字号：</td><td>{Html.Esc(number)}</td></tr>
            <tr><td class="t-title">来&nbsp;&nbsp;源：</td><td>{(stateCouncil ? "国务院" : Html.Esc(page.Issuers[0]) + "网站")}</td><td class="t-title">主题分类：</td><td>{Html.Esc(page.Topic)}</td></tr>
            <tr><td class="t-title">公文种类：</td><td>{page.DocumentType}</td><td class="t-title">成文日期：</td><td>{DateFormats.Padded(page.WrittenDate)}</td></tr>
            </tbody>
            </table>
            <ul class="mobileTable">
            <li><span>标　　题：</span>{Html.Esc(page.Title)}</li>
            <li><span>发文机关：</span>{Html.Esc(issuers)}</li>
            <li><span>发文字号：</span>{Html.Esc(number)}</li>
            <li><span>主题分类：</span>{Html.Esc(page.Topic)}</li>
            <li><span>公文种类：</span>{page.DocumentType}</li>
            <li><span>成文日期：</span>{DateFormats.Padded(page.WrittenDate)}</li>
            </ul>
            </div>
            <div class="pages_content" id="UCAP-CONTENT">

            """);
        var body = new StringBuilder(page.BodyText.Length * 2);
        Html.Body(body, page, Block, line => $"<p style=\"text-align: right;\">{Html.Esc(line)}</p>");
        foreach (var a in page.Attachments)
            body.Append(CultureInfo.InvariantCulture, $"<p style=\"text-indent: 2em;\">附件：<a href=\"{a.Href}\">{Html.Esc(a.Name)}</a></p>\n");
        sb.Append(body).Append("</div>\n");
        // The mobile copy of the whole body, without the id: selecting by class doubles the text.
        sb.Append("<div class=\"pages_content mhide\">\n").Append(body).Append("</div>\n");
        if (rng.Chance(0.4))
        {
            var jiedu = 5_000_000 + page.Index + 7_000_000;
            sb.Append(CultureInfo.InvariantCulture, $"""
                <div class="jiedu"><h3>相关解读</h3><ul class="jiedu_list">
                <li><a href="/zhengce/{page.PublishedDate:yyyyMM}/content_{jiedu}.htm">{Html.Esc(page.Issuers[0])}有关负责人就《{Html.Esc(page.Title)}》答记者问</a></li>
                <li><a href="/zhengce/{page.PublishedDate:yyyyMM}/content_{jiedu + 1}.htm">一图读懂｜{Html.Esc(page.Title)}</a></li>
                </ul></div>

                """);
        }
        sb.Append("""
            <div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p><p>版权所有：中国政府网</p></div>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    private static string Block(BodyBlock b) => b switch
    {
        { Kind: BodyBlockKind.Heading, Level: 0 } => $"<p style=\"text-align: center;\"><strong>{Html.Esc(b.Text)}</strong></p>",
        { Kind: BodyBlockKind.Heading } => $"<p style=\"text-indent: 2em;\"><strong>{Html.Esc(b.Text)}</strong></p>",
        _ => $"<p style=\"text-indent: 2em;\">{Html.Esc(b.Text)}</p>",
    };
}

/// <summary>Older State Council template: a nested table pairing bold labels (索 引 号, 标 题 …) with values; body in td.b12c#UCAP-CONTENT.</summary>
internal sealed class GovCnLegacyTemplate : IPageTemplate
{
    public string Render(GeneratedPage page, Rng rng)
    {
        var sb = new StringBuilder(page.BodyText.Length * 2 + 4000);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
            <title>{Html.Esc(page.Title)}_政府信息公开专栏</title>
            <meta name="manuscriptId" content="{page.Url[(page.Url.LastIndexOf('_') + 1)..^4]}">
            <meta name="firstpublishedtime" content="{page.PublishedDate:yyyy-MM-dd}-10:00:00">
            </head>
            <body>
            <table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bd1">
            <tr><td>
            <table width="100%" border="0" cellspacing="1" cellpadding="0" bgcolor="#cbcbcb">
            <tbody>
            <tr><td width="90" bgcolor="#eeeeee"><b>索 引 号：</b></td><td width="400">{page.IndexNumber}</td><td width="90" bgcolor="#eeeeee"><b>主题分类：</b></td><td>{Html.Esc(page.Topic)}</td></tr>
            <tr><td bgcolor="#eeeeee"><b>发文机关：</b></td><td>{Html.Esc(string.Join(' ', page.Issuers))}</td><td bgcolor="#eeeeee"><b>成文日期：</b></td><td>{DateFormats.Chinese(page.WrittenDate)}</td></tr>
            <tr><td bgcolor="#eeeeee"><b>标　　题：</b></td><td colspan="3">{Html.Esc(page.Title)}</td></tr>
            <tr><td bgcolor="#eeeeee"><b>发文字号：</b></td><td>{Html.Esc(page.DocumentNumberAsPrinted ?? "")}</td><td bgcolor="#eeeeee"><b>发布日期：</b></td><td>{DateFormats.Chinese(page.PublishedDate)}</td></tr>
            </tbody>
            </table>
            </td></tr>
            </table>
            <table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
            <tr><td class="b12c" id="UCAP-CONTENT">

            """);
        Html.Body(sb, page,
            b => b.Kind == BodyBlockKind.Heading && b.Level == 0 ? $"<p align=\"center\"><b>{Html.Esc(b.Text)}</b></p>" : $"<p>　　{Html.Esc(b.Text)}</p>",
            line => $"<p align=\"right\">{Html.Esc(line)}</p>");
        foreach (var a in page.Attachments)
            sb.Append(CultureInfo.InvariantCulture, $"<p>　　附件：<a href=\"{a.Href}\">{Html.Esc(a.Name)}</a></p>\n");
        sb.Append("""
            </td></tr>
            </table>
            <div class="bottom">中华人民共和国中央人民政府门户网站　版权所有</div>
            </body>
            </html>

            """);
        return sb.ToString();
    }
}
