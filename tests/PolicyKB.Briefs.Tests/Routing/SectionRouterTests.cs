using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Routing;

[TestClass]
public sealed class SectionRouterTests
{
    private static readonly SectionRouter Router = new(TestData.Briefs.DefaultTemplate, TestData.Issuers);

    [TestMethod]
    public void State_Council_and_ministry_documents_go_to_the_policy_section_whatever_their_theme()
    {
        Assert.AreEqual("政策速递", Router.Place(TestDocuments.InclusiveFinance)?.Title);
        Assert.AreEqual("政策速递", Router.Place(TestDocuments.PeakPilots)?.Title);
    }

    [TestMethod]
    public void A_Yangtze_delta_authority_goes_to_the_regional_section()
        => Assert.AreEqual("长三角环发要闻", Router.Place(TestDocuments.ShanghaiIncineration)?.Title);

    [TestMethod]
    public void A_Shanghai_body_that_is_not_an_authority_goes_by_its_theme()
        => Assert.AreEqual("碳市场", Router.Place(TestDocuments.CarbonMarketMonth)?.Title);

    [TestMethod]
    public void A_province_outside_the_delta_with_no_matching_theme_is_unclassified()
    {
        var doc = TestDocuments.Doc("g1", "广东省关于加强某项工作的通知", ["广东省人民政府"], ["污染防治"], "2023-10-02");
        Assert.IsNull(Router.Place(doc));
        Assert.IsNull(Router.Place(TestDocuments.Unmatched));
    }

    [TestMethod]
    public void A_page_without_issuers_is_taken_as_issued_by_the_issuer_its_title_begins_with()
    {
        var news = TestDocuments.Doc("n1", "生态环境部发布年度报告", [], ["碳市场"], "2023-10-27", Site.Mee);
        Assert.AreEqual("政策速递", Router.Place(news)?.Title);
    }

    [TestMethod]
    public void A_delta_title_goes_to_the_regional_section_when_the_issuer_is_unknown()
    {
        var plan = TestDocuments.Doc("n2", "长三角生态绿色一体化发展示范区某专项实施方案", [], ["生态保护"], "2023-10-30");
        Assert.AreEqual("长三角环发要闻", Router.Place(plan)?.Title);
    }

    [TestMethod]
    public void Sub_sections_are_tried_in_template_order()
    {
        var doc = TestDocuments.Doc("g2", "某银行推出绿色技术贷款", ["某银行"], ["绿色技术", "绿色金融"], "2023-10-02");
        Assert.AreEqual("绿色金融", Router.Place(doc)?.Title);
    }

    [TestMethod]
    public void A_query_rule_matches_the_ids_its_search_returned()
    {
        var template = new BriefTemplate
        {
            Name = "测试",
            Sections = [new TemplateSection { Title = "红树林", Rule = new SectionRule { Query = "红树林" } },
                        new TemplateSection { Title = "其他", Rule = new SectionRule { Sites = ["other"] } }],
        };
        var router = new SectionRouter(template, TestData.Issuers,
            new Dictionary<string, IReadOnlySet<string>> { ["红树林"] = new HashSet<string> { "a003" } });

        Assert.AreEqual("红树林", router.Place(TestDocuments.ShanghaiIncineration)?.Title);
        Assert.AreEqual("其他", router.Place(TestDocuments.CarbonMarketMonth)?.Title);
        CollectionAssert.AreEqual(new[] { "红树林" }, SectionRouter.Queries(template).ToList());
    }

    [TestMethod]
    public void Criteria_of_one_rule_must_all_hold_and_alternatives_are_any_of()
    {
        var rule = new SectionRule
        {
            Sites = ["ndrc"], Themes = ["碳市场"],
            Or = [new SectionRule { Issuers = ["交易所"] }],
        };
        Assert.IsTrue(Router.Matches(rule, TestDocuments.PeakPilots));
        Assert.IsFalse(Router.Matches(rule, TestDocuments.InclusiveFinance));
        Assert.IsTrue(Router.Matches(rule, TestDocuments.CarbonMarketMonth));
    }
}
