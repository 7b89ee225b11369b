namespace PolicyKB.Briefs.Tests.Summaries;

[TestClass]
public sealed class SentencesTests
{
    [TestMethod]
    public void Closing_quotes_stay_with_their_sentence_and_an_unfinished_tail_is_dropped()
    {
        var parts = Sentences.Split("按照“成熟一个，发布一个。”的原则推进工作。未完的半句", TestData.Briefs.SummaryRules).ToList();
        CollectionAssert.AreEqual(new[] { "按照“成熟一个，发布一个。”", "的原则推进工作。" }, parts);
    }

    [TestMethod]
    public void Enumerators_and_salutations_are_removed_from_the_start()
    {
        Assert.AreEqual("到2025年，基本建立制度体系。", Sentences.Split("（一）到2025年，基本建立制度体系。", TestData.Briefs.SummaryRules).Single());
        Assert.AreEqual("现提出如下意见供参考执行。", Sentences.Split("各有关单位：现提出如下意见供参考执行。", TestData.Briefs.SummaryRules).Single());
        Assert.AreEqual("为了规范交易活动，制定本办法。", Sentences.Split("第一条　为了规范交易活动，制定本办法。", TestData.Briefs.SummaryRules).Single());
    }

    [TestMethod]
    public void Flat_text_that_runs_title_and_addressees_into_the_first_sentence_starts_after_them()
    {
        var doc = TestDocuments.Doc("f1", "关于印发《某规划》的通知", ["生态环境部"], [], "2022-11-01", PolicyKB.Model.Site.Mee, null,
            "关于印发《某规划》的通知各省、自治区、直辖市生态环境厅（局），各派出机构、直属单位:为推进某项工作，我部组织编制了《某规划》。");
        Assert.AreEqual("为推进某项工作，我部组织编制了《某规划》。", Sentences.Of(doc, TestData.Briefs.SummaryRules).Single().Text);
        Assert.AreEqual("你公司的申请收悉。", Sentences.Split("福建某核电有限公司：你公司的申请收悉。", TestData.Briefs.SummaryRules).Single());
    }

    [TestMethod]
    public void Flat_text_that_opens_with_a_masthead_starts_after_masthead_title_and_addressees()
    {
        var doc = TestDocuments.Doc("f2", "关于促进某项投融资的指导意见", [], [], "2020-10-26", PolicyKB.Model.Site.Mee, null,
            "生态环境部国家发展和改革委员会中国人民银行文件环气候〔2020〕57号关于促进某项投融资的指导意见各省、自治区、直辖市生态环境厅（局）：为推进某项工作，现提出如下意见。到2025年，某项投融资规模明显增长。");
        CollectionAssert.AreEqual(new[] { "为推进某项工作，现提出如下意见。", "到2025年，某项投融资规模明显增长。" }, Sentences.Of(doc, TestData.Briefs.SummaryRules).Select(s => s.Text).ToList());
    }

    [TestMethod]
    public void Spaces_between_Chinese_characters_from_line_joins_are_removed()
    {
        Assert.AreEqual("提高系统运行效率和综合效益。", Sentences.Split("提高系统运行效率和综合 效益。", TestData.Briefs.SummaryRules).Single());
    }

    [TestMethod]
    public void Headings_and_dates_are_not_sentences()
    {
        Assert.AreEqual(0, Sentences.Split("一、总体要求", TestData.Briefs.SummaryRules).Count());
        Assert.AreEqual(0, Sentences.Split("2023年10月11日", TestData.Briefs.SummaryRules).Count());
    }
}
