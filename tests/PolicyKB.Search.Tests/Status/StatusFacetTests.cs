using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

/// <summary>The 效力 facet in the index: stored values, refreshed by the ingest's revisits, resolved against the clock at query time.</summary>
[TestClass]
public sealed class StatusFacetTests
{
    private static readonly PolicyDocument Old = Docs.Make("old", "关于加强企业温室气体排放报告管理的通知", "本通知自印发之日起施行。")
        with { DocumentNumber = DocumentNumber.Parse("环办气候〔2021〕9号"), PublishedDate = new DateOnly(2021, 3, 29) };

    private static readonly PolicyDocument Repealing = Docs.Make("new", "关于做好全国碳市场排放报告核查工作的通知",
        "本通知自印发之日起施行，《关于加强企业温室气体排放报告管理的通知》（环办气候〔2021〕9号）同时废止。") with { PublishedDate = new DateOnly(2023, 2, 7) };

    private static int Count(SearchResult result, string state) => result.Facets[FacetNames.Status].FirstOrDefault(v => v.Value == state)?.Count ?? 0;

    private static IReadOnlyList<string> Ids(PolicyIndex index, string state) =>
        index.Search(new SearchRequest { Statuses = [state], Size = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

    [TestMethod]
    public void ARepealingTextCommittedLaterTurnsTheStoredStatusOfWhatItRepeals已废止WithoutReimportingIt()
    {
        using var t = new TestIndex(documents: [Old]);
        Assert.AreEqual(1, Count(t.Index.Search(new SearchRequest()), StatusStates.InForce));

        t.Index.Upsert(Repealing);
        t.Index.Commit();

        var result = t.Index.Search(new SearchRequest());
        Assert.AreEqual(1, Count(result, StatusStates.Repealed));
        Assert.AreEqual(1, Count(result, StatusStates.InForce));
        CollectionAssert.AreEqual(new[] { "old" }, Ids(t.Index, StatusStates.Repealed).ToList());
        CollectionAssert.AreEqual(new[] { "new" }, Ids(t.Index, StatusStates.InForce).ToList());
        Assert.AreEqual(Old.ContentHash, t.Index.Get("old")!.ContentHash);
    }

    [TestMethod]
    public void ADocumentArrivingAfterTheTextThatRepealsItIsStored已废止()
    {
        using var t = new TestIndex(documents: [Repealing]);
        t.Index.Upsert(Old);
        t.Index.Commit();

        CollectionAssert.AreEqual(new[] { "old" }, Ids(t.Index, StatusStates.Repealed).ToList());
    }

    [TestMethod]
    public void RemovingTheRepealingTextPutsTheRepealedOneBackInForce()
    {
        using var t = new TestIndex(documents: [Old, Repealing]);
        Assert.AreEqual(1, Ids(t.Index, StatusStates.Repealed).Count);

        t.Index.Delete("new");
        t.Index.Commit();

        Assert.AreEqual(0, Ids(t.Index, StatusStates.Repealed).Count);
        CollectionAssert.AreEqual(new[] { "old" }, Ids(t.Index, StatusStates.InForce).ToList());
    }

    [TestMethod]
    public void AnAttachmentIsStored已废止WithItsNotice()
    {
        var notice = Docs.Make("notice", "关于印发《企业温室气体排放核查技术指南》的通知", "现将《企业温室气体排放核查技术指南》印发给你们。")
            with { DocumentNumber = DocumentNumber.Parse("环办气候函〔2021〕130号"), PublishedDate = new DateOnly(2021, 3, 26) };
        var guide = Docs.Make("guide", "企业温室气体排放核查技术指南", "一、适用范围。本指南规定了核查的程序和要点。")
            with { ParentId = "notice", PublishedDate = new DateOnly(2021, 3, 26) };
        using var t = new TestIndex(documents: [notice, guide]);

        t.Index.Upsert(Docs.Make("new", "关于印发《企业温室气体排放报告核查指南》的通知", "现将有关指南印发给你们。环办气候函〔2021〕130号文件同时废止。")
            with { PublishedDate = new DateOnly(2022, 12, 19) });
        t.Index.Commit();

        CollectionAssert.AreEqual(new[] { "guide", "notice" }, Ids(t.Index, StatusStates.Repealed).ToList());
    }

    [TestMethod]
    public void A有效期EndsInTheFacetWhenTheDayHasPassedWithNothingRewritten()
    {
        var clock = new MovableClock(new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero));
        var expiring = Docs.Make("exp", "关于实施排污许可试点的通知", "本通知自2021年1月1日起施行，有效期至2025年12月31日。") with { PublishedDate = new DateOnly(2020, 12, 20) };
        var folder = Path.Combine(Path.GetTempPath(), "policykb-search-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var index = PolicyIndex.Open(folder, TestData.IndexOptions with { Thesaurus = PolicyKB.Search.Querying.Thesaurus.Empty, Clock = clock });
            index.Upsert(expiring);
            index.Commit();
            Assert.AreEqual(1, Count(index.Search(new SearchRequest()), StatusStates.InForce));
            CollectionAssert.AreEqual(new[] { "exp" }, Ids(index, StatusStates.InForce).ToList());

            clock.Now = clock.Now.AddDays(1);

            var result = index.Search(new SearchRequest { Statuses = [StatusStates.Expired] });
            Assert.AreEqual(1, result.Total);
            Assert.AreEqual(1, Count(result, StatusStates.Expired));
            Assert.AreEqual(0, Count(result, StatusStates.InForce));
            Assert.AreEqual(0, Ids(index, StatusStates.InForce).Count);
            Assert.AreEqual(1, index.Facets()[FacetNames.Status].Single(v => v.Value == StatusStates.Expired).Count);
        }
        finally { try { Directory.Delete(folder, true); } catch (IOException) { /* left for the OS temp cleaner */ } }
    }

    [TestMethod]
    public void ASelectedStateNoDocumentHasIsListedAtZeroAndMatchesNothing()
    {
        using var t = new TestIndex(documents: [Old]);
        var result = t.Index.Search(new SearchRequest { Statuses = [StatusStates.Revised] });
        Assert.AreEqual(0, result.Total);
        Assert.AreEqual(0, Count(result, StatusStates.Revised));
        Assert.AreEqual(1, Count(result, StatusStates.InForce));
    }

    [TestMethod]
    public void StoredValuesNeverNameADayRelativeToTheClock()
    {
        var inForce = new DocumentStatus(StatusStates.InForce, null, [], null) { Until = new DateOnly(2025, 12, 31) };
        var expired = new DocumentStatus(StatusStates.Expired, null, [], null) { Until = new DateOnly(2025, 12, 31) };
        Assert.AreEqual(StatusFacet.StoredValue(inForce), StatusFacet.StoredValue(expired));
        Assert.AreEqual(StatusStates.InForce, StatusFacet.Resolve(StatusFacet.StoredValue(inForce), new DateOnly(2025, 12, 31)));
        Assert.AreEqual(StatusStates.Expired, StatusFacet.Resolve(StatusFacet.StoredValue(inForce), new DateOnly(2026, 1, 1)));
        Assert.AreEqual(StatusStates.Repealed, StatusFacet.StoredValue(new DocumentStatus(StatusStates.Repealed, null, [], null) { Until = new DateOnly(2025, 12, 31) }));
    }
}

/// <summary>A clock a test moves by hand.</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
