using PolicyKB.Model;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>The advanced search's fields as the query language: title:, body:, docno:, issuer:, written: and published: ranges.</summary>
[TestClass]
public sealed class AdvancedSearchTests
{
    private static TestIndex Index() => new(documents:
    [
        Docs.Make("a", "关于推进碳达峰试点的通知", "各地区开展绿色金融试点。") with
        {
            Issuers = ["国家发展和改革委员会"], DocumentNumber = DocumentNumber.Parse("发改环资〔2021〕1号"),
            WrittenDate = new DateOnly(2021, 3, 1), PublishedDate = new DateOnly(2021, 4, 2),
        },
        Docs.Make("b", "绿色金融指导意见", "推进碳达峰行动，支持试点地区。") with
        {
            Issuers = ["中国人民银行", "生态环境部"], DocumentNumber = DocumentNumber.Parse("银发〔2022〕7号"),
            WrittenDate = new DateOnly(2022, 11, 30), PublishedDate = new DateOnly(2023, 1, 5),
        },
        Docs.Make("c", "生态环境部关于大气污染防治的公告", "加强大气污染防治。") with
        {
            Issuers = ["生态环境部"], DocumentNumber = DocumentNumber.Parse("环大气〔2023〕3号"),
            WrittenDate = new DateOnly(2023, 6, 1), PublishedDate = new DateOnly(2023, 6, 9),
        },
        Docs.Make("d", "无日期的工作简报", "碳达峰工作进展。"),
    ]);

    private static List<string> Ids(PolicyIndex index, string query) => MatchingSemanticsTests.Ids(index, query).Order().ToList();

    private static List<string> Ids(PolicyIndex index, SearchRequest request) =>
        index.Search(request with { Size = 100 }).Hits.Select(h => h.Id).Order().ToList();

    [TestMethod]
    public void ParserReadsBodyPrefixAndDateRanges()
    {
        var p = QuerySyntax.Parse("body:碳达峰 written:2021-01-01..2022-12-31 发布日期:2023.. published:..2023-06");
        Assert.IsNull(p.SyntaxError);
        Assert.AreEqual(new QueryTerm("碳达峰", TermField.Body), p.Groups.Single().Single());
        CollectionAssert.AreEqual(new[]
        {
            new DateRange(DateField.Written, new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31)),
            new DateRange(DateField.Published, new DateOnly(2023, 1, 1), null),
            new DateRange(DateField.Published, null, new DateOnly(2023, 6, 30)),
        }, p.Ranges.ToList());
        Assert.AreEqual(new DateRange(DateField.Written, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
            QuerySyntax.Parse("成文日期：2022").Ranges.Single(), "one period alone is all of it (full-width colon too)");
    }

    [TestMethod]
    public void InvalidRangesAreRefusedWithAChineseMessage()
    {
        foreach (var (q, says) in new[]
        {
            ("碳达峰 written:2023..2021", "成文日期范围无效：起始日期 2023-01-01 晚于截止日期 2021-12-31"),
            ("published:2023-13..", "发布日期范围中的“2023-13”不是日期"),
            ("published:..", "发布日期范围“..”没有起止日期"),
            ("written:", "“written:”后缺少日期范围"),
            ("-written:2021", "日期范围前不能加减号"),
            ("碳达峰 OR written:2021", "日期范围不能用 OR 连接"),
        })
        {
            var p = QuerySyntax.Parse(q);
            Assert.IsNotNull(p.RangeError, q);
            StringAssert.StartsWith(p.RangeError, says, q);
            Assert.AreEqual(p.RangeError, p.SyntaxError, q);
        }
        Assert.IsNull(QuerySyntax.Parse("title: 碳达峰").RangeError, "other syntax errors are not range errors");
    }

    [TestMethod]
    public void DateRangesMatchTheSameDocumentsAsTheDateFilters()
    {
        using var t = Index();
        var cases = new (string Query, SearchRequest Filters)[]
        {
            ("written:2021-01-01..2022-12-31", new SearchRequest { WrittenFrom = new DateOnly(2021, 1, 1), WrittenTo = new DateOnly(2022, 12, 31) }),
            ("published:2023..", new SearchRequest { PublishedFrom = new DateOnly(2023, 1, 1) }),
            ("published:..2023-01", new SearchRequest { PublishedTo = new DateOnly(2023, 1, 31) }),
            ("碳达峰 written:2022", new SearchRequest { Query = "碳达峰", WrittenFrom = new DateOnly(2022, 1, 1), WrittenTo = new DateOnly(2022, 12, 31) }),
        };
        foreach (var (query, filters) in cases)
        {
            var expected = Ids(t.Index, filters);
            Assert.IsNotEmpty(expected, query);
            Assert.IsLessThan(4, expected.Count, query + " must narrow the search for the test to mean anything");
            CollectionAssert.AreEqual(expected, Ids(t.Index, query), query);
        }
        CollectionAssert.AreEqual(new[] { "b" }, Ids(t.Index, "written:2022 published:2023"), "two ranges: both hold");
    }

    [TestMethod]
    public void FieldPrefixesMatchOnlyTheirField()
    {
        using var t = Index();
        CollectionAssert.AreEqual(new[] { "a" }, Ids(t.Index, "title:碳达峰"));
        CollectionAssert.AreEqual(new[] { "b", "d" }, Ids(t.Index, "body:碳达峰"));
        CollectionAssert.AreEqual(new[] { "a", "b", "d" }, Ids(t.Index, "碳达峰"));
        CollectionAssert.AreEqual(new[] { "b" }, Ids(t.Index, "docno:银发[2022]7号"), "a 文号 in any brackets");
        CollectionAssert.AreEqual(new[] { "b", "c" }, Ids(t.Index, "issuer:生态环境部"), "a joint document's second issuer");
        CollectionAssert.AreEqual(new[] { "a", "c" }, Ids(t.Index, "title:碳达峰 OR title:大气"), "any word of a field");
        CollectionAssert.AreEqual(new[] { "b" }, Ids(t.Index, "body:\"支持试点\""), "a phrase of the body");
    }

    [TestMethod]
    public void HitsMarkBodyTermsInSnippetsButNotInTitles()
    {
        using var t = Index();
        var hit = t.Index.Search(new SearchRequest { Query = "body:碳达峰" }).Hits.Single(h => h.Id == "b");
        StringAssert.Contains(hit.Snippets[0], "<mark>碳达峰</mark>");
        Assert.IsFalse(hit.TitleHighlighted!.Contains("<mark>", StringComparison.Ordinal), hit.TitleHighlighted);
    }

    [TestMethod]
    public void FallBackToWordsKeepsTheDateRange()
    {
        using var t = Index();
        var r = t.Index.Search(new SearchRequest { Query = "绿色金融 大气污染 written:2022" });
        Assert.AreEqual(0, r.Total);
        Assert.IsNotNull(r.Partial, "the words fall back to any-word matching");
        CollectionAssert.AreEqual(new[] { "b" }, r.Hits.Select(h => h.Id).ToList(), "a (2021) and c (2023) hold one of the words but lie outside the range");
    }
}
