using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Html;

/// <summary>Metadata of pages the profiles were not tuned for: empty cells, MEE columns, gazette orders, hostile text and links.</summary>
[TestClass]
public sealed class MetadataTests
{
    private const string Xxgk01 = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk01/202102/t20210207_820000.html";
    private const string Xxgk02 = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk02/202101/t20210105_816131.html";
    private const string Xxgk05 = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk05/202102/t20210207_820001.html";

    private static ParseResult Parse(string html, string? url)
        => TestData.Parser.Parse(Encoding.UTF8.GetBytes(html), new PageSource(url, "page.html"));

    private static PolicyDocument Doc(string html, string? url)
    {
        var r = Parse(html, url);
        Assert.IsNull(r.Error, r.Error);
        return r.Document!;
    }

    [TestMethod]
    public void Empty_issuer_cell_is_a_missing_field_and_the_signature_names_the_issuer()
    {
        var d = Doc(MeePageBuilder.Render("关于开展试点工作的通知", issuer: null, number: null, "2021-02-07",
            ["各省、自治区、直辖市生态环境厅（局）：", "现将有关事项通知如下。", "生态环境部办公厅", "2021年2月3日"]), Xxgk05);
        CollectionAssert.AreEqual(new[] { "生态环境部办公厅" }, d.Issuers.ToArray());
        Assert.AreEqual(new DateOnly(2021, 2, 7), d.PublishedDate);
    }

    [TestMethod]
    public void Empty_issuer_cell_without_a_signature_leaves_the_issuer_missing_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于开展试点工作的通知", issuer: null, number: null, "2021-02-07",
            ["各省、自治区、直辖市生态环境厅（局）：", "现将有关事项通知如下。"]), Xxgk05);
        Assert.IsEmpty(r.Document!.Issuers, string.Join(",", r.Document.Issuers));
        Assert.IsNull(r.Document.IssuersRaw);
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("issuer: missing", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Mee_xxgk01_announcement_is_a_公告()
    {
        var d = Doc(MeePageBuilder.Render("关于发布《排污许可证申请与核发技术规范 锅炉》的公告", "生态环境部", null, "2021-02-07",
            ["特此公告。", "生态环境部", "2021年2月1日"]), Xxgk01);
        Assert.AreEqual("公告", d.DocumentType);
    }

    [TestMethod]
    public void Mee_xxgk02_rule_with_an_order_number_is_a_令()
    {
        var d = Doc(MeePageBuilder.Render("碳排放权交易管理办法（试行）", "生态环境部", "生态环境部令第19号", "2021-01-05",
            ["《碳排放权交易管理办法（试行）》已于2020年12月25日由生态环境部部务会议审议通过，现予公布，自2021年2月1日起施行。", "部长 黄润秋", "2020年12月31日", "第一章 总则"]), Xxgk02);
        Assert.AreEqual("令", d.DocumentType);
        Assert.AreEqual("生态环境部令第19号", d.DocumentNumber?.Normalized);
    }

    [TestMethod]
    public void Mee_xxgk02_rule_without_a_number_takes_its_type_from_the_title()
    {
        var d = Doc(MeePageBuilder.Render("建设项目环境影响评价分类管理名录（2021年版）", "生态环境部", null, "2020-12-03",
            ["《建设项目环境影响评价分类管理名录（2021年版）》已于2020年11月5日由生态环境部部务会议审议通过，现予公布。"]), Xxgk02);
        Assert.AreEqual("名录", d.DocumentType);
    }

    [TestMethod]
    public void Covering_notice_names_its_issuer_before_批转_or_转发()
    {
        var d = Doc(MeePageBuilder.Render("国务院办公厅转发发展改革委关于加快推进煤矿企业兼并重组若干意见的通知", issuer: null, number: null, "2010-10-21",
            ["各省、自治区、直辖市人民政府：", "发展改革委《关于加快推进煤矿企业兼并重组的若干意见》已经国务院同意，现转发给你们，请认真贯彻执行。"]), Xxgk05);
        CollectionAssert.AreEqual(new[] { "国务院办公厅" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Gazette_order_gives_issuer_number_and_type_from_its_masthead()
    {
        var d = Doc("""
            <html><head><meta charset="utf-8"><title>放射性物品运输安全监督管理办法_政府信息公开专栏</title>
            <meta name="manuscriptId" content="5120000"></head><body>
            <table><tr><td class="b12c" id="UCAP-CONTENT">
            <p>中华人民共和国环境保护部令（第38号）</p>
            <p>《放射性物品运输安全监督管理办法》已于2016年2月14日由环境保护部部务会议审议通过，现予公布，自2016年5月1日起施行。</p>
            <p>部长 陈吉宁</p><p>2016年3月14日</p>
            <p>放射性物品运输安全监督管理办法</p><p>第一章 总则</p></td></tr></table></body></html>
            """, "https://www.gov.cn/gongbao/content/2016/content_5120000.htm");
        Assert.AreEqual("放射性物品运输安全监督管理办法", d.Title);
        Assert.AreEqual("中华人民共和国环境保护部令第38号", d.DocumentNumber?.Normalized);
        Assert.AreEqual("令", d.DocumentType);
        CollectionAssert.AreEqual(new[] { "生态环境部" }, d.Issuers.ToArray());
        Assert.AreEqual(new DateOnly(2016, 3, 14), d.WrittenDate);
    }

    [TestMethod]
    public void Announcement_number_in_the_masthead_gives_issuer_number_and_type()
    {
        var d = Doc(MeePageBuilder.Render("关于发布年度报告的通知", issuer: null, number: null, "2023-10-27",
            ["生态环境部公告2023年第29号", "为全面反映应对气候变化工作进展，现发布年度报告。"]), Xxgk05);
        Assert.AreEqual("生态环境部公告2023年第29号", d.DocumentNumber?.Normalized);
        Assert.AreEqual("公告", d.DocumentType, "the 文号 decides before the title's last word");
        CollectionAssert.AreEqual(new[] { "生态环境部" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Order_number_in_a_title_prefix_is_split_off_the_title()
    {
        var d = Doc("""
            <html><head><meta charset="utf-8"><title>中华人民共和国环境保护部令第38号 放射性物品运输安全监督管理办法</title></head><body>
            <h1>中华人民共和国环境保护部令第38号 放射性物品运输安全监督管理办法</h1>
            <div><p>《放射性物品运输安全监督管理办法》已于2016年2月14日由环境保护部部务会议审议通过，现予公布，自2016年5月1日起施行。这是为测试而写的正文，足够长。</p></div></body></html>
            """, "https://example.org/laws/38.html");
        Assert.AreEqual("放射性物品运输安全监督管理办法", d.Title);
        Assert.AreEqual("中华人民共和国环境保护部令第38号", d.DocumentNumber?.Normalized);
        Assert.AreEqual("令", d.DocumentType);
    }

    [TestMethod]
    public void Junk_before_a_document_number_is_trimmed_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于核安全工作的通知", "国家核安全局", "件国核安发〔2020〕298号", "2020-12-30",
            ["各有关单位：", "特此通知。", "国家核安全局", "2020年12月28日"]), Xxgk05);
        Assert.AreEqual("国核安发〔2020〕298号", r.Document!.DocumentNumber?.Normalized);
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("document number:", StringComparison.Ordinal) && w.Contains('件')), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Document_number_of_no_known_shape_is_dropped_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于核安全工作的通知", "国家核安全局", "2020-12-30", "2020-12-30",
            ["各有关单位：", "特此通知。"]), Xxgk05);
        Assert.IsNull(r.Document!.DocumentNumber);
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("document number:", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Issuer_value_that_is_a_date_or_label_is_dropped_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于开展试点工作的通知", "生成日期2021-02-07", null, "2021-02-07",
            ["现将有关事项通知如下。", "生态环境部", "2021年2月3日"]), Xxgk05);
        CollectionAssert.AreEqual(new[] { "生态环境部" }, r.Document!.Issuers.ToArray());
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("issuer:", StringComparison.Ordinal) && w.Contains("生成日期")), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Written_date_after_the_published_date_keeps_the_document_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于开展试点工作的通知", "生态环境部", null, "2021-02-07",
            ["现将有关事项通知如下。", "生态环境部", "2021年3月3日"]), Xxgk05);
        Assert.AreEqual(new DateOnly(2021, 3, 3), r.Document!.WrittenDate);
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("written date:", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Dates_in_the_future_are_kept_with_a_warning()
    {
        var r = Parse(MeePageBuilder.Render("关于开展试点工作的通知", "生态环境部", null, "2091-02-07",
            ["现将有关事项通知如下。", "生态环境部", "2091年2月3日"]), Xxgk05);
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("written date: in the future", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
        Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("published date: in the future", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
    }

    [TestMethod]
    public void Warnings_are_stored_with_the_document_and_survive_the_json_round_trip()
    {
        var r = Parse(MeePageBuilder.Render("关于开展试点工作的通知", null, null, "2021-02-07", ["现将有关事项通知如下。"]), Xxgk05);
        Assert.IsNotEmpty(r.Document!.Warnings, "the page has no issuer: a warning says so");
        CollectionAssert.AreEqual(r.Warnings.ToArray(), r.Document.Warnings.ToArray());
        var back = System.Text.Json.JsonSerializer.Deserialize<PolicyDocument>(System.Text.Json.JsonSerializer.Serialize(r.Document, PolicyJson.Options), PolicyJson.Options)!;
        CollectionAssert.AreEqual(r.Document.Warnings.ToArray(), back.Warnings.ToArray());
    }

    [TestMethod]
    public void Bidi_controls_and_zero_width_characters_leave_titles_and_names()
    {
        var d = Doc(MeePageBuilder.Render("关于\u202E开展\u200B试点\u2066工作\u2069的通知\uFEFF", "生态\u200D环境部\u202A", null, "2021-02-07",
            ["现将有关事项通知如下。"]), Xxgk05);
        Assert.AreEqual("关于开展试点工作的通知", d.Title);
        CollectionAssert.AreEqual(new[] { "生态环境部" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Links_other_than_http_are_never_kept_as_attachments_or_related_links()
    {
        var d = Doc("""
            <html><head><title>关于测试的通知_国务院部门文件_中国政府网</title><meta name='manuscriptId' content='1'></head><body>
            <div class="policyLibraryOverview_content"><table><tr><td>标题：</td><td>关于测试的通知</td></tr></table></div>
            <div id="UCAP-CONTENT"><p>正文。</p>
            <p><a href="  javascript:alert(1)//a.pdf">附件1.pdf</a></p><p><a href="data:application/pdf;base64,AAAA/b.pdf">附件2.pdf</a></p>
            <p><a href="VBScript:msgbox(1)//c.docx">附件3.docx</a></p><p><a href="java&#09;script:alert(1)//d.pdf">附件4.pdf</a></p>
            <p><a href="./P020231106.pdf">附件5.pdf</a></p></div>
            <ul class="jiedu_list"><li><a href=" javascript:void(0)">解读一</a></li><li><a href="data:text/html,hi">解读二</a></li>
            <li><a href="/zhengce/202310/content_2.htm">解读三</a></li></ul>
            </body></html>
            """, "https://www.gov.cn/zhengce/zhengceku/202310/content_1.htm");
        CollectionAssert.AreEqual(new[] { "https://www.gov.cn/zhengce/zhengceku/202310/P020231106.pdf" }, d.Attachments.Select(a => a.Url).ToArray());
        CollectionAssert.AreEqual(new[] { "https://www.gov.cn/zhengce/202310/content_2.htm" }, d.RelatedLinks.Select(l => l.Url).ToArray());
    }
}
