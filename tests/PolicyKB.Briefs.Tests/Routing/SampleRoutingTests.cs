using PolicyKB.Import;

namespace PolicyKB.Briefs.Tests.Routing;

[TestClass]
public sealed class SampleRoutingTests
{
    [TestMethod]
    [DataRow("govcn-puhui-jinrong.html", "政策速递")]
    [DataRow("govcn-lianyou-lvse.html", "政策速递")]
    [DataRow("govcn-suanli-jichu-sheshi.html", "政策速递")]
    [DataRow("govcn-tanda-feng-shidian.html", "政策速递")]
    [DataRow("mee-ccer-fangfaxue.html", "政策速递")]
    [DataRow("mee-gonggao-nianbao.html", "政策速递")]
    [DataRow("mee-news-qihou-nianbao.shtml", "政策速递")]
    [DataRow("mee-zhiyuan-jianpai-banfa.html", "政策速递")]
    [DataRow("mee-news-anhui-shengwu.shtml", "长三角环发要闻")]
    [DataRow("other-changsanjiao-shuiti.html", "长三角环发要闻")]
    [DataRow("other-shanghai-laji-fenshao.html", "长三角环发要闻")]
    [DataRow("other-cneeex-tanshichang-202310.html", "碳市场")]
    public void Each_sample_goes_to_the_section_its_issuer_and_theme_call_for(string file, string section)
    {
        var router = new SectionRouter(TestData.Briefs.DefaultTemplate, TestData.Issuers);
        var doc = SampleDocuments.ByFile[file];
        Assert.AreEqual(section, router.Place(doc)?.Title, $"{doc.Title} [{string.Join(",", doc.Issuers)}] [{string.Join(",", doc.Themes)}]");
    }
}
