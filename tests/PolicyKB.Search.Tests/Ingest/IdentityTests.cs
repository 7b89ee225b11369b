using PolicyKB.Model;
using PolicyKB.Search.Ingest;

namespace PolicyKB.Search.Tests.Ingest;

/// <summary>Two records become one document only when their own evidence says they are the same text.</summary>
[TestClass]
public sealed class IdentityTests
{
    private const string Title = "关于对打击固体废物环境违法行为专项行动中发现的突出问题解除挂牌督办的通知";

    private static PolicyDocument Letter(string id, string province, string detail, DateOnly written) =>
        Docs.Make(id, Title, $"{province}生态环境厅：按照《关于对2019年打击固体废物环境违法行为专项行动中发现的突出问题挂牌督办的通知》要求，你厅督促相关地方和企业进行整改。{detail}基本达到督办要求，并通过我部组织的核查。经研究，决定解除挂牌督办。") with
        {
            Url = $"https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/{id}.html",
            Site = Site.Mee,
            DocumentNumber = DocumentNumber.Parse("环办执法函〔2021〕57号"),
            WrittenDate = written,
        };

    [TestMethod]
    public void SameTitleAndNumberWithDifferentTextsStayTwoDocumentsShownAsSameNumber()
    {
        using var t = new TestIndex();
        var anhui = Letter("anhui", "安徽省", "宿州市萧县杨楼镇胡庄村被倾倒约3000吨工业固体废物问题", new DateOnly(2021, 2, 7));
        var hubei = Letter("hubei", "湖北省", "襄阳市原孔湾镇砖瓦厂内露天堆存硫酸渣、磷石膏的固体废物问题的整治", new DateOnly(2020, 12, 14));
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(anhui));
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(hubei), "a different letter under the same title and 文号 is a document of its own");
        t.Index.Commit();

        Assert.AreEqual(2, t.Index.Count);
        Assert.AreEqual(1, t.Index.Search(new SearchRequest { Query = "胡庄村" }).Total);
        Assert.AreEqual(1, t.Index.Search(new SearchRequest { Query = "孔湾镇" }).Total);
        CollectionAssert.AreEqual(new[] { "hubei" }, t.Index.Related("anhui").SameNumber.Select(r => r.Id).ToArray(), "同文号");
        CollectionAssert.AreEqual(new[] { "anhui" }, t.Index.Related("hubei").SameNumber.Select(r => r.Id).ToArray());
    }

    [TestMethod]
    public void SameBodyUnderAnotherTitleIsNotFoldedAndItsLaterChangeIsSearchable()
    {
        using var t = new TestIndex();
        var body = string.Concat(Enumerable.Repeat("各地要加强统筹协调，结合实际抓好落实，确保各项任务落地见效。", 3));
        var first = Docs.Make("p1", "关于做好2023年全国碳市场配额分配工作的通知", body) with { Url = "https://www.mee.gov.cn/p1.html" };
        var second = Docs.Make("p2", "关于做好2023年全国碳市场配额清缴工作的通知", body) with { Url = "https://www.mee.gov.cn/p2.html" };
        t.Index.Upsert(first);
        Assert.AreEqual(UpsertOutcome.Added, t.Index.Upsert(second), "the same body with another title is another document");
        t.Index.Commit();

        var changed = second with { Body = [.. second.Body, BodyBlock.Paragraph("清缴截止日期为2024年12月31日。")], ContentHash = "p2-v2" };
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(changed));
        t.Index.Commit();
        var hits = t.Index.Search(new SearchRequest { Query = "清缴截止日期" });
        CollectionAssert.AreEqual(new[] { "p2" }, hits.Hits.Select(h => h.Id).ToArray(), "the new paragraph is searchable");
        Assert.AreEqual(2, t.Index.Count);
    }

    [TestMethod]
    public void RepostUnderALongerTitleWithTheSameTextIsOneDocumentWithTwoSources()
    {
        using var t = new TestIndex();
        var body = "炼油行业是国民经济重要支柱产业。为促进炼油行业绿色创新高质量发展，提出以下意见。到2025年，国内原油一次加工能力控制在10亿吨以内。";
        var ndrc = Docs.Make("ndrc", "关于促进炼油行业绿色创新高质量发展的指导意见", body) with
        {
            Url = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202310/t20231025_1361480.html", Site = Site.Ndrc,
            DocumentNumber = DocumentNumber.Parse("发改能源〔2023〕1364号"), WrittenDate = new DateOnly(2023, 10, 11),
        };
        var govcn = ndrc with
        {
            Id = "govcn", Title = "国家发展改革委等部门关于促进炼油行业绿色创新高质量发展的指导意见",
            Url = "https://www.gov.cn/zhengce/zhengceku/202310/content_6911687.htm", Site = Site.GovCn, ContentHash = "govcn-page",
            PublishedDate = new DateOnly(2023, 10, 26),
        };
        t.Index.Upsert(ndrc);
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(govcn), "folded into the notice");
        Assert.AreEqual(UpsertOutcome.Unchanged, t.Index.Upsert(govcn), "the same page again");
        t.Index.Commit();

        Assert.AreEqual(1, t.Index.Search(new SearchRequest { Query = "炼油行业" }).Total, "one hit, not two");
        var kept = t.Index.Get("govcn")!;
        Assert.AreEqual("ndrc", kept.Id);
        var source = kept.Sources.Single(s => s.Site == Site.GovCn);
        Assert.AreEqual(govcn.Title, source.Title, "the repost keeps its own title");
        Assert.AreEqual("govcn-page", source.ContentHash);
        Assert.AreEqual(new DateOnly(2023, 10, 26), source.PublishedDate);
    }

    [TestMethod]
    public void ARepostWhoseTextChangesBecomesADocumentOfItsOwnAgain()
    {
        using var t = new TestIndex();
        var body = "为加快建设全国碳排放权交易市场，现将有关事项通知如下。一、配额分配。二、配额清缴。三、组织实施。";
        var original = Docs.Make("a", "关于做好全国碳市场配额分配工作的通知", body) with
        {
            Url = "https://www.mee.gov.cn/a.html", DocumentNumber = DocumentNumber.Parse("环气候〔2023〕15号"),
        };
        var repost = original with { Id = "b", Url = "https://www.gov.cn/b.htm", Site = Site.GovCn, ContentHash = "b1" };
        t.Index.Upsert(original);
        t.Index.Upsert(repost);
        t.Index.Commit();
        Assert.AreEqual(1, t.Index.Count);

        var revised = repost with { Body = [.. repost.Body, BodyBlock.Paragraph("四、本通知自印发之日起施行，有效期五年。")], ContentHash = "b2" };
        Assert.AreEqual(UpsertOutcome.Updated, t.Index.Upsert(revised));
        t.Index.Commit();
        Assert.AreEqual(2, t.Index.Count, "the changed repost is its own document; the original keeps its text");
        Assert.AreEqual("b", t.Index.Get("b")!.Id);
        Assert.AreEqual("a", t.Index.Get("a")!.Id);
        Assert.IsFalse(t.Index.Get("a")!.Sources.Any(s => s.Id == "b"), "the original no longer names the repost");
        CollectionAssert.AreEqual(new[] { "b" }, t.Index.Search(new SearchRequest { Query = "有效期五年" }).Hits.Select(h => h.Id).ToArray());
    }

    [TestMethod]
    public void TheAttachmentsARepostLinksStayWithTheDocumentWhenTheOriginalIsReadAgain()
    {
        using var t = new TestIndex();
        var body = "为贯彻落实党中央、国务院决策部署，我们研究制定了《国家碳达峰试点建设方案》，现印发给你们，请认真抓好落实。";
        var govcn = Docs.Make("govcn", "国家发展改革委关于印发《国家碳达峰试点建设方案》的通知", body) with
        {
            Url = "https://www.gov.cn/zhengce/zhengceku/202311/content_6913919.htm", DocumentNumber = DocumentNumber.Parse("发改环资〔2023〕1409号"),
        };
        var plan = new Attachment("国家碳达峰试点建设方案", "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/P020231106397417538927.pdf", "pdf");
        var ndrc = govcn with { Id = "ndrc", Url = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html", Site = Site.Ndrc, Attachments = [plan], ContentHash = "ndrc" };
        t.Index.Upsert(govcn);
        t.Index.Upsert(ndrc);
        t.Index.Upsert(govcn with { ContentHash = "govcn-read-again" });
        t.Index.Commit();

        var kept = t.Index.Get("ndrc")!;
        Assert.AreEqual("govcn", kept.Id);
        CollectionAssert.AreEqual(new[] { plan.Url }, kept.Attachments.Select(a => a.Url).ToArray(), "the repost's file is the notice's file");
        Assert.AreEqual("govcn", t.Index.FindAttachmentParent("P020231106397417538927.pdf")?.Id, "an attachment file imported later finds its notice");
    }

    [TestMethod]
    public void DifferentWrittenDatesOrNumbersAreNeverTheSameText()
    {
        var a = Letter("x", "安徽省", "同一问题", new DateOnly(2021, 2, 7));
        Assert.IsTrue(TextIdentity.SameText(a, a with { Id = "y" }));
        Assert.IsFalse(TextIdentity.SameText(a, a with { WrittenDate = new DateOnly(2021, 2, 8) }));
        Assert.IsFalse(TextIdentity.SameText(a, a with { DocumentNumber = DocumentNumber.Parse("环办执法函〔2021〕58号") }));
        Assert.IsFalse(TextIdentity.SameText(a, a with { Title = "关于解除挂牌督办的通知" }), "a short title is no repost's title");
    }

    /// <summary>On the real MEE texts: letters that share a title are kept apart unless their texts are the same.</summary>
    [TestMethod]
    public void RealLettersSharingATitleAreFoldedOnlyWhenTheirTextsAreTheSame()
    {
        if (Docs.MeeCorpus() is not { } docs) { Assert.Inconclusive("../shared/reference/corpus is not on this machine"); return; }
        var pairs = docs.GroupBy(d => d.Title).Where(g => g.Count() > 1)
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b)))).ToList();
        Assert.IsGreaterThan(100, pairs.Count, "the corpus holds many same-title letters");
        var folded = pairs.Where(p => TextIdentity.SameText(p.a, p.b)).ToList();
        foreach (var (a, b) in folded)
            Assert.IsGreaterThanOrEqualTo(TextIdentity.Threshold, TextIdentity.Similarity(a.BodyText, b.BodyText), $"{a.Url} ~ {b.Url}");
        var different = pairs.Count(p => TextIdentity.Similarity(p.a.BodyText, p.b.BodyText) < TextIdentity.Threshold);
        Console.WriteLine($"{pairs.Count} same-title pairs: {different} different texts, all kept apart; {folded.Count} folded as one text");
        Assert.IsGreaterThan(100, different);
    }
}
