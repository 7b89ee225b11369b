using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Corpus.Templates;

/// <summary>
/// NDRC detail page: 【title(文号)】 in &lt;title&gt;, head meta without spaces before content=, h2.article_title with the
/// 文号 in parentheses, div.article_con inside startprint/endprint comments and an unquoted class=TRS_Editor div,
/// the joint issuers only in the centred body heading and the signature, attachments in div.attachment.
/// </summary>
internal sealed class NdrcTemplate : IPageTemplate
{
    public string Render(GeneratedPage page, Rng rng)
    {
        var fullTitle = page.DocumentNumberAsPrinted is { } n ? $"{page.Title}({n})" : page.Title;
        var column = page.Url.Contains("/gg/") ? "公告" : page.Url.Contains("/ghxwj/") ? "规划文件" : "通知";
        var name = page.Url[(page.Url.LastIndexOf('/') + 1)..^5];
        var sb = new StringBuilder(page.BodyText.Length * 2 + 6000);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1.0">
                <title>【{Html.Esc(fullTitle)}】-国家发展和改革委员会 </title>
                <meta name="SiteName" content="中华人民共和国国家发展和改革委员会">
                <meta name="SiteDomain" content="www.ndrc.gov.cn">
                <meta name="ColumnName" content="{column}">
                <meta name="ArticleTitle" content="{Html.Esc(fullTitle)}">
                <meta name="PubDate" content="{page.PublishedDate:yyyy-MM-dd} {rng.Next(8, 20):D2}:{rng.Next(60):D2}:{rng.Next(60):D2}">
                <meta name="ContentSource" content="{rng.Pick(ContentSources)}">
                <meta name="Keywords" content="">
                <meta name="Author"content="">
            <meta name="ColumnType"content="政策文件">
                <link href="../../../../images/detail.css" rel="stylesheet" type="text/css">
                <script src="../../../../images/jquery.min.js"></script>
                <script>
                    var mobilurl="./{name}_ext.html"
                    uaredirect(mobilurl);
                </script>
            </head>
            <body>
            <div class="header"><script src="../../../../jslm/nav/nav.js"></script></div>
            <div class="container">
                <div class="path"><a href="../../../../" class="CurrChnlCls">首页</a>&nbsp;&gt;&nbsp;<a href="../../../" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&nbsp;<a href="../../" class="CurrChnlCls">政策</a>&nbsp;&gt;&nbsp;<a href="../" class="CurrChnlCls">{column}</a></div>
                <div class="article">
                    <!--startprint-->
                    <div class="article_l ">
                        <h2 class="article_title">{Html.Esc(fullTitle)}</h2>
                        <div class="shezhi">
                            <div class="time">发布时间：{page.PublishedDate:yyyy/MM/dd}</div>
                            <div class="ly laiyuantext">来源：<span>{rng.Pick(ContentSources)}</span></div>
                        </div>
                        <div class="article_con">
                            <div class=TRS_Editor>
            """);
        var heading = page.Issuers.Count > 1 ? string.Join(' ', page.Issuers) : page.Issuers[0];
        sb.Append(CultureInfo.InvariantCulture, $"<div style=\"text-align: center;\"><strong><span style=\"font-size:24px;\">{Html.Esc(heading + page.Title)}</span></strong></div>\n");
        if (page.DocumentNumberAsPrinted is { } printed)
            sb.Append(CultureInfo.InvariantCulture, $"<div style=\"text-align: center;\">{Html.Esc(printed)}</div>\n");
        var breaks = rng.Chance(0.3);
        Html.Body(sb, page,
            b => b.Kind == BodyBlockKind.Heading && b.Level == 0
                ? $"<div style=\"text-align: center;\"><strong>{Html.Esc(b.Text)}</strong></div>"
                : breaks ? $"<span style=\"font-family: SimSun; font-size: 16px;\">　　{Html.Esc(b.Text)}</span><br />" : $"<p style=\"text-indent: 2em;\">{Html.Esc(b.Text)}</p>",
            line => $"<div style=\"text-align: right;\"><span style=\"font-family: SimSun;\">{Html.Esc(line.Length <= 5 && rng.Chance(0.3) ? Html.SpacedOut(line) : line)}</span></div>");
        sb.Append("<div style=\"white-space: nowrap;\">&nbsp;</div></div>\n                </div>\n");
        if (page.Attachments.Count > 0)
        {
            sb.Append("<div class=\"attachment\"><div class=\"attachment_l\">附件：</div><div class=\"attachment_r\"><p>\n");
            sb.AppendJoin("<BR>", page.Attachments.Select(a => $"<a href=\"{a.Href}\">{Html.Esc(a.Name)}</a>"));
            sb.Append("\n</p></div></div>\n");
        }
        sb.Append("""
                        </div>
                    <!--endprint-->
                    <div class="article_r"><div class="xgwz" style="display:none"><div class="mt"><span>相关政策与解读</span></div><ul></ul></div></div>
                </div>
            </div>
            <script src="../../../../jslm/footer/footer.js"></script>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    private static readonly string[] ContentSources = ["能源局", "环资司", "价格司", "产业司", "投资司", "高技术司", "体改司", "基础司", "地区司", "办公厅", "政策研究室"];
}
