namespace PolicyKB.Briefs.Tests.Templates;

[TestClass]
public sealed class BriefTemplateTests
{
    [TestMethod]
    public void The_default_template_has_the_bulletin_sections_in_order()
    {
        var t = TestData.Briefs.DefaultTemplate;
        Assert.AreEqual("长三角绿色发展观察", t.Name);
        CollectionAssert.AreEqual(new[] { "政策速递", "长三角环发要闻", "绿色实践" }, t.Sections.Select(s => s.Title).ToList());
        CollectionAssert.AreEqual(new[] { "碳市场", "绿色金融", "绿色技术" }, t.Sections[2].Sections.Select(s => s.Title).ToList());
    }

    [TestMethod]
    public void A_template_survives_a_round_trip_through_its_file_shape()
    {
        var again = BriefTemplate.Parse(TestData.Briefs.DefaultTemplate.ToJson());
        Assert.IsTrue(again.Success, again.Error);
        Assert.AreEqual(TestData.Briefs.DefaultTemplate.ToJson(), again.Value.ToJson());
    }

    [TestMethod]
    public void Bad_templates_give_errors_that_name_the_problem()
    {
        StringAssert.Contains(BriefTemplate.Parse("{").Error, "not a valid brief template");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "空" } ] }""").Error, "neither a rule nor sub-sections");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": {} } ] }""").Error, "names nothing");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sectoins": [] }""").Error, "not a valid brief template");
        StringAssert.Contains(BriefTemplate.Load("/nonexistent/t.json").Error, "does not exist");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "sections": [ { "title": "b", "sections": [ { "title": "c", "rule": { "sites": ["mee"] } } ] } ] } ] }""").Error, "at most two levels");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": { "issuerLevels": ["Ministy"] } } ] }""").Error, "unknown issuer level 'Ministy'");
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": { "or": [ { "sites": ["gov"] } ] } } ] }""").Error, "unknown site 'gov'");
    }

    [TestMethod]
    public void The_lead_date_reads_from_its_file_name_and_an_unknown_one_is_refused()
    {
        Assert.AreEqual(LeadDate.Published, TestData.Briefs.DefaultTemplate.Summary.LeadDate);
        var written = BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": { "sites": ["mee"] } } ], "summary": { "leadDate": "written" } }""");
        Assert.AreEqual(LeadDate.Written, written.Value.Summary.LeadDate);
        StringAssert.Contains(BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": { "sites": ["mee"] } } ], "summary": { "leadDate": "signed" } }""").Error,
            "not a valid brief template");
    }

    [TestMethod]
    public void Item_order_reads_from_its_file_name()
    {
        var t = BriefTemplate.Parse("""{ "name": "x", "sections": [ { "title": "a", "rule": { "sites": ["mee"] }, "order": "editor" } ] }""");
        Assert.AreEqual(ItemOrder.Editor, t.Value.Sections[0].Order);
    }
}
