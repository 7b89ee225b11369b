using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Html;

/// <summary>Site detection, the traps of the real templates, body structure and hostile pages.</summary>
[TestClass]
public sealed class ParserTests
{
    private static ParseResult Parse(string html, string? url = null)
        => TestData.Parser.Parse(Encoding.UTF8.GetBytes(html), new PageSource(url, "page.html"));

    private static PolicyDocument Doc(string html, string? url = null)
    {
        var r = Parse(html, url);
        Assert.IsNull(r.Error, r.Error);
        return r.Document!;
    }

    private const string GovCnPage = """
        <html><head><title>关于测试的通知_国务院部门文件_中国政府网</title><meta name='manuscriptId' content='1'></head><body>
        <div class="policyLibraryOverview_content"><table>
        <tr><td><b>标&nbsp;&nbsp;题：</b></td><td>关于测试的通知</td></tr>
        <tr><td>发文机关:</td><td>国家发展改革委、国家能源局</td><td>发文字号：</td><td>发改能源[２０２３]１２号</td></tr>
        <tr><td>成文日期：</td><td>2023年09月25日</td></tr></table></div>
        <div class="pages_content" id="UCAP-CONTENT"><p>一、总体要求</p><p>正文只出现一次。</p></div>
        <div class="pages_content"><p>一、总体要求</p><p>正文只出现一次。</p></div>
        <ul class="jiedu_list"><li><a href="/zhengce/202310/content_2.htm">解读文章</a></li></ul>
        </body></html>
        """;

    [TestMethod]
    public void GovCn_body_is_read_once_although_the_mobile_copy_repeats_it()
    {
        var d = Doc(GovCnPage, "https://www.gov.cn/zhengce/zhengceku/202310/content_1.htm");
        Assert.AreEqual("一、总体要求\n正文只出现一次。", d.BodyText);
        Assert.AreEqual("解读文章", d.RelatedLinks.Single().Title);
        Assert.AreEqual("https://www.gov.cn/zhengce/202310/content_2.htm", d.RelatedLinks.Single().Url);
    }

    [TestMethod]
    public void GovCn_labels_are_read_whatever_their_spacing_and_colon_width()
    {
        var d = Doc(GovCnPage);
        Assert.AreEqual(Site.GovCn, d.Site, "detected from the manuscriptId meta");
        Assert.AreEqual("关于测试的通知", d.Title);
        CollectionAssert.AreEqual(new[] { "国家发展和改革委员会", "国家能源局" }, d.Issuers.ToArray());
        Assert.AreEqual("发改能源〔2023〕12号", d.DocumentNumber?.Normalized);
        Assert.AreEqual(new DateOnly(2023, 9, 25), d.WrittenDate);
    }

    [TestMethod]
    public void Mee_exit_dialog_heading_is_not_the_title()
    {
        var d = Doc("""
            <html><head><title>x</title></head><body>
            <div class="content_top_box"><ul><li><div><span>发布机关：</span><i>生态环境部办公厅</i></div><div><span>文&nbsp;&nbsp;号：</span>环办气候函（2023）343号</div></li></ul></div>
            <div id="print_html"><h1>关于印发方法学的通知</h1><div class="content_body_box"><p>正文。</p></div></div>
            <div class="link-url-wrapper"><h1>您访问的链接即将离开生态环境部门户网站，是否继续？</h1></div></body></html>
            """);
        Assert.AreEqual(Site.Mee, d.Site);
        Assert.AreEqual("关于印发方法学的通知", d.Title);
        Assert.AreEqual("生态环境部办公厅", d.Issuers.Single());
        Assert.AreEqual("环办气候函〔2023〕343号", d.DocumentNumber?.Normalized);
    }

    [TestMethod]
    public void Page_declared_url_picks_the_profile_and_resolves_links()
    {
        var d = Doc("""
            <html><head><title>关于某事的通知</title><link rel="canonical" href="https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1.html"></head>
            <body><h2 class="article_title">关于某事的通知(发改环资〔2023〕1409号)</h2><div class="article_con"><p>正文。</p></div>
            <div class="attachment"><a href="./P02023.pdf">方案.pdf</a></div></body></html>
            """);
        Assert.AreEqual(Site.Ndrc, d.Site);
        Assert.AreEqual(DocumentId.FromUrl("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1.html"), d.Id);
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/P02023.pdf", d.Attachments.Single().Url);
        Assert.AreEqual("国家发展和改革委员会", d.Issuers.Single(), "an NDRC notice naming no issuer is NDRC's own");
    }

    [TestMethod]
    public void Given_url_wins_over_the_page_structure()
    {
        var d = Doc(GovCnPage, "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202310/t1.html");
        Assert.AreEqual(Site.Mee, d.Site);
    }

    [TestMethod]
    public void Unknown_site_is_read_generically_with_a_warning_naming_missing_fields()
    {
        var r = Parse("""
            <html><head><title>某市关于垃圾分类的通知-某市政府</title></head><body>
            <ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">新闻</a></li></ul>
            <h3>某市关于垃圾分类的通知</h3>
            <div class="text"><p>第一段很长的正文内容，说明垃圾分类工作的要求和安排。</p><p>第二段正文，继续说明有关事项和时间安排。</p></div>
            <div class="foot"><a href="/about">关于我们</a></div></body></html>
            """);
        var d = r.Document!;
        Assert.AreEqual(Site.Other, d.Site);
        Assert.AreEqual("某市关于垃圾分类的通知", d.Title);
        Assert.AreEqual(2, d.Body.Count);
        Assert.IsFalse(d.BodyText.Contains("首页") || d.BodyText.Contains("关于我们"));
        var warning = r.Warnings.Single(w => w.Contains("generic parser"));
        StringAssert.Contains(warning, "issuers");
        StringAssert.Contains(warning, "document number");
        StringAssert.Contains(warning, "published date");
    }

    [TestMethod]
    public void Body_headings_get_levels_and_long_numbered_lines_stay_paragraphs()
    {
        var d = Doc("""
            <html><head><title>t</title><meta name="manuscriptId" content="1"></head><body><div id="UCAP-CONTENT">
            <p>一、总体要求</p><p>（一）主要目标</p><p>1.到2025年</p><p>（1）具体指标</p><p>普通段落。</p>
            <p>（二）指导思想。坚持以人民为中心的发展思想，坚持金融服务实体经济的根本宗旨，持续深化金融供给侧结构性改革。</p>
            </div></body></html>
            """);
        var expected = new[]
        {
            BodyBlock.Heading("一、总体要求", 1), BodyBlock.Heading("（一）主要目标", 2), BodyBlock.Heading("1.到2025年", 3),
            BodyBlock.Heading("（1）具体指标", 4), BodyBlock.Paragraph("普通段落。"),
        };
        CollectionAssert.AreEqual(expected, d.Body.Take(5).ToArray());
        Assert.AreEqual(BodyBlockKind.Paragraph, d.Body[5].Kind);
    }

    [TestMethod]
    public void Page_nested_ten_thousand_deep_parses_without_overflowing_the_stack()
    {
        var html = "<html><head><title>深层页面</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>最深处的正文。</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        // A thread with a small stack makes any recursive walk fail loudly instead of passing on a big default stack.
        ParseResult? result = null;
        var thread = new Thread(() => result = Parse(html), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.IsNotNull(result);
        Assert.IsTrue(result.Succeeded, result.Error);
        StringAssert.Contains(result.Document!.BodyText, "最深处的正文。");
    }

    [TestMethod]
    public void Empty_and_binary_input_give_errors_not_exceptions()
    {
        Assert.AreEqual("empty file (0 bytes)", TestData.Parser.Parse([], new PageSource()).Error);
        var binary = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        StringAssert.StartsWith(TestData.Parser.Parse(binary, new PageSource(FilePath: "x.html")).Error, "binary content");
        StringAssert.Contains(TestData.Parser.Parse("%PDF-1.4 truncated"u8.ToArray(), new PageSource(FilePath: "x.pdf")).Error, "unreadable PDF");
    }
}
