using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolicyKB.Search;
using PolicyKB.Search.Status;

namespace PolicyKB.Briefs.Tests;

/// <summary>The 效力 line under a brief item: only for what a reader must be warned of.</summary>
[TestClass]
public sealed class StatusLineTests
{
    private static readonly StatusSource Later = new("new", "关于做好全国碳市场排放报告核查工作的通知", new DateOnly(2023, 2, 7));

    [TestMethod]
    public void ARepealedItemNamesTheRepealingTextAndTheDay() =>
        Assert.AreEqual("效力：已废止（自2023年3月1日起，被《关于做好全国碳市场排放报告核查工作的通知》废止）",
            StatusLine.For(new DocumentStatus(StatusStates.Repealed, new DateOnly(2023, 3, 1), [Later], "…同时废止。")));

    [TestMethod]
    public void AnExpiredItemGivesTheLastDayOfItsValidity() =>
        Assert.AreEqual("效力：已失效（有效期至2025年12月31日）",
            StatusLine.For(new DocumentStatus(StatusStates.Expired, new DateOnly(2026, 1, 1), [], "有效期至2025年12月31日。") { Until = new DateOnly(2025, 12, 31) }));

    [TestMethod]
    public void ADraftSaysWhetherItsFinalTextIsOut()
    {
        Assert.AreEqual("效力：征求意见稿（正式文本《碳排放权交易管理办法》已发布）",
            StatusLine.For(new DocumentStatus(StatusStates.Draft, null, [new StatusSource("f", "碳排放权交易管理办法", null)], null)));
        Assert.AreEqual("效力：征求意见稿", StatusLine.For(new DocumentStatus(StatusStates.Draft, null, [], null)));
    }

    [TestMethod]
    public void InForceAndUnknownGetNoLine()
    {
        Assert.IsNull(StatusLine.For(new DocumentStatus(StatusStates.InForce, new DateOnly(2023, 1, 1), [], "本通知自印发之日起施行。")));
        Assert.IsNull(StatusLine.For(DocumentStatus.Unknown));
    }

    [TestMethod]
    public void ABriefOfARepealedNoticeCarriesItsStatusLineInEveryFormat()
    {
        var dir = Directory.CreateTempSubdirectory("policykb-briefs-").FullName;
        try
        {
            using var index = PolicyIndex.Open(dir, TestData.IndexOptions);
            var old = TestDocuments.Doc("old", "关于加强企业温室气体排放报告管理的通知", ["生态环境部"], [], "2021-03-29", number: "环办气候〔2021〕9号",
                paragraphs: ["为加强企业温室气体排放报告管理，现就有关事项通知如下。", "本通知自印发之日起施行。"]);
            var later = TestDocuments.Doc("new", Later.Title, ["生态环境部"], [], "2023-02-07",
                paragraphs: ["为做好排放报告核查工作，现将有关事项通知如下。", "本通知自2023年3月1日起施行，《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。"]);
            index.Upsert(old);
            index.Upsert(later);
            index.Commit();

            var brief = new BriefBuilder(index, new FakeTimeProvider(new DateTimeOffset(2023, 10, 31, 9, 0, 0, TimeSpan.Zero)), TestData.Briefs)
                .Build(new BriefRequest { Ids = ["old", "new"], Number = 1, Date = new DateOnly(2023, 10, 31) });

            var line = "效力：已废止（自2023年3月1日起，被《关于做好全国碳市场排放报告核查工作的通知》废止）";
            Assert.AreEqual(line, brief.AllItems.Single(i => i.Id == "old").Status);
            Assert.IsNull(brief.AllItems.Single(i => i.Id == "new").Status);
            StringAssert.Contains(Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Markdown).Content), "**" + line + "**");
            StringAssert.Contains(Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Html).Content), "<p class=\"status\">" + line + "</p>");
            Assert.IsTrue(BriefRenderer.Render(brief, BriefFormat.Docx).Content.Length > 0);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
