using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyKB.Crawl.Tests;

/// <summary>An attachment of a mirrored notice.</summary>
internal sealed record MirrorAttachment(string FileName, string Name, byte[] Bytes, string ContentType);

/// <summary>A notice on a mirror: where it lives and what it says.</summary>
internal sealed record MirrorNotice(string Path, string Title, string Number, DateOnly Date, IReadOnlyList<string> Paragraphs, IReadOnlyList<MirrorAttachment> Attachments);

/// <summary>
/// Generated mirrors of the sites' structures, in their 2026 templates (see /work/shared/reference/site-structures.md):
/// NDRC list pages paged by createPageHTML, MEE xxgk2018 lists paged by countPage, the gov.cn JSON search endpoint.
/// </summary>
internal static class SiteMirrors
{
    /// <summary>A DOCX whose body is <paramref name="text"/>, as the ministries attach them.</summary>
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static MirrorNotice Notice(string directory, int index, string issuerCode, string topic, DateOnly date, bool withAttachment)
    {
        var serial = 100 + index;
        var number = $"{issuerCode}〔{date.Year}〕{serial}号";
        var title = $"关于推进{topic}第{index}批试点工作的通知";
        var id = 1400000 + index;
        var path = $"{directory}{date:yyyyMM}/t{date:yyyyMMdd}_{id}.html";
        string[] paragraphs =
        [
            $"各省、自治区、直辖市发展改革委：",
            $"为深入推进{topic}，现就第{index}批试点工作有关事项通知如下。",
            $"一、总体要求",
            $"坚持问题导向，稳妥有序推进{topic}试点，试点编号{serial}。",
        ];
        var attachments = withAttachment
            ? new[] { new MirrorAttachment($"P0{date:yyyyMMdd}{id}.docx", $"{topic}试点名单{index}.docx", Docx($"附件内容：{topic}试点名单第{index}批，甲乙丙丁地区。"), DocxType) }
            : [];
        return new MirrorNotice(path, title, number, date, paragraphs, attachments);
    }

    /// <summary>
    /// NDRC 通知 section: <paramref name="pages"/> list pages of <paramref name="perPage"/> notices, every other one with a DOCX
    /// attachment; returns the notices, newest first. Interpretation links (jd/) sit beside them as on the real list.
    /// </summary>
    public static IReadOnlyList<MirrorNotice> Ndrc(MirrorServer server, int pages = 3, int perPage = 4, string section = "tz")
    {
        var dir = $"xxgk/zcfb/{section}/";
        var notices = Enumerable.Range(0, pages * perPage)
            .Select(i => Notice(dir, i + 1, "发改能源", "绿色电力交易", new DateOnly(2026, 6, 28).AddDays(-3 * i), withAttachment: i % 2 == 0))
            .ToList();
        for (var page = 0; page < pages; page++)
        {
            var items = notices.Skip(page * perPage).Take(perPage).Select(n =>
                $"""
                <li><a href="./{n.Path[dir.Length..]}" target="_blank" title="{Html(n.Title)}({Html(n.Number)})">{Html(n.Title)}({Html(n.Number)})</a>
                  <span>{n.Date:yyyy/MM/dd}</span>
                  <div class="popbox"><ul><li><a href="../../jd/jd/{n.Date:yyyyMM}/t{n.Date:yyyyMMdd}_9{page}.html" title="解读">解读</a></li></ul></div>
                </li>
                """);
            var html = $$"""
                <!DOCTYPE html><html><head><meta charset="UTF-8"><title>通知-国家发展和改革委员会</title></head><body>
                <ul class="fgwsub"><li><a href="../ghxwj/">规范性文件</a></li><li><a href="./">通知</a></li></ul>
                <div class="list"><ul class="u-list">
                {{string.Join("\n<li class=\"empty\"></li>\n", items)}}
                </ul></div>
                <div class="page"><script type="text/javascript">createPageHTML({{pages}}, {{page}}, "index", "html");</script></div>
                </body></html>
                """;
            if (page == 0) server.Serve(dir, html);
            server.Serve(page == 0 ? dir + "index.html" : $"{dir}index_{page}.html", html);
        }
        foreach (var n in notices) ServeNdrcNotice(server, n);
        foreach (var other in new[] { "tz", "ghxwj", "ghwb", "gg", "fzggwl" }.Where(s => s != section))
            server.Serve($"xxgk/zcfb/{other}/", """<html><body><div class="list"><ul class="u-list"></ul></div><script>createPageHTML(1, 0, "index", "html");</script></body></html>""");
        return notices;
    }

    public static void ServeNdrcNotice(MirrorServer server, MirrorNotice n, string? extraParagraph = null)
    {
        var attachments = string.Join("<BR>", n.Attachments.Select(a => $"<a href=\"./{a.FileName}\">{Html(a.Name)}</a>"));
        var paragraphs = n.Paragraphs.Append(extraParagraph).OfType<string>();
        var html = $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
            <title>【{Html(n.Title)}({Html(n.Number)})】-国家发展和改革委员会 </title>
            <meta name="ColumnName" content="通知">
            <meta name="ArticleTitle" content="{Html(n.Title)}({Html(n.Number)})">
            <meta name="PubDate" content="{n.Date:yyyy-MM-dd} 09:00:00">
            <meta name="ContentSource" content="能源局">
            </head><body><div class="article"><!--startprint--><div class="article_l ">
            <h2 class="article_title">{Html(n.Title)}({Html(n.Number)})</h2>
            <div class="shezhi"><div class="time">发布时间：{n.Date:yyyy/MM/dd}</div><div class="ly laiyuantext">来源：<span>能源局</span></div></div>
            <div class="article_con"><div class=TRS_Editor>
            <div style="text-align: center;"><strong>国家发展改革委关于推进试点工作的通知</strong></div>
            <div style="text-align: center;">{Html(n.Number)}</div>
            {string.Concat(paragraphs.Select(p => $"<p>{Html(p)}</p>"))}
            <p style="text-align: right;">国家发展改革委</p>
            <p style="text-align: right;">{n.Date.Year}年{n.Date.Month}月{n.Date.Day}日</p>
            </div></div>
            {(attachments.Length > 0 ? $"<div class=\"attachment\"><div class=\"attachment_l\">附件：</div><div class=\"attachment_r\"><p>{attachments}</p></div></div>" : "")}
            </div><!--endprint--></div></body></html>
            """;
        server.Serve(n.Path, html);
        var folder = n.Path[..(n.Path.LastIndexOf('/') + 1)];
        foreach (var a in n.Attachments) server.Serve(folder + a.FileName, a.Bytes, a.ContentType);
    }

    /// <summary>MEE xxgk2018 letters (xxgk06): table rows, `var countPage = N`, index_N.shtml pages.</summary>
    public static IReadOnlyList<MirrorNotice> Mee(MirrorServer server, int pages = 2, int perPage = 3, Func<int, string>? topic = null)
    {
        var dir = "xxgk2018/xxgk/xxgk06/";
        var notices = Enumerable.Range(0, pages * perPage)
            .Select(i => Notice(dir, 50 + i, "环办气候函", topic?.Invoke(i) ?? "排污许可", new DateOnly(2026, 9, 20).AddDays(-2 * i), withAttachment: true))
            .ToList();
        for (var page = 0; page < pages; page++)
        {
            var rows = notices.Skip(page * perPage).Take(perPage).Select(n =>
                $"<tr><td>{n.Date:yyyy-MM-dd}</td><td><a href=\"./{n.Path[dir.Length..]}\" target=\"_blank\">{Html(n.Title)}</a></td></tr>");
            var html = $$"""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>函_生态环境部</title></head><body>
                <div class="iframe-list"><table>{{string.Concat(rows)}}</table></div>
                <script language="javascript">
                    //createPageHTML({{pages}}, {{page}}, "index", "shtml");
                    var currentPage = {{page}};//所在页从0开始
                    var countPage = {{pages}}//共多少页
                </script></body></html>
                """;
            server.Serve(page == 0 ? dir : $"{dir}index_{page}.shtml", html);
        }
        foreach (var n in notices)
        {
            var html = $"""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>{Html(n.Title)}</title></head><body>
                <div class="content_top_box"><ul>
                <li><div><span>名　　称：</span><p>{Html(n.Title)}</p></div></li>
                <li><div><span>索 引 号：</span>000014672/{n.Date.Year}-00{n.Number.Length}</div></li>
                <li><div><span>分　　类：</span>应对气候变化</div></li>
                <li><div><span>发布机关：</span><i>生态环境部办公厅</i></div></li>
                <li><div><span>生成日期：</span>{n.Date:yyyy-MM-dd}</div></li>
                <li><div><span>文　　号：</span>{Html(n.Number)}</div></li>
                </ul></div>
                <div id="print_html"><h1>{Html(n.Title)}</h1>
                <div class="content_body_box">{string.Concat(n.Paragraphs.Select(p => $"<p>{Html(p)}</p>"))}
                <p>附件：</p>{string.Concat(n.Attachments.Select(a => $"<p><a href=\"./{a.FileName}\">{Html(a.Name)}</a></p>"))}
                <p>生态环境部办公厅</p><p>{n.Date.Year}年{n.Date.Month}月{n.Date.Day}日</p><p>（此件社会公开）</p></div></div>
                </body></html>
                """;
            server.Serve(n.Path, html);
            var folder = n.Path[..(n.Path.LastIndexOf('/') + 1)];
            foreach (var a in n.Attachments) server.Serve(folder + a.FileName, a.Bytes, a.ContentType);
        }
        return notices;
    }

    /// <summary>gov.cn: the JSON search endpoint (p = page, totalpage) listing policy-library pages on www.gov.cn.</summary>
    public static IReadOnlyList<MirrorNotice> GovCn(MirrorServer server, string startQuery, int pages = 2, int perPage = 3)
    {
        var notices = Enumerable.Range(0, pages * perPage).Select(i =>
        {
            var date = new DateOnly(2026, 9, 25).AddDays(-i);
            return new MirrorNotice($"zhengce/zhengceku/{date:yyyyMM}/content_{7000000 + i}.htm", $"国务院办公厅关于加强数据要素第{i}项工作的意见",
                $"国办发〔{date.Year}〕{30 + i}号", date, [$"数据要素工作第{i}项意见正文。"], []);
        }).ToList();
        for (var page = 0; page < pages; page++)
        {
            var rows = notices.Skip(page * perPage).Take(perPage).Select(n =>
                $$"""{"title":"{{n.Title}}","url":"https://www.gov.cn/{{n.Path}}","pcode":"{{n.Number}}","puborg":"国务院办公厅","index":"000014349/{{n.Date.Year}}-00001","childtype":"综合政务\\其他","pubtime":1790000000000}""");
            var json = $$"""{"code":200,"searchVO":{"totalpage":{{pages}},"catMap":{"gongwen":{"listVO":[{{string.Join(",", rows)}}""" + "]}}}}";
            server.Serve(startQuery.Replace("p=1", $"p={page + 1}"), json, "application/json; charset=utf-8");
        }
        foreach (var n in notices)
            server.Serve(n.Path, $"""
                <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="manuscriptId" content="{n.Path[^12..^4]}">
                <title>{Html(n.Title)}_国务院部门文件_中国政府网</title></head><body>
                <div class="policyLibraryOverview_content"><table>
                <tr><td>标&nbsp;&nbsp;题：</td><td>{Html(n.Title)}</td></tr>
                <tr><td>发文机关：</td><td>国务院办公厅</td><td>发文字号：</td><td>{Html(n.Number)}</td></tr>
                <tr><td>成文日期：</td><td>{n.Date.Year}年{n.Date.Month:00}月{n.Date.Day:00}日</td></tr>
                </table></div>
                <div id="UCAP-CONTENT">{string.Concat(n.Paragraphs.Select(p => $"<p>{Html(p)}</p>"))}</div>
                </body></html>
                """);
        return notices;
    }

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}
