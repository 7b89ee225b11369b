using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Normalise;

/// <summary>Document types, themes and CCER methodologies from their data files.</summary>
[TestClass]
public sealed class NormaliseTests
{
    [TestMethod]
    [DataRow(null, "关于印发《国家碳达峰试点建设方案》的通知", "通知")]
    [DataRow(null, "关于促进炼油行业绿色创新高质量发展的指导意见(发改能源〔2023〕1364号)", "意见")]
    [DataRow(null, "温室气体自愿减排交易管理办法（试行）", "办法")]
    [DataRow(null, "2030年前碳达峰行动方案", "方案")]
    [DataRow(null, "算力基础设施高质量发展行动计划", "计划")]
    [DataRow(null, "关于同意设立某示范区的批复", "批复")]
    [DataRow("意见", "关于某事的通知", "意见")]
    [DataRow(null, "某地举行新闻发布会", null)]
    public void Document_type_comes_from_the_page_else_the_title(string? given, string title, string? expected)
        => Assert.AreEqual(expected, TestData.Import.DocumentTypes.Resolve(given, title));

    [TestMethod]
    public void Themes_are_assigned_by_weighted_keywords_over_title_and_body()
    {
        var themes = TestData.Import.Themes.Assign("关于加快发展绿色金融的意见", "鼓励绿色信贷和绿色债券，推动可再生能源。");
        CollectionAssert.Contains(themes.ToList(), "绿色金融");
        CollectionAssert.DoesNotContain(themes.ToList(), "生态保护");
    }

    [TestMethod]
    public void Theme_taxonomy_holds_the_required_themes()
    {
        var names = TestData.Import.Themes.Themes.Select(t => t.Name).ToList();
        foreach (var required in new[] { "碳市场", "绿色金融", "绿色技术", "应对气候变化", "生态保护", "污染防治", "能源转型", "产业绿色转型", "区域发展" })
            CollectionAssert.Contains(names, required);
    }

    [TestMethod]
    public void Theme_keywords_match_in_any_case_and_body_counts_stop_at_the_cap()
    {
        var rule = new ThemeRule("碳市场", 3, new Dictionary<string, int> { ["CCER"] = 1 });
        var rules = new ThemeRules([rule], titleWeight: 3, maxCountPerKeyword: 3);
        Assert.AreEqual(3, rules.Score(rule, "关于ccer的通知", ""), "a title mention counts the title weight");
        Assert.AreEqual(2, rules.Score(rule, "通知", "Ccer 与 cCeR"));
        Assert.AreEqual(3, rules.Score(rule, "通知", string.Join("，", Enumerable.Repeat("CCER", 10))));
        Assert.AreEqual(0, rules.Assign("通知", "CCER CCER").Count);
        CollectionAssert.AreEqual(new[] { "碳市场" }, rules.Assign("通知", "ccer CCER Ccer ccer").ToList());
    }

    [TestMethod]
    public void A_single_passing_mention_does_not_assign_a_theme()
        => Assert.AreEqual(0, TestData.Import.Themes.Assign("关于召开工作会议的通知", "会议将讨论节能工作。").Count);

    [TestMethod]
    public void Methodologies_are_found_with_name_sector_and_version()
    {
        var found = TestData.Import.Methodologies.Find(["印发了《温室气体自愿减排项目方法学 造林碳汇（CCER-14-001-V01）》《温室气体自愿减排项目方法学 并网光热发电（CCER－01－001－V01）》，另见CCER-14-001-V01。"]);
        CollectionAssert.AreEqual(new[]
        {
            new Methodology("CCER-14-001-V01", "造林碳汇", "林业和其他碳汇类型", "V01"),
            new Methodology("CCER-01-001-V01", "并网光热发电", "能源产业（可再生/不可再生资源）", "V01"),
        }, found.ToArray());
    }

    [TestMethod]
    public void A_bare_code_gives_a_methodology_without_name()
    {
        var m = TestData.Import.Methodologies.Find(["代码CCER-01-002-V02"]).Single();
        Assert.IsNull(m.Name);
        Assert.AreEqual("V02", m.Version);
    }
}
