namespace PolicyKB.Search.Tests.Api;

[TestClass]
public sealed class SearchInputTests
{
    /// <summary>The bad inputs every front must refuse with the same message: the parameter, a raw input, what is said.</summary>
    public static IEnumerable<object[]> BadInputs =>
    [
        ["from", new SearchInput { PublishedFrom = "2024", PublishedTo = "2023" }, "起始日期 2024-01-01 晚于截止日期 2023-12-31。"],
        ["writtenFrom", new SearchInput { WrittenFrom = "2024-02-01", WrittenTo = "2024-01-31" }, "成文日期的起始日期 2024-02-01 晚于截止日期 2024-01-31。"],
        ["year", new SearchInput { Years = ["23"] }, "“23”不是年份（如 2023）。"],
        ["month", new SearchInput { Months = ["2023-13"] }, "“2023-13”不是月份（如 2023-10）。"],
        ["site", new SearchInput { Sites = ["example.com"] }, "“example.com”不是网站代码（govcn、ndrc、mee、other）。"],
        ["status", new SearchInput { Statuses = ["有效"] }, "“有效”不是效力状态（现行有效、已废止、已修订、已失效、征求意见稿、未知）。"],
        ["issuer", new SearchInput { Issuers = Enumerable.Range(0, 51).Select(i => (string?)$"机关{i}").ToArray() }, "最多允许 50 个值。"],
        ["to", new SearchInput { PublishedTo = "2023-13-45" }, "“2023-13-45”不是日期（如 2023-10-11、2023-10 或 2023）。"],
        ["page", new SearchInput { Page = "0" }, "“0”不是不小于 1 的整数。"],
        ["size", new SearchInput { Size = "101" }, "“101”不是 1 到 100 之间的整数。"],
        ["sort", new SearchInput { Sort = "best" }, "“best”不是排序方式（relevance、newest、oldest）。"],
        ["facets", new SearchInput { Facets = "issuer,colour" }, "“colour”不是分面名称（issuer、theme、topic、type、site、year、month、status）。"],
    ];

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public void ABadValueIsRefusedUnderItsParameterWithOneChineseMessage(string name, SearchInput input, string message)
    {
        var result = input.Validate();

        Assert.IsFalse(result.Success);
        Assert.ThrowsExactly<InvalidOperationException>(() => result.Value);
        CollectionAssert.AreEqual(new[] { name }, result.Errors.Keys.ToArray());
        Assert.AreEqual(message, result.Errors[name]);
    }

    [TestMethod]
    public void RepeatedFiltersBecomeTrimmedDistinctValuesOfOneFacet()
    {
        var result = new SearchInput
        {
            Query = " 碳达峰 ", Issuers = ["国务院", "国家发展改革委", "国务院", " ", null], Sites = ["NDRC"], Statuses = ["现行有效"],
            Years = ["2023"], Months = ["2023-10"], Sort = "newest", Page = "2", Size = "20",
        }.Validate();

        Assert.IsTrue(result.Success, string.Join("; ", result.Errors.Values));
        Assert.AreEqual(0, result.Errors.Count);
        Assert.AreEqual("碳达峰", result.Value.Query);
        CollectionAssert.AreEqual(new[] { "国务院", "国家发展改革委" }, result.Value.Issuers.ToArray());
        CollectionAssert.AreEqual(new[] { "ndrc" }, result.Value.Sites.ToArray());
        CollectionAssert.AreEqual(new[] { "现行有效" }, result.Value.Statuses.ToArray());
        CollectionAssert.AreEqual(new[] { "2023" }, result.Value.Years.ToArray());
        CollectionAssert.AreEqual(new[] { "2023-10" }, result.Value.Months.ToArray());
        Assert.AreEqual(SearchSort.Newest, result.Value.Sort);
        Assert.AreEqual(2, result.Value.Page);
        Assert.AreEqual(20, result.Value.Size);
    }

    [TestMethod]
    public void NothingTypedIsTheDefaultSearch()
    {
        var request = new SearchInput().Validate().Value;

        Assert.AreEqual("", request.Query);
        Assert.AreEqual(1, request.Page);
        Assert.AreEqual(10, request.Size);
        Assert.AreEqual(SearchSort.Relevance, request.Sort);
        Assert.IsNull(request.CountFacets);
    }

    [TestMethod]
    [DataRow("", "")]
    [DataRow("issuer,theme,year", "issuer|theme|year")]
    [DataRow(" Year , issuer,year", "year|issuer")]
    public void FacetsNameWhatIsCountedEmptyNone(string facets, string expected)
    {
        var request = new SearchInput { Facets = facets }.Validate().Value;

        CollectionAssert.AreEqual(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), request.CountFacets!.ToArray());
    }

    [TestMethod]
    public void MonthAndYearBoundsWidenToWholePeriods()
    {
        var request = new SearchInput { PublishedFrom = "2023-10", PublishedTo = "2023年10月", WrittenFrom = "2022", WrittenTo = "2022" }.Validate().Value;

        Assert.AreEqual(new DateOnly(2023, 10, 1), request.PublishedFrom);
        Assert.AreEqual(new DateOnly(2023, 10, 31), request.PublishedTo);
        Assert.AreEqual(new DateOnly(2022, 1, 1), request.WrittenFrom);
        Assert.AreEqual(new DateOnly(2022, 12, 31), request.WrittenTo);
    }

    [TestMethod]
    [DataRow("size", "0")]
    [DataRow("size", "-5")]
    [DataRow("page", "1e3")]
    [DataRow("page", "99999999999")]
    [DataRow("from", "2023-13-01")]
    [DataRow("to", "yesterday")]
    public void AnUnreadableNumberOrDateIsNamedAsTheProblem(string name, string value)
    {
        var input = name switch
        {
            "size" => new SearchInput { Size = value },
            "page" => new SearchInput { Page = value },
            "from" => new SearchInput { PublishedFrom = value },
            _ => new SearchInput { PublishedTo = value },
        };

        CollectionAssert.AreEqual(new[] { name }, input.Validate().Errors.Keys.ToArray());
    }

    [TestMethod]
    public void AQueryLongerThanTheLimitIsRefused()
    {
        Assert.IsTrue(new SearchInput { Query = new string('碳', SearchLimits.MaxQueryLength) }.Validate().Success);
        var result = new SearchInput { Query = new string('碳', SearchLimits.MaxQueryLength + 1) }.Validate();
        StringAssert.StartsWith(result.Errors["q"], "查询过长：最多 500 个字符");
    }

    [TestMethod]
    public void AValueLongerThanTheLimitIsRefused()
    {
        var result = new SearchInput { Themes = [new string('碳', SearchLimits.MaxValueLength + 1)] }.Validate();

        Assert.AreEqual("有一个值超过了 200 个字符。", result.Errors["theme"]);
    }

    [TestMethod]
    public void WithinQueriesAreAndedOntoTheQueryAndAnUnparsableOneIsRefused()
    {
        Assert.AreEqual("碳 配额", new SearchInput { Query = "碳", Within = ["配额", " "] }.Validate().Value.Query);
        StringAssert.StartsWith(new SearchInput { Query = "碳", Within = ["\"配额"] }.Validate().Errors["within"], "在结果中检索的条件有误：");
    }

    [TestMethod]
    public void PagingBeyondTheDepthIsRefusedUnlessEveryHitIsTaken()
    {
        var deep = new SearchInput { Page = "101", Size = "100" };

        StringAssert.StartsWith(deep.Validate().Errors["page"], "page × size 最多为 10000（这次为 10100）");
        Assert.IsTrue(deep.Validate(paged: false).Success);
        Assert.IsTrue(new SearchInput { Page = "100", Size = "100" }.Validate().Success);
    }

    [TestMethod]
    public void BadInputIsEchoedShortAndWithoutInvisibleCharacters()
    {
        var result = new SearchInput { Sort = "\u202Ebest" + new string('x', 60) }.Validate();

        Assert.AreEqual($"“best{new string('x', 35)}…”不是排序方式（relevance、newest、oldest）。", result.Errors["sort"]);
    }
}
