using PolicyKB.Search.Compare;

namespace PolicyKB.Search.Tests.Compare;

/// <summary>The comparison of Chinese texts: paragraphs aligned, then sentences, then characters inside changed sentences.</summary>
[TestClass]
public sealed class TextDiffTests
{
    private static string Side(IReadOnlyList<DiffRun> runs) => string.Concat(runs.Select(r => r.Kind switch
    {
        DiffKind.Inserted => "[+" + r.Text + "]",
        DiffKind.Deleted => "[-" + r.Text + "]",
        _ => r.Text,
    }));

    [TestMethod]
    public void SentencesEndAfterTheirPunctuationAndAClosingQuote()
    {
        CollectionAssert.AreEqual(new[] { "现将有关事项通知如下。", "请遵照执行！", "“一律不得新增。”", "未完的句子" },
            TextDiff.Sentences("现将有关事项通知如下。请遵照执行！“一律不得新增。”未完的句子").ToList());
    }

    [TestMethod]
    public void AChangedFigureIsMarkedCharacterByCharacterInsideItsSentence()
    {
        var result = TextDiff.Compare(
            ["到2025年，单位国内生产总值能耗比2020年下降13.5%。各地要抓好落实。"],
            ["到2025年，单位国内生产总值能耗比2020年下降14%左右。各地要抓好落实。"]);

        var row = result.Rows.Single();
        Assert.IsTrue(row.Changed);
        Assert.AreEqual("到2025年，单位国内生产总值能耗比2020年下降1[-3.5]%。各地要抓好落实。", Side(row.Old.Single()));
        Assert.AreEqual("到2025年，单位国内生产总值能耗比2020年下降1[+4]%[+左右]。各地要抓好落实。", Side(row.New.Single()));
        Assert.AreEqual(3, result.Inserted);
        Assert.AreEqual(3, result.Deleted);
    }

    [TestMethod]
    public void UnchangedParagraphsStayAlignedAroundAnAddedOne()
    {
        var result = TextDiff.Compare(
            ["一、总体要求", "坚持节约优先。", "二、主要任务"],
            ["一、总体要求", "坚持节约优先。", "坚持系统观念，统筹发展和减排。", "二、主要任务"]);

        CollectionAssert.AreEqual(new[] { false, false, true, false }, result.Rows.Select(r => r.Changed).ToList());
        var added = result.Rows[2];
        Assert.AreEqual(0, added.Old.Count);
        Assert.AreEqual("[+坚持系统观念，统筹发展和减排。]", Side(added.New.Single()));
        Assert.AreEqual(0, result.Deleted);
    }

    [TestMethod]
    public void AnInsertedSentenceIsOneRunNotScatteredCharacters()
    {
        var result = TextDiff.Compare(["本办法自印发之日起施行。"], ["本办法自印发之日起施行。原《碳排放权交易管理暂行办法》同时废止。"]);

        Assert.AreEqual("本办法自印发之日起施行。[+原《碳排放权交易管理暂行办法》同时废止。]", Side(result.Rows.Single().New.Single()));
        Assert.AreEqual("本办法自印发之日起施行。", Side(result.Rows.Single().Old.Single()));
    }

    [TestMethod]
    public void SentencesThatShareLittleAreShownRemovedAndAddedWhole()
    {
        var result = TextDiff.Compare(["各省级生态环境部门要加强督促指导。"], ["重点排放单位应当按时足额清缴配额。"]);

        var row = result.Rows.Single();
        Assert.AreEqual("[-各省级生态环境部门要加强督促指导。]", Side(row.Old.Single()));
        Assert.AreEqual("[+重点排放单位应当按时足额清缴配额。]", Side(row.New.Single()));
    }

    [TestMethod]
    public void TheDraftMarkerLeavingTheTitleIsADeletion()
    {
        var result = TextDiff.Compare(["碳排放权交易管理办法（征求意见稿）", "第一条 为了规范碳排放权交易。"], ["碳排放权交易管理办法", "第一条 为了规范碳排放权交易。"]);

        Assert.AreEqual("碳排放权交易管理办法[-（征求意见稿）]", Side(result.Rows[0].Old.Single()));
        Assert.AreEqual("碳排放权交易管理办法", Side(result.Rows[0].New.Single()));
        Assert.IsFalse(result.Rows[1].Changed);
    }

    [TestMethod]
    public void IdenticalTextsAreTheSame()
    {
        var result = TextDiff.Compare(["现就有关事项通知如下。"], ["现就有关事项通知如下。"]);
        Assert.IsTrue(result.Same);
        Assert.IsFalse(result.Rows.Single().Changed);
    }

    [TestMethod]
    public void EveryCharacterOfBothTextsIsOnItsSide()
    {
        string[] before = ["第一条 为了规范碳排放权交易。", "第二条 本办法适用于全国碳排放权交易市场。", "第三条 全国碳排放权交易应当遵循公开、公平的原则。"];
        string[] after = ["第一条 为了规范全国碳排放权交易及相关活动。", "第三条 全国碳排放权交易及相关活动应当坚持市场导向。", "第四条 生态环境部负责组织建立全国碳排放权注册登记机构。"];

        var result = TextDiff.Compare(before, after);

        Assert.AreEqual(string.Concat(before), string.Concat(result.Rows.SelectMany(r => r.Old).SelectMany(p => p).Where(r => r.Kind != DiffKind.Inserted).Select(r => r.Text)));
        Assert.AreEqual(string.Concat(after), string.Concat(result.Rows.SelectMany(r => r.New).SelectMany(p => p).Where(r => r.Kind != DiffKind.Deleted).Select(r => r.Text)));
    }
}
