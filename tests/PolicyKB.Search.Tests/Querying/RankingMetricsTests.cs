using PolicyKB.Benchmarks.Relevance;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class RankingMetricsTests
{
    private static readonly JudgedQuery Query = new("topical", "q", new Dictionary<string, int> { ["a"] = 3, ["b"] = 2, ["c"] = 1 });

    [TestMethod]
    public void ReciprocalRankCountsTheFirstDocumentOfGradeTwoOrMore()
    {
        Assert.AreEqual(1.0 / 3, RankingMetrics.ReciprocalRank(Query, ["x", "c", "b", "a"]), 1e-9, "grade 1 at rank 2 does not count");
        Assert.AreEqual(0, RankingMetrics.ReciprocalRank(Query, ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "a"]), "rank 11 is past the cut");
    }

    [TestMethod]
    public void NdcgIsOneInTheIdealOrderAndDiscountsLaterRanks()
    {
        Assert.AreEqual(1.0, RankingMetrics.Ndcg(Query, ["a", "b", "c"]), 1e-9);
        // DCG of c, b, a: 1/log2(2) + 3/log2(3) + 7/log2(4); ideal 7 + 3/log2(3) + 1/2.
        var expected = (1 + 3 / Math.Log2(3) + 7 / 2.0) / (7 + 3 / Math.Log2(3) + 1 / 2.0);
        Assert.AreEqual(expected, RankingMetrics.Ndcg(Query, ["c", "b", "a"]), 1e-9);
    }

    [TestMethod]
    public void JudgedSetLinesAreCheckedAndNamed()
    {
        var set = JudgedSet.Parse(["# comment", "title\t碳排放权交易管理办法\thttps://a=3 https://b=1"]);
        Assert.AreEqual(1, set.Count);
        Assert.AreEqual(3, set[0].Grade("https://a"));
        Assert.AreEqual(0, set[0].Grade("https://z"));
        var e = Assert.ThrowsExactly<FormatException>(() => JudgedSet.Parse(["title\tq\thttps://a=5"]));
        StringAssert.Contains(e.Message, "line 1");
        Assert.ThrowsExactly<FormatException>(() => JudgedSet.Parse(["title\tq\thttps://a=1"]), "no document the query is after");
    }
}
