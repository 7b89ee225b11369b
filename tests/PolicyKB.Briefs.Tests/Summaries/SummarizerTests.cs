using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Summaries;

[TestClass]
public sealed class SummarizerTests
{
    private static readonly Summarizer Default = new(new SummaryOptions(), TestData.Briefs.SummaryRules, TestData.Issuers);

    [TestMethod]
    public void Summary_opens_with_a_lead_composed_from_the_metadata_and_keeps_the_dated_targets()
    {
        var summary = Default.Summarize(TestDocuments.PeakPilots, []);

        Assert.AreEqual("2023年10月20日，国家发展改革委印发《国家碳达峰试点建设方案》。", summary[0]);
        var all = string.Concat(summary);
        StringAssert.Contains(all, "到2025年，试点城市和园区");
        StringAssert.Contains(all, "到2030年，试点城市和园区");
    }

    [TestMethod]
    public void Without_a_known_issuer_the_lead_is_the_documents_own_decision_sentence_not_one_that_only_mentions_a_release()
    {
        var doc = TestDocuments.Doc("d1", "算力行动计划", [], [], "2023-10-09", Site.GovCn, null,
            "从提升网络安全、强化数据安全等方面进行部署，各方面工作同步发布。",
            "工业和信息化部等六部门联合印发《算力基础设施高质量发展行动计划》，部署25项重点任务。");
        StringAssert.StartsWith(Default.Summarize(doc, [])[0], "工业和信息化部等六部门联合印发《算力基础设施高质量发展行动计划》");
    }

    [TestMethod]
    public void After_the_lead_a_summary_is_made_of_whole_sentences_of_the_document()
    {
        var doc = TestDocuments.InclusiveFinance;
        var summary = Default.Summarize(doc, []);

        Assert.IsTrue(summary.Count is >= 2 and <= 3, $"{summary.Count} paragraphs");
        var body = doc.BodyText;
        foreach (var paragraph in summary.Skip(1))
        {
            Assert.IsTrue(paragraph.EndsWith('。'), paragraph);
            foreach (var sentence in paragraph.Split('。', StringSplitOptions.RemoveEmptyEntries))
                StringAssert.Contains(body, sentence + "。");
        }
    }

    [TestMethod]
    public void Summary_leaves_out_salutation_headings_signature_and_closing_formula()
    {
        var all = string.Concat(Default.Summarize(TestDocuments.InclusiveFinance, []));

        Assert.IsFalse(all.Contains("各省、自治区"), all);
        Assert.IsFalse(all.Contains("总体要求"), all);
        Assert.IsFalse(all.Contains("请认真贯彻执行"), all);
        Assert.IsFalse(all.Contains("印发给你们"), all);
    }

    [TestMethod]
    public void Summary_stays_within_the_length_limit_without_cutting_sentences()
    {
        var tight = new Summarizer(new SummaryOptions { MaxChars = 100 }, TestData.Briefs.SummaryRules, TestData.Issuers);
        var summary = tight.Summarize(TestDocuments.PeakPilots, []);

        Assert.IsTrue(string.Concat(summary).Length <= 100, string.Concat(summary));
        Assert.IsTrue(summary.All(p => p.EndsWith('。')));
    }

    [TestMethod]
    public void Summary_with_one_paragraph_allowed_joins_everything_into_one()
    {
        var one = new Summarizer(new SummaryOptions { MaxParagraphs = 1 }, TestData.Briefs.SummaryRules, TestData.Issuers);
        Assert.AreEqual(1, one.Summarize(TestDocuments.PeakPilots, []).Count);
    }

    [TestMethod]
    public void Query_terms_pull_in_the_sentences_that_hold_them()
    {
        var doc = TestDocuments.Doc("q1", "关于加强若干工作的通知", ["生态环境部"], [], "2023-10-01", Site.Mee, null,
            "生态环境部印发通知，部署加强若干方面的重点工作。",
            "要加强组织领导，完善工作机制，强化督促检查。",
            "要健全考核评价，推动责任落实，提升工作实效。",
            "要规范档案管理，推进信息公开，加强宣传引导。",
            "要完善红树林保护修复制度，扩大红树林营造面积。");
        var narrow = new Summarizer(new SummaryOptions { MaxSentencesPerParagraph = 1 }, TestData.Briefs.SummaryRules, TestData.Issuers);

        var without = string.Concat(narrow.Summarize(doc, []));
        var with = string.Concat(narrow.Summarize(doc, ["红树林"]));

        Assert.IsFalse(without.Contains("红树林"), without);
        StringAssert.Contains(with, "红树林");
    }

    [TestMethod]
    public void The_same_document_gives_the_same_summary()
    {
        var first = Default.Summarize(TestDocuments.InclusiveFinance, ["绿色"]);
        var second = Default.Summarize(TestDocuments.InclusiveFinance, ["绿色"]);
        CollectionAssert.AreEqual(first.ToList(), second.ToList());
    }

    [TestMethod]
    public void A_document_without_complete_sentences_gets_only_its_lead_and_without_an_issuer_nothing()
    {
        var doc = TestDocuments.Doc("e1", "附件清单", ["生态环境部"], [], "2023-10-01", Site.Mee, "环办某〔2023〕1号", "附件1：名单", "生态环境部办公厅");
        CollectionAssert.AreEqual(new[] { "2023年10月1日，生态环境部印发《附件清单》。" }, Default.Summarize(doc, []).ToList());
        Assert.AreEqual(0, Default.Summarize(doc with { Issuers = [] }, []).Count);
    }
}
