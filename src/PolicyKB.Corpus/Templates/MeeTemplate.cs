using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Corpus.Templates;

/// <summary>
/// MEE 政府信息公开 (xxgk2018) page: metadata in div.content_top_box as &lt;span&gt;LABEL&lt;/span&gt;value items (名称 in a p,
/// 发布机关 in an i), the title again in #print_html h1, the body in div.content_body_box ending with the signature
/// and （此件社会公开）, attachments listed under 附件：, and the trap of a second h1 in div.link-url-wrapper.
/// </summary>
internal sealed class MeeTemplate : IPageTemplate
{
    public string Render(GeneratedPage page, Rng rng)
    {
        var wide = rng.Chance(0.5);
        string Label(string spaced, string full) => wide ? full : spaced;
        var sb = new StringBuilder(page.BodyText.Length * 2 + 6000);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
            <title>{Html.Esc(page.Title)}_生态环境部</title>
            <meta name="SiteName" content="中华人民共和国生态环境部">
            <meta name="SiteDomain" content="www.mee.gov.cn">
            <meta name="ArticleTitle" content="{Html.Esc(page.Title)}">
            <meta name="PubDate" content="{page.PublishedDate:yyyy-MM-dd} {rng.Next(8, 20):D2}:{rng.Next(60):D2}">
            <meta name="ContentSource" content="{Html.Esc(page.Issuers[0])}">
            <meta name="ColumnName" content="政府信息公开">
            <link rel="stylesheet" href="/images/xxgk2018.css">
            </head>
            <body>
            <div class="header"><div class="logo"><a href="/">中华人民共和国生态环境部</a></div></div>
            <div class="position"><a href="/">首页</a> &gt; <a href="/xxgk2018/">政府信息公开</a></div>
            <div class="content_top_box">
            <ul>
            <li class="first"><div class="td-left"><span>{Label("名 称：", "名　　称：")}</span><p>{Html.Esc(page.Title)}</p></div></li>
            <li><div class="td-left"><span>{Label("索 引 号：", "索&nbsp;引&nbsp;号：")}</span>{page.IndexNumber}</div><div class="td-right"><span>{Label("分 类：", "分　　类：")}</span>{Html.Esc(page.Topic)}</div></li>
            <li><div class="td-left"><span>发布机关：</span><i>{Html.Esc(string.Join(' ', page.Issuers))}</i></div><div class="td-right"><span>生成日期：</span>{page.PublishedDate:yyyy-MM-dd}</div></li>
            <li><div class="td-left"><span>{Label("文 号：", "文　　号：")}</span>{Html.Esc(page.DocumentNumberAsPrinted ?? "")}</div><div class="td-right"><span>{Label("主 题 词：", "主&nbsp;题&nbsp;词：")}</span>{Html.Esc(string.Join(' ', page.Keywords))}</div></li>
            </ul>
            </div>
            <div id="print_html">
            <h1>{Html.Esc(page.Title)}</h1>
            <div class="content_body_box">

            """);
        if (page.DocumentNumberAsPrinted is { } printed)
            sb.Append(CultureInfo.InvariantCulture, $"<p style=\"text-align: center;\">{Html.Esc(printed)}</p>\n");
        var divs = rng.Chance(0.3);
        Html.Body(sb, page,
            b => b.Kind == BodyBlockKind.Heading && b.Level == 0
                ? $"<p style=\"text-align: center;\"><strong>{Html.Esc(b.Text)}</strong></p>"
                : divs ? $"<div>　　{Html.Esc(b.Text)}</div>" : $"<p>　　{Html.Esc(b.Text)}</p>",
            line => $"<p style=\"text-align: right;\">{Html.Esc(line)}</p>");
        if (page.Attachments.Count > 0)
        {
            sb.Append("<p>　　附件：</p>\n");
            var k = 1;
            foreach (var a in page.Attachments)
                sb.Append(CultureInfo.InvariantCulture, $"<p>　　{k++}.<a href=\"{a.Href}\">{Html.Esc(a.Name)}</a></p>\n");
        }
        sb.Append("<p>　　（此件社会公开）</p>\n</div>\n</div>\n");
        sb.Append("""
            <div class="link-url-wrapper" style="display:none"><div class="link-url-box"><h1>您访问的链接即将离开“生态环境部”门户网站 是否继续？</h1><a class="link-url-go" href="javascript:;">继续访问</a><a class="link-url-close" href="javascript:;">放弃</a></div></div>
            <div class="footer"><p>版权所有：中华人民共和国生态环境部</p></div>
            </body>
            </html>

            """);
        return sb.ToString();
    }
}
