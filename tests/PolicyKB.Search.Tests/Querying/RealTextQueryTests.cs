using PolicyKB.Model;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>How queries typed the way researchers type them behave on the real MEE texts (inconclusive without ../shared).</summary>
[TestClass]
public sealed class RealTextQueryTests
{
    private static (TestIndex Index, IReadOnlyList<PolicyDocument> Documents) Mee() =>
        MeeIndex.Get() ?? throw new AssertInconclusiveException("../shared/reference/corpus is absent");

    [TestMethod]
    [DataRow("危废", true), DataRow("固废", true), DataRow("排污证", true), DataRow("环评", true), DataRow("碳市场", true)]
    [DataRow("能评", true), DataRow("双控", false), DataRow("两高", true), DataRow("大气十条", true), DataRow("水十条", true)]
    [DataRow("土十条", true), DataRow("环保督察", true), DataRow("危化品", true), DataRow("三线一单", true), DataRow("生态红线", true)]
    [DataRow("国考断面", true)]
    public void ShortFormFindsWhatItStandsFor(string shortForm, bool spelledOutOnlyExists)
    {
        var (index, docs) = Mee();
        var entry = MeeIndex.Thesaurus.Lookup(shortForm);
        Assert.IsNotNull(entry, $"{shortForm} is not in data/thesaurus.txt");
        var expected = docs.Where(d => Holds(d, shortForm) || entry.Alternatives.Any(a => Holds(d, a))).Select(d => d.Id).ToHashSet();
        var result = index.Index.Search(new SearchRequest { Query = shortForm, Size = 100, WithFacets = false, WithSnippets = false });
        Assert.IsTrue(expected.Count > 0, $"{shortForm}: nothing in the real texts");
        Assert.AreEqual(expected.Count, result.Total, $"{shortForm}: documents holding it or what it stands for");
        foreach (var hit in result.Hits) Assert.IsTrue(expected.Contains(hit.Id), $"{shortForm} found {hit.Title}");
        CollectionAssert.Contains(result.Expansions.ToList(), entry.Describe());
        if (spelledOutOnlyExists)
            Assert.IsTrue(docs.Any(d => expected.Contains(d.Id) && !Holds(d, shortForm)), $"{shortForm}: no text spells it out only, the entry adds nothing");
    }

    [TestMethod]
    public void NegatedSynonymExcludesWhatItStandsFor()
    {
        var (index, docs) = Mee();
        var expected = docs.Where(d => Holds(d, "生态") && !new[] { "双碳", "碳达峰", "碳中和" }.Any(t => Holds(d, t))).Select(d => d.Id).ToHashSet();
        var result = index.Index.Search(new SearchRequest { Query = "生态 -双碳", Size = 100, WithFacets = false, WithSnippets = false });
        Assert.AreEqual(expected.Count, result.Total);
        Assert.IsTrue(expected.Count < docs.Count(d => Holds(d, "生态") && !Holds(d, "双碳")), "some texts say 碳达峰 or 碳中和 without 双碳");
        foreach (var hit in result.Hits) Assert.IsTrue(expected.Contains(hit.Id), hit.Title);
        CollectionAssert.Contains(result.Expansions.ToList(), "-双碳 → 碳达峰 / 碳中和");
    }

    [TestMethod]
    [DataRow("第三批 生态文明建设示范市县", "第三批")]
    [DataRow("第五批 绿水青山", "第五批")]
    [DataRow("田湾 6号机组 运行许可证", "颁发田湾核电站6号机组运行许可证")]
    [DataRow("防城港 3号机组 运行许可证", "颁发《广西防城港核电厂3号机组运行许可证》")]
    [DataRow("三门 1、2号机组 质量保证大纲（2版）", "（2版）")]
    [DataRow("福清 3、4号机组 化学和放射化学技术规范", "福清核电厂3、4号机组化学")]
    [DataRow("2019-2020年 配额", "2019-2020年")]
    [DataRow("2021、2022年度 配额", "2021、2022年度")]
    [DataRow("低碳技术目录 第四批", "低碳技术目录（第四批）")]
    public void TheNumberInTheQueryPicksTheMemberOfASeries(string query, string titleHolds)
    {
        var (index, _) = Mee();
        var first = index.Index.Search(new SearchRequest { Query = query, Size = 3, WithFacets = false, WithSnippets = false }).Hits[0];
        StringAssert.Contains(first.Title, titleHolds, query);
    }

    [TestMethod]
    [DataRow("关于颁发福建福清核电厂6号机组运行许可证的通知", "关于颁发福建福清核电厂6号机组运行许可证的通知")]
    [DataRow("关于做好全国碳排放权交易市场数据质量监督管理相关工作的通知", "关于做好全国碳排放权交易市场数据质量监督管理相关工作的通知")]
    [DataRow("环气候〔2020〕57号", "关于促进应对气候变化投融资的指导意见")]
    [DataRow("环气候[2020]57号", "关于促进应对气候变化投融资的指导意见")]
    [DataRow("环气候（2020）57号", "关于促进应对气候变化投融资的指导意见")]
    [DataRow("环办气候［2021］27号", "关于开展气候投融资试点工作的通知")]
    public void ATitleOrDocumentNumberTypedInFullRanksItsDocumentFirst(string query, string title)
    {
        var (index, _) = Mee();
        var result = index.Index.Search(new SearchRequest { Query = query, Size = 3, WithFacets = false, WithSnippets = false });
        Assert.AreEqual(title, result.Hits[0].Title, query);
    }

    [TestMethod]
    public void AWholeTitleTypedWithoutItsPunctuationFindsItsDocumentFirst()
    {
        var (index, _) = Mee();
        var result = index.Index.Search(new SearchRequest { Query = "关于印发减污降碳协同增效实施方案的通知", Size = 3, WithFacets = false, WithSnippets = false });
        Assert.IsNull(result.Partial, "the title, less its 《》, is a match, not a partial one");
        Assert.AreEqual("关于印发《减污降碳协同增效实施方案》的通知", result.Hits[0].Title);
        Assert.AreEqual(1, result.Total);
    }

    [TestMethod]
    public void NoTextHoldingEveryWordCountsZeroAndLabelsThePartialMatches()
    {
        var (index, docs) = Mee();
        const string query = "碳达峰 冰川 稀土";
        Assert.IsFalse(docs.Any(d => Holds(d, "碳达峰") && Holds(d, "冰川") && Holds(d, "稀土")), "the query must have no full match");
        var result = index.Index.Search(new SearchRequest { Query = query, Size = 100, WithFacets = false, WithSnippets = false });
        Assert.AreEqual(0, result.Total, "partial matches are not reported as found");
        Assert.IsNotNull(result.Partial);
        Assert.AreEqual(PartialMatches.AnyWord, result.Partial.Label);
        Assert.AreEqual(docs.Count(d => Holds(d, "碳达峰") || Holds(d, "冰川") || Holds(d, "稀土")), result.Partial.Total);
        Assert.IsTrue(result.Hits.Count > 0);
    }

    /// <summary>Whether a query text matches a document as the search defines it: each piece a substring of its title, body or 文号.</summary>
    private static bool Holds(PolicyDocument d, string text)
    {
        string[] fields = [TextFold.Fold(d.Title), TextFold.Fold(d.BodyText), TextFold.Fold(d.DocumentNumber?.Normalized ?? "")];
        return QueryCompiler.Pieces(text).All(p => fields.Any(f => f.Contains(TextFold.Fold(p), StringComparison.Ordinal)));
    }
}
