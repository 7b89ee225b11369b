using PolicyKB.Model;

namespace PolicyKB.Search.Tests.Related;

[TestClass]
public sealed class RelatedTests
{
    [TestMethod]
    public void CitesCitedByAndSimilar()
    {
        var law = Docs.Make("law", "碳排放权交易管理办法（试行）", "为了规范全国碳排放权交易及相关活动，制定本办法。配额分配与清缴。") with
        {
            DocumentNumber = DocumentNumber.Parse("生态环境部令第19号") ?? DocumentNumber.Parse("环气候〔2020〕19号"),
        };
        var notice = Docs.Make("notice", "关于做好配额分配工作的通知", "根据《碳排放权交易管理办法（试行）》和环气候〔2020〕19号文，现就配额分配与清缴有关工作通知如下。");
        var similar = Docs.Make("similar", "配额分配与清缴工作指南", "配额分配与清缴工作要求。配额分配与清缴的时间安排。");
        var other = Docs.Make("other", "垃圾焚烧发电厂管理", "垃圾焚烧厂的排放监测。");
        using var t = new TestIndex(documents: [law, notice, similar, other]);

        var ofNotice = t.Index.Related("notice");
        CollectionAssert.AreEqual(new[] { "law" }, ofNotice.Cites.Select(d => d.Id).ToList());
        var ofLaw = t.Index.Related("law");
        CollectionAssert.AreEqual(new[] { "notice" }, ofLaw.CitedBy.Select(d => d.Id).ToList());
        Assert.IsFalse(ofLaw.Similar.Any(d => d.Id == "law"));
        Assert.IsFalse(ofNotice.Similar.Any(d => d.Id == "other"));
        Assert.AreEqual(new RelatedDocuments([], [], []).Cites.Count, t.Index.Related("missing").Cites.Count);
    }

    [TestMethod]
    public void AnAttachmentNamesItsNoticeAndTheNoticeListsItsAttachments()
    {
        var notice = Docs.Make("notice", "关于印发《碳达峰试点建设方案》的通知", "现将《碳达峰试点建设方案》印发给你们。");
        var plan = Docs.Make("plan", "碳达峰试点建设方案", "试点城市和园区要制定碳达峰实施方案。") with { ParentId = "notice" };
        var other = Docs.Make("other", "碳达峰实施方案编制指南", "编制碳达峰实施方案。");
        using var t = new TestIndex(documents: [notice, plan, other]);

        var hits = t.Index.Search(new SearchRequest { Query = "碳达峰" }).Hits.ToDictionary(h => h.Id);
        Assert.AreEqual(new RelatedDocument("notice", notice.Title, null, null), hits["plan"].Parent);
        Assert.IsNull(hits["notice"].Parent);
        Assert.IsNull(hits["other"].Parent);

        Assert.AreEqual("notice", t.Index.Related("plan").Parent?.Id);
        CollectionAssert.AreEqual(new[] { "plan" }, t.Index.Related("notice").Attachments.Select(d => d.Id).ToList());
        Assert.IsEmpty(t.Index.Related("other").Attachments);
    }

    [TestMethod]
    public void AnAttachmentWhoseNoticeIsGoneHasNoParentToShow()
    {
        var plan = Docs.Make("plan", "碳达峰试点建设方案", "试点城市和园区要制定碳达峰实施方案。") with { ParentId = "deleted-notice" };
        using var t = new TestIndex(documents: [plan]);
        Assert.IsNull(t.Index.Search(new SearchRequest { Query = "碳达峰" }).Hits.Single().Parent);
        Assert.IsNull(t.Index.Related("plan").Parent);
    }
}
