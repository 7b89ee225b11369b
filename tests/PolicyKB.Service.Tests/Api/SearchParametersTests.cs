using PolicyKB.Search;
using PolicyKB.Service.Api;

namespace PolicyKB.Service.Tests.Api;

/// <summary>The query string's fields reach <see cref="SearchInput"/> under their own names (the messages: SearchInputTests).</summary>
[TestClass]
public sealed class SearchParametersTests
{
    [TestMethod]
    public void RepeatedFiltersBecomeValuesOfOneFacet()
    {
        var request = new SearchParameters { Q = " 碳达峰 ", Issuer = ["国务院", "国家发展改革委", "国务院", " "], Site = ["NDRC"], Sort = "newest", Page = "2", Size = "20" }
            .Read().Value;


        Assert.AreEqual("碳达峰", request.Query);
        CollectionAssert.AreEqual(new[] { "国务院", "国家发展改革委" }, request.Issuers.ToArray());
        CollectionAssert.AreEqual(new[] { "ndrc" }, request.Sites.ToArray());
        Assert.AreEqual(SearchSort.Newest, request.Sort);
        Assert.AreEqual(2, request.Page);
        Assert.AreEqual(20, request.Size);
    }

    [TestMethod]
    public void MonthAndYearBoundsWidenToWholePeriods()
    {
        var request = new SearchParameters { From = "2023-10", To = "2023年10月", WrittenFrom = "2022", WrittenTo = "2022" }.Read().Value;

        Assert.AreEqual(new DateOnly(2023, 10, 1), request.PublishedFrom);
        Assert.AreEqual(new DateOnly(2023, 10, 31), request.PublishedTo);
        Assert.AreEqual(new DateOnly(2022, 1, 1), request.WrittenFrom);
        Assert.AreEqual(new DateOnly(2022, 12, 31), request.WrittenTo);
    }

    [TestMethod]
    [DataRow("size", "101")]
    [DataRow("size", "0")]
    [DataRow("size", "-5")]
    [DataRow("page", "0")]
    [DataRow("page", "1e3")]
    [DataRow("page", "99999999999")]
    [DataRow("sort", "best")]
    [DataRow("from", "2023-13-01")]
    [DataRow("to", "yesterday")]
    [DataRow("site", "example.com")]
    [DataRow("year", "23")]
    [DataRow("month", "2023-13")]
    public void BadValueIsNamedAsTheProblem(string name, string value)
    {
        var p = new SearchParameters();
        switch (name)
        {
            case "size": p.Size = value; break;
            case "page": p.Page = value; break;
            case "sort": p.Sort = value; break;
            case "from": p.From = value; break;
            case "to": p.To = value; break;
            case "site": p.Site = [value]; break;
            case "year": p.Year = [value]; break;
            case "month": p.Month = [value]; break;
        }

        var read = p.Read();
        Assert.IsFalse(read.Success);
        CollectionAssert.AreEqual(new[] { name }, read.Errors.Keys.ToArray());
    }

    [TestMethod]
    public void PagingBeyondTheWindowIsRefusedButExportIgnoresPaging()
    {
        var deep = new SearchParameters { Page = "101", Size = "100" };
        Assert.IsTrue(deep.Read().Errors.ContainsKey("page"));
        Assert.IsTrue(deep.Read(paged: false).Success);
        Assert.IsTrue(new SearchParameters { Page = "100", Size = "100" }.Read().Success);
    }
}
