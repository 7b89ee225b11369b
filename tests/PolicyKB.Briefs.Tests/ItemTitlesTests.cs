using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests;

[TestClass]
public sealed class ItemTitlesTests
{
    private static string Title(string title, params string[] issuers) =>
        ItemTitles.Of(TestDocuments.Doc("t", title, issuers, [], "2023-10-01"), TestData.Issuers, TestData.Briefs.SummaryRules);

    [TestMethod]
    public void A_notice_that_issues_a_document_says_who_issued_what()
    {
        Assert.AreEqual("国家发展改革委印发《国家碳达峰试点建设方案》", Title("国家发展改革委关于印发《国家碳达峰试点建设方案》的通知", "国家发展和改革委员会"));
        Assert.AreEqual("国务院印发《2030年前碳达峰行动方案》", Title("国务院关于印发2030年前碳达峰行动方案的通知", "国务院"));
        Assert.AreEqual("生态环境部发布《年度报告》", Title("关于发布《年度报告》的公告", "生态环境部"));
    }

    [TestMethod]
    public void An_opinion_is_quoted_under_its_issuer_and_joint_issuers_are_counted()
    {
        Assert.AreEqual("国务院印发《关于推进普惠金融高质量发展的实施意见》", Title("国务院关于推进普惠金融高质量发展的实施意见", "国务院"));
        Assert.AreEqual("四部门联合印发《关于促进炼油行业绿色创新高质量发展的指导意见》",
            Title("国家发展改革委 国家能源局 工业和信息化部 生态环境部关于促进炼油行业绿色创新高质量发展的指导意见",
                "国家发展和改革委员会", "国家能源局", "工业和信息化部", "生态环境部"));
    }

    [TestMethod]
    public void A_consultation_says_who_asks_for_comments_on_what()
    {
        Assert.AreEqual("上海市生态环境局就《排放标准（征求意见稿）》公开征求意见", Title("关于征求《排放标准（征求意见稿）》意见的通知", "上海市生态环境局"));
        Assert.AreEqual("生态环境部就国家生态环境标准《某执法指南（征求意见稿）》公开征求意见",
            Title("关于公开征求国家生态环境标准《某执法指南（征求意见稿）》意见的通知", "生态环境部"));
        Assert.AreEqual("生态环境部就《某实施方案》（征求意见稿）公开征求意见", Title("关于公开征求《某实施方案》（征求意见稿）意见的函", "生态环境部"));
    }

    [TestMethod]
    public void An_approval_says_what_was_approved()
    {
        Assert.AreEqual("生态环境部批复《某核电厂二期工程环境影响报告书（选址阶段）》", Title("关于某核电厂二期工程环境影响报告书（选址阶段）的批复", "生态环境部"));
        Assert.AreEqual("关于同意某事项的批复", Title("关于同意某事项的批复"));
    }

    [TestMethod]
    public void A_name_that_carries_its_own_quotes_is_not_quoted_again()
        => Assert.AreEqual("生态环境部发布核安全导则《某系统设计》", Title("关于发布核安全导则《某系统设计》的通知", "生态环境部"));

    [TestMethod]
    public void Other_titles_and_titles_without_a_known_issuer_stay_as_they_are()
    {
        Assert.AreEqual("安徽省启动县域生物多样性本底调查", Title("安徽省启动县域生物多样性本底调查"));
        Assert.AreEqual("关于发布《某报告》的公告", Title("关于发布《某报告》的公告"));
    }
}
