using System.Text.RegularExpressions;
using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

[TestClass]
public sealed partial class PolicyIndexStatusTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ALaterRepealingTextTurnsTheIndexedDocument已废止WithoutRewritingIt()
    {
        var old = Docs.Make("old", "关于加强企业温室气体排放报告管理的通知", "本通知自印发之日起施行。")
            with { DocumentNumber = DocumentNumber.Parse("环办气候〔2021〕9号"), PublishedDate = new DateOnly(2021, 3, 29) };
        using var t = new TestIndex(documents: [old]);
        Assert.AreEqual(StatusStates.InForce, t.Index.Status("old")!.State);

        var repealing = Docs.Make("new", "关于做好全国碳市场排放报告核查工作的通知",
            "本通知自印发之日起施行，环办气候〔2021〕9号文件同时废止。") with { PublishedDate = new DateOnly(2023, 2, 7) };
        t.Index.Upsert(repealing);
        t.Index.Refresh();

        var status = t.Index.Status("old")!;
        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual("new", status.By.Single().Id);
        Assert.AreEqual(old.ContentHash, t.Index.Get("old")!.ContentHash);
        Assert.IsNull(t.Index.Status("missing"));
    }

    [TestMethod]
    public void AMuchCitedDocumentStillFindsTheLaterTextThatRepealsIt()
    {
        using var t = new TestIndex();
        t.Index.Upsert(Docs.Make("law", "排污许可管理条例", "本条例自2021年3月1日起施行。") with { PublishedDate = new DateOnly(2021, 1, 29) });
        for (var i = 0; i < 250; i++)
            t.Index.Upsert(Docs.Make($"citer{i}", $"关于落实排污许可制度的通知{i}", "根据《排污许可管理条例》，现就有关工作通知如下。")
                with { PublishedDate = new DateOnly(2022, 1, 1).AddDays(i) });
        t.Index.Upsert(Docs.Make("repeal", "排污许可管理法", "本法自2030年1月1日起施行，《排污许可管理条例》同时废止。") with { PublishedDate = new DateOnly(2029, 6, 1) });
        t.Index.Commit();

        Assert.AreEqual(StatusStates.Repealed, t.Index.Status("law")!.State);
    }

    [TestMethod]
    public void ARepealOlderThanTheNewestTwoHundredCitersStillRepeals()
    {
        // The repealing text came first; hundreds of later texts merely cite the repealed one (as reposts and
        // reviews do). Reading the newest 200 citers left the repeal out, and the law read as in force.
        using var t = new TestIndex();
        t.Index.Upsert(Docs.Make("law", "排污许可管理条例", "本条例自2021年3月1日起施行。") with { PublishedDate = new DateOnly(2021, 1, 29) });
        t.Index.Upsert(Docs.Make("repeal", "排污许可管理法", "本法自2022年1月1日起施行，《排污许可管理条例》同时废止。") with { PublishedDate = new DateOnly(2021, 6, 1) });
        for (var i = 0; i < 250; i++)
            t.Index.Upsert(Docs.Make($"citer{i}", $"关于回顾排污许可制度的通知{i}", "《排污许可管理条例》曾规定了排污许可的程序。")
                with { PublishedDate = new DateOnly(2022, 1, 1).AddDays(i) });
        t.Index.Commit();

        var status = t.Index.Status("law")!;
        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual("repeal", status.By.Single().Id);
        Assert.AreEqual(1, t.Index.Search(new SearchRequest { Query = "排污许可管理条例", Statuses = [StatusStates.Repealed] }).Total);
    }

    [TestMethod]
    public void AnAttachmentIsRepealedWithItsNotice()
    {
        var notice = Docs.Make("notice", "关于印发《企业温室气体排放核查技术指南》的通知", "现将《企业温室气体排放核查技术指南》印发给你们。")
            with { DocumentNumber = DocumentNumber.Parse("环办气候函〔2021〕130号"), PublishedDate = new DateOnly(2021, 3, 26) };
        var guide = Docs.Make("guide", "企业温室气体排放核查技术指南", "一、适用范围。本指南规定了核查的程序和要点。")
            with { ParentId = "notice", PublishedDate = new DateOnly(2021, 3, 26) };
        var other = Docs.Make("other", "企业温室气体排放报告编制指南", "一、适用范围。本指南规定了报告的编制。")
            with { ParentId = "notice2", PublishedDate = new DateOnly(2021, 3, 26) };
        var repealing = Docs.Make("new", "关于印发《企业温室气体排放报告核查指南》的通知",
            "现将有关指南印发给你们。环办气候函〔2021〕130号文件同时废止。") with { PublishedDate = new DateOnly(2022, 12, 19) };
        using var t = new TestIndex(documents: [notice, guide, other, repealing]);

        var status = t.Index.Status("guide")!;

        Assert.AreEqual(StatusStates.Repealed, status.State);
        Assert.AreEqual("new", status.By.Single().Id);
        Assert.AreEqual(StatusStates.InForce, t.Index.Status("new")!.State);
        Assert.AreNotEqual(StatusStates.Repealed, t.Index.Status("other")!.State);
    }

    [TestMethod]
    public void ADraftFindsItsFinalTextByTitle()
    {
        var draft = Docs.Make("draft", "碳排放权交易管理办法（征求意见稿）", "现公开征求意见。") with { PublishedDate = new DateOnly(2024, 3, 1) };
        var final = Docs.Make("final", "碳排放权交易管理办法", "本办法自2025年2月1日起施行。") with { PublishedDate = new DateOnly(2024, 12, 20) };
        using var t = new TestIndex(documents: [draft, final]);

        var status = t.Index.Status("draft")!;

        Assert.AreEqual(StatusStates.Draft, status.State);
        Assert.AreEqual("final", status.By.Single().Id);
    }

    [GeneratedRegex(@"/t(?<d>\d{8})_")] private static partial Regex UrlDay();

    /// <summary>Runs the rules over the real MEE texts (dated by their URLs) and prints what they found; a report, with a floor that rules out a dead rule.</summary>
    [TestMethod]
    public void OverTheRealMeeTexts()
    {
        var corpus = Docs.MeeCorpus();
        if (corpus is null) { Assert.Inconclusive("../shared/reference/corpus is absent."); return; }
        var dated = corpus.Select(d => UrlDay().Match(d.Url ?? "") is { Success: true } m
            ? d with { PublishedDate = DateOnly.ParseExact(m.Groups["d"].Value, "yyyyMMdd", CultureInfo.InvariantCulture), DocumentNumber = DocumentNumber.Find(d.BodyText[..Math.Min(200, d.BodyText.Length)]) }
            : d).ToList();
        using var t = new TestIndex(documents: dated);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var statuses = dated.Select(d => (Doc: d, Status: t.Index.Status(d.Id)!)).ToList();
        TestContext.WriteLine($"{statuses.Count} statuses in {clock.ElapsedMilliseconds} ms");
        foreach (var group in statuses.GroupBy(s => s.Status.State).OrderBy(g => g.Key, StringComparer.Ordinal))
            TestContext.WriteLine($"{group.Key}: {group.Count()}");
        foreach (var (doc, status) in statuses.Where(s => s.Status.State is StatusStates.Repealed or StatusStates.Revised || s.Status.By.Count > 0))
            TestContext.WriteLine($"{status.State} {doc.Title} ← {string.Join("; ", status.By.Select(b => b.Title))}\n    {status.Evidence}");

        var states = statuses.Select(s => s.Status.State).ToHashSet();
        Assert.IsTrue(states.Contains(StatusStates.InForce) && states.Contains(StatusStates.Draft), string.Join(",", states));
        Assert.IsTrue(statuses.Count(s => s.Status.State == StatusStates.InForce) > dated.Count / 10);
    }
}
