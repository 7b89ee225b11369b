using System.Text;
using PolicyKB.Import.Tests.Html;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Normalise;

/// <summary>成文日期, issuers and 文号 that the text itself states: the signature block at the end, the masthead before the title.</summary>
[TestClass]
public sealed class SignatureTests
{
    private const string Url = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk05/202112/t20211224_965174.html";

    private static PolicyDocument Doc(params string[] paragraphs) => Doc("关于开展气候投融资试点工作的通知", paragraphs);

    private static PolicyDocument Doc(string title, params string[] paragraphs)
    {
        var html = MeePageBuilder.Render(title, issuer: null, number: null, "2021-12-24", paragraphs);
        var r = TestData.Parser.Parse(Encoding.UTF8.GetBytes(html), new PageSource(Url, "page.html"));
        Assert.IsNull(r.Error, r.Error);
        return r.Document!;
    }

    [TestMethod]
    public void Signature_glued_to_the_attachment_line_gives_issuer_and_written_date()
    {
        var d = Doc("特此通知。", "附件：试点工作方案生态环境部办公厅2021年12月21日（此件社会公开）抄送：各省生态环境厅。", "生态环境部办公厅2021年12月23日印发");
        Assert.AreEqual(new DateOnly(2021, 12, 21), d.WrittenDate, "the 印发 line is the printing date, not the 成文日期");
        CollectionAssert.AreEqual(new[] { "生态环境部办公厅" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Signature_on_two_lines_gives_issuer_and_written_date()
    {
        var d = Doc("特此通知。", "生态环境部办公厅", "2021年12月21日", "（此件社会公开）");
        Assert.AreEqual(new DateOnly(2021, 12, 21), d.WrittenDate);
        CollectionAssert.AreEqual(new[] { "生态环境部办公厅" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Joint_signature_names_every_issuer()
    {
        var d = Doc("特此通知。", "生态环境部办公厅  国家发展改革委办公厅工业和信息化部办公厅  中国人民银行办公厅2021年12月21日（此件社会公开）");
        Assert.AreEqual(new DateOnly(2021, 12, 21), d.WrittenDate);
        CollectionAssert.AreEqual(new[] { "生态环境部办公厅", "国家发展和改革委员会办公厅", "工业和信息化部办公厅", "中国人民银行办公厅" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Signature_date_in_chinese_numerals_is_read()
    {
        var d = Doc("特此通知。", "生态环境部", "二〇二一年十二月二十一日");
        Assert.AreEqual(new DateOnly(2021, 12, 21), d.WrittenDate);
    }

    [TestMethod]
    public void Spaced_out_signature_before_a_note_gives_issuer_and_written_date()
    {
        var d = Doc("现批复如下。", "国 务 院一九八五年十一月七日（本文有删减）");
        Assert.AreEqual(new DateOnly(1985, 11, 7), d.WrittenDate);
        CollectionAssert.AreEqual(new[] { "国务院" }, d.Issuers.ToArray());
    }

    [TestMethod]
    public void Signature_before_the_document_a_covering_notice_forwards_is_read()
    {
        var d = Doc("请认真贯彻执行。", "国务院办公厅2013年9月14日关于加快推进煤矿企业兼并重组的若干意见", "一、总体要求", "（一）基本原则。");
        Assert.AreEqual(new DateOnly(2013, 9, 14), d.WrittenDate);
    }

    [TestMethod]
    public void Date_in_running_text_is_not_a_signature()
    {
        var d = Doc("请于2021年12月31日前报送。", "联系人：生态环境部应对气候变化司 丁辉");
        Assert.IsNull(d.WrittenDate);
        Assert.IsEmpty(d.Issuers);
    }

    [TestMethod]
    public void Masthead_number_before_the_title_is_the_documents_own()
    {
        var d = Doc("关于印发《意见》的通知",
            "生态环境部国家发展和改革委员会文件环督察〔2022〕58号关于印发《意见》的通知各省、自治区、直辖市人民政府：",
            "现印发给你们，请结合实际认真贯彻落实。", "生态环境部 发展改革委", "2022年10月27日");
        Assert.AreEqual("环督察〔2022〕58号", d.DocumentNumber?.Normalized);
    }

    [TestMethod]
    public void Number_the_text_only_cites_is_never_the_documents_own()
    {
        var d = Doc("关于江苏省有关问题的复函",
            "江苏省生态环境厅：",
            "你厅《关于有关问题的请示》（苏环办〔2020〕12号）收悉。根据《关于加强管理的通知》（环办〔2019〕3号），经研究，函复如下。",
            "按照环发〔2015〕69号执行。", "生态环境部办公厅", "2020年3月3日");
        Assert.IsNull(d.DocumentNumber, d.DocumentNumber?.Normalized);
    }
}
