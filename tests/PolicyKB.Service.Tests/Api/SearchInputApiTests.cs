using System.Net;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>/api/search refuses bad input with the validator's message (the one `policykb search` prints) under the parameter's name.</summary>
[TestClass]
public sealed class SearchInputApiTests
{
    private static RunningService Service => SharedService.Instance;

    public static IEnumerable<object[]> BadInputs =>
    [
        ["from=2024&to=2023", "from", new SearchInput { PublishedFrom = "2024", PublishedTo = "2023" }],
        ["year=23", "year", new SearchInput { Years = ["23"] }],
        ["site=example.com", "site", new SearchInput { Sites = ["example.com"] }],
        ["status=%E6%9C%89%E6%95%88", "status", new SearchInput { Statuses = ["有效"] }],
        [string.Join('&', Enumerable.Range(0, 51).Select(i => $"issuer=a{i}")), "issuer", new SearchInput { Issuers = Enumerable.Range(0, 51).Select(i => (string?)$"a{i}").ToArray() }],
        ["writtenTo=2023-13-45", "writtenTo", new SearchInput { WrittenTo = "2023-13-45" }],
        ["page=0", "page", new SearchInput { Page = "0" }],
        ["size=101", "size", new SearchInput { Size = "101" }],
    ];

    [TestMethod]
    [DynamicData(nameof(BadInputs))]
    public async Task ABadValueGetsTheValidatorsMessageUnderItsParameter(string queryString, string parameter, SearchInput input)
    {
        using var response = await Service.Client.GetAsync("/api/search?q=%E7%A2%B3&" + queryString);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.AreEqual(1, errors.EnumerateObject().Count(), problem.ToString());
        Assert.AreEqual(input.Validate().Errors[parameter], errors.GetProperty(parameter)[0].GetString());
    }
}
