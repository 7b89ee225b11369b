using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>data/briefs/summary-rules.json: one test case per entry, each through a real summary.</summary>
[TestClass]
public sealed class SummaryRulesTests
{
    private static readonly Summarizer Default = new(new SummaryOptions(), TestData.Briefs.SummaryRules, TestData.Issuers);

    public static IEnumerable<object[]> BoilerplateEntries => TestData.Briefs.SummaryRules.Boilerplate.Select(b => new object[] { b.Name });
    public static IEnumerable<object[]> OpeningEntries => TestData.Briefs.SummaryRules.Openings.Select(o => new object[] { o.Name });

    /// <summary>A notice of a known issuer whose body holds the given text between two sentences a summary keeps.</summary>
    private static PolicyDocument NoticeWith(string text) => TestDocuments.Doc("r1", "关于加强某项工作的通知", ["生态环境部"], [], "2023-10-20",
        Site.Mee, "环办某〔2023〕1号",
        "到2025年，某项工作取得积极进展，重点区域排放强度比2020年下降10%。",
        text,
        "各地应当按照本通知要求开展排查，首批在3个省份开展试点。");

    [TestMethod]
    [DynamicData(nameof(BoilerplateEntries))]
    public void A_boilerplate_sentence_is_never_in_a_summary_and_its_keeps_are_not_boilerplate(string name)
    {
        var entry = TestData.Briefs.SummaryRules.Boilerplate.Single(b => b.Name == name);
        foreach (var example in entry.Examples)
        {
            var summary = string.Concat(Default.Summarize(NoticeWith(example), []));
            Assert.IsFalse(summary.Contains(example.TrimEnd('。', '：', ':'), StringComparison.Ordinal), $"{name}: {summary}");
            StringAssert.Contains(summary, "首批在3个省份开展试点", name);
        }
        foreach (var keep in entry.Keeps)
            Assert.IsNull(TestData.Briefs.SummaryRules.BoilerplateOf(keep), $"{name} takes '{keep}'");
    }

    [TestMethod]
    [DynamicData(nameof(OpeningEntries))]
    public void An_opening_is_cut_from_the_start_of_a_paragraph_and_the_text_after_it_stays(string name)
    {
        var entry = TestData.Briefs.SummaryRules.Openings.Single(o => o.Name == name);
        foreach (var example in entry.Examples)
        {
            var opening = entry.Pattern.Match(example).Value;
            var rest = TestData.Briefs.SummaryRules.CutOpenings(example, out _);
            Assert.IsFalse(rest.StartsWith(opening, StringComparison.Ordinal), $"{name}: {rest}");
            StringAssert.EndsWith(example, rest, name);
            var summary = string.Concat(Default.Summarize(NoticeWith(example + "各地应当于年底前报送某项工作进展情况。"), []));
            Assert.IsFalse(summary.Contains(opening, StringComparison.Ordinal), $"{name}: {summary}");
        }
        foreach (var keep in entry.Keeps)
            Assert.AreEqual(keep, TestData.Briefs.SummaryRules.CutOpenings(keep, out _), name);
    }

    [TestMethod]
    public void A_masthead_gives_the_issuers_it_runs_together()
    {
        TestData.Briefs.SummaryRules.CutOpenings("生态环境部国家发展和改革委员会中国人民银行文件环气候〔2020〕57号关于某意见", out var issuers);
        Assert.AreEqual("生态环境部国家发展和改革委员会中国人民银行", issuers);
    }

    [TestMethod]
    public void The_lead_verb_follows_the_document_type_and_defaults_to_印发()
    {
        Assert.AreEqual("发布", TestData.Briefs.SummaryRules.VerbFor("公告"));
        Assert.AreEqual("公布", TestData.Briefs.SummaryRules.VerbFor("名录"));
        Assert.AreEqual("印发", TestData.Briefs.SummaryRules.VerbFor("意见"));
        Assert.AreEqual("印发", TestData.Briefs.SummaryRules.VerbFor(null));
    }

    [TestMethod]
    public void A_rules_file_whose_pattern_misses_its_example_or_takes_a_keep_is_refused_with_the_entrys_name()
    {
        static string? Error(string boilerplate) => SummaryRules.Parse($$"""{ "verbs": { "default": "印发" }, "boilerplate": [ {{boilerplate}} ] }""").Error;

        StringAssert.Contains(Error("""{ "name": "请办理", "pattern": "请办理", "examples": ["请遵照执行。"] }"""), "'请办理': does not match its example '请遵照执行。'");
        StringAssert.Contains(Error("""{ "name": "执行", "pattern": "执行", "examples": ["请遵照执行。"], "keeps": ["要严格执行排放标准。"] }"""), "'执行': matches '要严格执行排放标准。'");
        StringAssert.Contains(Error("""{ "name": "空", "pattern": "特此" }"""), "'空': needs at least one example");
        StringAssert.Contains(Error("""{ "name": "坏", "pattern": "(", "examples": ["("] }"""), "'坏': bad pattern");
        StringAssert.Contains(SummaryRules.Parse("""{ "verb": {} }""").Error, "not a valid summary rules file");
        StringAssert.Contains(SummaryRules.Load("/nonexistent/rules.json").Error, "does not exist");
        Assert.IsTrue(SummaryRules.Load(TestData.Folder.Path(SummaryRules.DefaultFile)).Success);
    }

    [TestMethod]
    public void An_opening_must_match_its_example_at_the_start()
    {
        var error = SummaryRules.Parse("""{ "openings": [ { "name": "文号", "pattern": "〔\\d{4}〕\\d+号", "examples": ["依据某文（环办〔2020〕1号）办理。"] } ] }""").Error;
        StringAssert.Contains(error, "'文号': does not match its example");
    }
}
