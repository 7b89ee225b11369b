using System.Net;
using System.Text;

namespace PolicyKB.Import.Tests.Html;

/// <summary>
/// Renders a title and body paragraphs into the MEE xxgk2018 template as the real pages lay it out: labels in
/// &lt;span&gt; without colons, the issuer in an &lt;i&gt;, the 生成日期 in the next item, the body in div.content_body_box.
/// </summary>
internal static class MeePageBuilder
{
    public static string Render(string title, string? issuer, string? number, string published, IEnumerable<string> paragraphs)
    {
        var body = new StringBuilder();
        foreach (var p in paragraphs) body.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>\n");
        var t = WebUtility.HtmlEncode(title);
        return $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}_中华人民共和国生态环境部</title></head><body>
            <div class="content_top_box"><ul>
            <li class="first"><div class="le"><span>名&nbsp;&nbsp;&nbsp;&nbsp;称</span><p>{t}</p></div></li>
            <li><div class="le"><span>索&nbsp;引&nbsp;号</span>000014672/2021-00001</div><div class="ri"><span>分&nbsp;&nbsp;&nbsp;&nbsp;类</span></div></li>
            <li><div class="le"><span>发布机关</span><i>{WebUtility.HtmlEncode(issuer ?? "")}</i></div><div class="ri"><span>生成日期</span>{published}</div></li>
            <li><div class="le"><span>文&nbsp;&nbsp;&nbsp;&nbsp;号</span>{WebUtility.HtmlEncode(number ?? "")}</div><div class="ri"><span>主&nbsp;题&nbsp;词</span></div></li>
            </ul></div>
            <div id="print_html"><h1>{t}</h1><div class="content_body"><div class="content_body_box">
            {body}</div></div></div>
            <div class="link-url-wrapper"><h1>您访问的链接即将离开生态环境部门户网站，是否继续？</h1></div>
            </body></html>
            """;
    }
}
