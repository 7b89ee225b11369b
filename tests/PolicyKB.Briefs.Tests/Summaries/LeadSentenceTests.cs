using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Summaries;

[TestClass]
public sealed class LeadSentenceTests
{
    private static readonly DateOnly Brief = new(2023, 10, 31);

    private static string Lead(PolicyDocument doc, LeadDate date = LeadDate.Published) =>
        new Summarizer(new SummaryOptions { LeadDate = date }, TestData.Briefs.SummaryRules, TestData.Issuers).Summarize(doc, [], Brief)[0];

    private static PolicyDocument Notice(string title, string[] issuers, params string[] body) =>
        TestDocuments.Doc("l1", title, issuers, [], "2023-10-25", Site.GovCn, "某〔2023〕1号", body);

    [TestMethod]
    public void Two_issuers_are_joined_and_a_ministrys_office_is_named_as_the_ministry()
    {
        Assert.AreEqual("10月25日，国家发展改革委、国家能源局联合印发《关于某项工作的指导意见》。",
            Lead(Notice("国家发展改革委 国家能源局关于某项工作的指导意见", ["国家发展和改革委员会", "国家能源局"])));
        Assert.AreEqual("10月25日，生态环境部印发《某方法学》。", Lead(Notice("关于印发《某方法学》的通知", ["生态环境部办公厅"])));
        Assert.AreEqual("10月25日，国务院办公厅印发《某方案》。", Lead(Notice("国务院办公厅关于印发《某方案》的通知", ["国务院办公厅"])));
    }

    [TestMethod]
    public void Without_issuer_metadata_a_titles_group_of_departments_is_kept()
        => Assert.AreEqual("10月25日，工业和信息化部等六部门联合印发《某行动计划》。",
            Lead(Notice("工业和信息化部等六部门关于印发《某行动计划》的通知", [])));

    [TestMethod]
    public void The_lead_gives_the_date_the_template_names_with_the_year_only_outside_the_briefs_year()
    {
        var doc = Notice("关于印发《某方案》的通知", ["生态环境部"]) with { WrittenDate = new DateOnly(2022, 12, 30) };
        StringAssert.StartsWith(Lead(doc), "10月25日，");
        StringAssert.StartsWith(Lead(doc, LeadDate.Written), "2022年12月30日，");
    }

    [TestMethod]
    public void Only_the_other_date_known_gives_近日_and_no_date_gives_none()
    {
        var doc = Notice("关于印发《某方案》的通知", ["生态环境部"]) with { WrittenDate = new DateOnly(2023, 10, 20) };
        Assert.AreEqual("近日，生态环境部印发《某方案》。", Lead(doc with { PublishedDate = null }));
        Assert.AreEqual("生态环境部印发《某方案》。", Lead(doc with { PublishedDate = null, WrittenDate = null }));
    }

    [TestMethod]
    public void The_short_name_the_body_uses_is_introduced()
    {
        Assert.AreEqual("10月25日，国务院印发《关于推进某项工作的实施意见》（以下简称《实施意见》）。",
            Lead(Notice("国务院关于推进某项工作的实施意见", ["国务院"], "各地区要按照《实施意见》要求抓好落实。")));
        Assert.AreEqual("10月25日，生态环境部印发《某某区域协同治理实施方案》（以下简称《方案》）。",
            Lead(Notice("关于印发《某某区域协同治理实施方案》的通知", ["生态环境部"], "我部制定了《某某区域协同治理实施方案》（以下简称“方案”），现予印发。")));
    }

    [TestMethod]
    public void The_verb_follows_the_document_type_when_the_title_does_not_say_it()
        => Assert.AreEqual("10月25日，生态环境部发布《关于某名单的公告》。",
            Lead(Notice("关于某名单的公告", ["生态环境部"]) with { DocumentType = "公告" }));

    [TestMethod]
    public void A_regulation_issued_by_an_order_is_published_whatever_its_titles_type()
        => Assert.AreEqual("10月25日，生态环境部、市场监管总局联合发布《某交易管理办法（试行）》。",
            Lead(Notice("某交易管理办法（试行）", ["生态环境部", "国家市场监督管理总局"]) with
            {
                DocumentType = "办法",
                DocumentNumber = DocumentNumber.Parse("生态环境部 市场监管总局令第31号"),
            }));

    [TestMethod]
    public void Flat_text_without_issuer_metadata_names_the_issuers_of_its_masthead()
    {
        var doc = TestDocuments.Doc("m1", "关于某项工作的指导意见", [], [], "2020-10-26", Site.Mee, null,
            "生态环境部国家发展和改革委员会中国人民银行文件环气候〔2020〕57号关于某项工作的指导意见各省、自治区、直辖市生态环境厅（局）：为推进某项工作，现提出如下意见。到2025年，某项工作取得积极进展。");
        Assert.AreEqual("2020年10月26日，生态环境部、国家发展改革委、人民银行等三部门联合印发《关于某项工作的指导意见》。", Lead(doc));
    }

    [TestMethod]
    public void A_news_page_keeps_its_own_first_sentence_when_it_says_who_did_what_and_a_headline_is_never_quoted()
    {
        var said = TestDocuments.Doc("n1", "生态环境部发布《某报告》", [], [], "2023-10-27", Site.Mee, null,
            "生态环境部近日举行新闻发布会，发布《某报告》。", "报告显示，各项工作取得积极进展。");
        Assert.AreEqual("生态环境部近日举行新闻发布会，发布《某报告》。", Lead(said));

        var unsaid = said with { Body = [BodyBlock.Paragraph("报告显示，各项工作取得积极进展，到2025年将进一步提升。")] };
        Assert.AreEqual("报告显示，各项工作取得积极进展，到2025年将进一步提升。", Lead(unsaid));
    }

    [TestMethod]
    public void A_notices_own_text_comes_before_its_attachments()
    {
        var doc = Notice("关于印发《某方案》的通知", ["生态环境部"], "各地应当于2023年底前完成首批试点遴选。") with
        {
            Attachments = [new Attachment("某方案.pdf", null, "pdf") { Text = "到2025年，试点地区排放强度比2020年下降18%，建成50个示范园区。\n各地应当建立工作台账，共计覆盖100个城市。" }],
        };
        var summary = new Summarizer(new SummaryOptions { MaxSentencesPerParagraph = 1 }, TestData.Briefs.SummaryRules, TestData.Issuers).Summarize(doc, [], Brief);
        Assert.AreEqual("各地应当于2023年底前完成首批试点遴选。", summary[1]);
    }
}
