using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class QueryLanguageTests
{
    private static readonly Thesaurus Thesaurus = Thesaurus.Parse(
    [
        "# test entries",
        "发改委 → 国家发展改革委 / 国家发展和改革委员会",
        "双碳 → 碳达峰 / 碳中和",
        "全国碳市场 → 全国碳排放权交易市场",
        "CCER => 国家核证自愿减排量",
    ]);

    private static TestIndex Index() => new(Thesaurus,
    [
        Docs.Make("ndrc", "国家发展改革委关于能源工作的通知", "国家发展和改革委员会部署能源工作。"),
        Docs.Make("peak", "推进碳达峰的意见", "各地区推进碳达峰。"),
        Docs.Make("neutral", "碳中和路线图", "实现碳中和目标。"),
        Docs.Make("market", "全国碳排放权交易市场建设", "全国碳排放权交易市场扩围。"),
        Docs.Make("ccer", "国家核证自愿减排量登记", "国家核证自愿减排量的登记与交易。"),
        Docs.Make("green", "绿色金融支持政策", "银行发展绿色信贷，支持节能降碳项目。"),
    ]);

    [TestMethod]
    public void ThesaurusExpandsAndReportsTheExpansion()
    {
        using var t = Index();
        var r = t.Index.Search(new SearchRequest { Query = "发改委" });
        CollectionAssert.AreEquivalent(new[] { "ndrc" }, r.Hits.Select(h => h.Id).ToList());
        CollectionAssert.AreEqual(new[] { "发改委 → 国家发展改革委 / 国家发展和改革委员会" }, r.Expansions.ToList());
        CollectionAssert.AreEquivalent(new[] { "peak", "neutral" }, MatchingSemanticsTests.Ids(t.Index, "双碳"));
        CollectionAssert.AreEquivalent(new[] { "market" }, MatchingSemanticsTests.Ids(t.Index, "全国碳市场"));
        CollectionAssert.AreEquivalent(new[] { "ccer" }, MatchingSemanticsTests.Ids(t.Index, "ccer"));
        Assert.AreEqual(0, t.Index.Search(new SearchRequest { Query = "\"双碳\"" }).Total, "a quoted phrase is taken as written");
    }

    [TestMethod]
    public void SnippetsMarkTheExpansionThatMatched()
    {
        using var t = Index();
        var hit = t.Index.Search(new SearchRequest { Query = "双碳" }).Hits.Single(h => h.Id == "peak");
        StringAssert.Contains(hit.Snippets[0], "<mark>碳达峰</mark>");
    }

    [TestMethod]
    public void NoExactResultFallsBackToWordsAndSaysSo()
    {
        using var t = Index();
        var joined = t.Index.Search(new SearchRequest { Query = "绿色信贷节能降碳" });
        Assert.AreEqual("green", joined.Hits.Single().Id, "one unquoted word of several dictionary words falls back too");
        Assert.AreEqual(1, joined.Warnings.Count);

        var r = t.Index.Search(new SearchRequest { Query = "绿色信贷 支持 项目评估" });
        Assert.AreEqual(0, r.Total, "no document holds every word: the partial matches are not counted as found");
        Assert.AreEqual(1, r.Partial!.Total);
        Assert.AreEqual(PartialMatches.AnyWord, r.Partial.Label);
        Assert.AreEqual("green", r.Hits[0].Id);
        Assert.IsTrue(r.Warnings.Single().StartsWith("没有完全匹配“绿色信贷 支持 项目评估”的文件；以下 1 件为包含任一词语", StringComparison.Ordinal), r.Warnings.Single());

        var filtered = t.Index.Search(new SearchRequest { Query = "绿色信贷 支持 项目评估", Sites = ["other"] });
        Assert.AreEqual("green", filtered.Hits.Single().Id, "the fall-back keeps the filters");
        Assert.AreEqual(1, filtered.Facets[FacetNames.Site].Single(v => v.Value == "other").Count);
        var excluded = t.Index.Search(new SearchRequest { Query = "绿色信贷 支持 项目评估", Sites = ["govcn"] });
        Assert.AreEqual(0, excluded.Total, "no fall-back result passes the filter");
        Assert.IsNull(excluded.Partial);
        Assert.AreEqual(0, excluded.Warnings.Count);

        var none = t.Index.Search(new SearchRequest { Query = "\"绿色信贷 项目评估\"" });
        Assert.AreEqual(0, none.Total, "quoted queries do not fall back");
        Assert.AreEqual(0, none.Warnings.Count);
    }

    [TestMethod]
    public void SyntaxErrorsAreReadLiterallyWithAWarning()
    {
        using var t = Index();
        foreach (var q in new[] { "\"碳达峰", "碳达峰 OR", "OR 碳达峰", "title: 碳达峰", "碳达峰 -", "碳达峰 OR -碳中和" })
        {
            var r = t.Index.Search(new SearchRequest { Query = q });
            Assert.IsTrue(r.Warnings.Any(w => w.StartsWith("查询语法有误", StringComparison.Ordinal)), q);
            Assert.IsTrue(r.Hits.Any(h => h.Id == "peak"), q);
        }
    }

    [TestMethod]
    public void ParserReadsOperatorsPrefixesAndFullWidthForms()
    {
        var p = QuerySyntax.Parse("碳市场 OR 配额 －试点 标题：“全国 碳市场” issuer:生态环境部");
        Assert.IsNull(p.SyntaxError);
        Assert.AreEqual(3, p.Groups.Count);
        CollectionAssert.AreEqual(new[] { "碳市场", "配额" }, p.Groups[0].Select(t => t.Text).ToList());
        Assert.AreEqual(new QueryTerm("全国 碳市场", TermField.Title, true), p.Groups[1][0]);
        Assert.AreEqual(TermField.Issuer, p.Groups[2][0].Field);
        Assert.AreEqual("试点", p.Excluded.Single().Text);
        Assert.AreEqual("http://x", QuerySyntax.Parse("http://x").Groups[0][0].Text, "an unknown prefix is text");
    }

    [TestMethod]
    public void EmptyQueryListsEverythingNewestFirstByRelevance()
    {
        using var t = Index();
        Assert.AreEqual(6, t.Index.Search(new SearchRequest()).Total);
    }

    [TestMethod]
    public void SuggestsThesaurusTermsIssuersAndDocumentsByTitle()
    {
        using var t = Index();
        var s = t.Index.Suggest("碳");
        Assert.AreEqual("neutral", s.Single(x => x.Type == SuggestionKind.Document && x.Title == "碳中和路线图").Id);
        CollectionAssert.Contains(t.Index.Suggest("双").ToList(), Suggestion.ForTerm("双碳"));
    }
}
