using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class QueryLimitsTests
{
    private static TestIndex Index() => new(Thesaurus.Parse(["双碳 → 碳达峰 / 碳中和"]),
        [Docs.Make("a", "推进碳达峰的意见", "各地区推进碳达峰。"), Docs.Make("b", "生态保护", "加强生态保护。")]);

    [TestMethod]
    public void AWordAndHundredsOfNegationsIsRefusedNamingTheLimit()
    {
        using var t = Index();
        var query = "生态 " + string.Join(' ', Enumerable.Range(0, 160).Select(i => $"-排除{i}"));
        var e = Assert.ThrowsExactly<QueryTooComplexException>(() => t.Index.Search(new SearchRequest { Query = query }));
        StringAssert.Contains(e.Message, $"排除词（-词）最多 {QueryLimits.MaxExcluded} 个");
        StringAssert.Contains(e.Message, "160");
    }

    [TestMethod]
    public void TenHostileQueriesAtOnceAreEachRefusedBeforeAnySearchWork()
    {
        using var t = Index();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = Enumerable.Range(0, 10).AsParallel().WithDegreeOfParallelism(10).Select(n =>
        {
            var query = $"生态{n} " + string.Join(' ', Enumerable.Range(0, 160).Select(i => $"-排除{n}x{i}"));
            try { t.Index.Search(new SearchRequest { Query = query }); return "answered"; }
            catch (QueryTooComplexException e) { return e.Message; }
        }).ToList();
        // Timing is printed, not asserted (the machine is shared); the refusal is what bounds the work.
        Console.WriteLine($"10 hostile queries refused in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.IsTrue(outcomes.All(o => o.Contains($"排除词（-词）最多 {QueryLimits.MaxExcluded} 个")), string.Join("; ", outcomes.Distinct()));
    }

    [TestMethod]
    public void TwoThousandTermsAreRefusedNamingTheLimit()
    {
        using var t = Index();
        var query = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"词{i}"));
        var e = Assert.ThrowsExactly<QueryTooComplexException>(() => t.Index.Search(new SearchRequest { Query = query }));
        StringAssert.Contains(e.Message, $"检索词最多 {QueryLimits.MaxTerms} 个，这次有 2000 个");
    }

    [TestMethod]
    public void PiecesAndExpansionsCountTowardTheLimit()
    {
        using var t = Index();
        // Few terms, but each splits at 、 into many substring queries.
        var query = string.Join(' ', Enumerable.Range(0, 4).Select(i => string.Join('、', Enumerable.Range(0, 30).Select(j => $"词{i}{j}"))));
        var e = Assert.ThrowsExactly<QueryTooComplexException>(() => t.Index.Search(new SearchRequest { Query = query }));
        StringAssert.Contains(e.Message, $"检索片段最多 {QueryLimits.MaxPieces} 个");
    }

    [TestMethod]
    public void ATooLongQueryIsRefusedNamingTheLimit()
    {
        using var t = Index();
        var e = Assert.ThrowsExactly<QueryTooComplexException>(() => t.Index.Search(new SearchRequest { Query = new string('碳', QueryLimits.MaxLength + 1) }));
        StringAssert.Contains(e.Message, $"最多 {QueryLimits.MaxLength} 个字符");
    }

    [TestMethod]
    public void QueriesWithinTheLimitsAreAnswered()
    {
        using var t = Index();
        var query = "生态 " + string.Join(' ', Enumerable.Range(0, QueryLimits.MaxExcluded - 1).Select(i => $"-排除{i}")) + " -双碳";
        Assert.AreEqual("b", t.Index.Search(new SearchRequest { Query = query }).Hits.Single().Id);
    }

    [TestMethod]
    public void AQueryOfManyWordsGetsNoFallBack()
    {
        using var t = Index();
        var words = string.Join(' ', Enumerable.Range(0, QueryLimits.MaxFallbackWords + 1).Select(i => i == 0 ? "生态保护" : $"缺词{i}"));
        var result = t.Index.Search(new SearchRequest { Query = words });
        Assert.AreEqual(0, result.Total);
        Assert.IsNull(result.Partial, "past the limit the any-word fall-back would search every word again");
        Assert.AreEqual(0, result.Hits.Count);
    }
}
