using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class SearchApiTests
{
    private static RunningService Service => SharedService.Instance;

    [TestMethod]
    public async Task SearchAnswersHitsWithMarkedSnippetsFacetsAndTiming()
    {
        var result = await Service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰"));

        Assert.IsGreaterThanOrEqualTo(2, result.Total);
        Assert.AreEqual("碳达峰", result.Query);
        Assert.IsTrue(result.Hits.Any(h => h.Snippets.Any(s => s.Contains("<mark>"))), "no snippet marks the query");
        Assert.IsTrue(result.Facets.TryGetValue(FacetNames.Issuer, out var issuers) && issuers.Count > 0);
        Assert.IsGreaterThanOrEqualTo(0.0, result.TookMs);
    }

    [TestMethod]
    public async Task FacetsCountsOnlyTheNamedFacetsAndEmptyCountsNone()
    {
        var q = "q=" + Uri.EscapeDataString("碳达峰");
        var all = await Service.SearchAsync(q);

        var three = await Service.SearchAsync(q + "&facets=issuer,theme,year");
        var none = await Service.SearchAsync(q + "&facets=");

        CollectionAssert.AreEquivalent(new[] { FacetNames.Issuer, FacetNames.Theme, FacetNames.Year }, three.Facets.Keys.ToArray());
        foreach (var (name, values) in three.Facets) CollectionAssert.AreEqual(all.Facets[name].ToList(), values.ToList(), name);
        Assert.AreEqual(0, none.Facets.Count);
        Assert.AreEqual(all.Total, none.Total);
        CollectionAssert.AreEquivalent(FacetNames.All.ToArray(), all.Facets.Keys.ToArray());
    }

    [TestMethod]
    public async Task AnUnknownFacetIsABadRequestNamingIt()
    {
        using var response = await Service.Client.GetAsync("/api/search?q=x&facets=issuer,colour");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "colour");
    }

    [TestMethod]
    public async Task SearchJsonUsesTheProjectShape()
    {
        using var json = await Service.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("碳达峰") + "&size=1");
        var root = json.RootElement;
        foreach (var name in new[] { "total", "query", "warnings", "expansions", "hits", "facets", "tookMs" })
            Assert.IsTrue(root.TryGetProperty(name, out _), name);
        var hit = root.GetProperty("hits")[0];
        Assert.IsTrue(hit.TryGetProperty("documentNumber", out _));
        Assert.AreEqual(JsonValueKind.String, hit.GetProperty("site").ValueKind);
    }

    [TestMethod]
    public async Task IssuerFilterNarrowsHitsAndKeepsDrillSidewaysCounts()
    {
        var q = "q=" + Uri.EscapeDataString("碳达峰");
        var all = await Service.SearchAsync(q);
        var issuer = all.Facets[FacetNames.Issuer][0];

        var filtered = await Service.SearchAsync(q + "&issuer=" + Uri.EscapeDataString(issuer.Value));

        Assert.AreEqual(issuer.Count, filtered.Total);
        Assert.IsTrue(filtered.Hits.All(h => h.Issuers.Contains(issuer.Value)));
        // Drill sideways: the issuer facet still counts the other issuers as if the filter were not there.
        CollectionAssert.AreEquivalent(all.Facets[FacetNames.Issuer].ToList(), filtered.Facets[FacetNames.Issuer].ToList());
    }

    [TestMethod]
    public async Task RepeatedIssuersAreAlternatives()
    {
        var facets = (await Service.SearchAsync("size=1")).Facets[FacetNames.Issuer];
        Assert.IsGreaterThanOrEqualTo(2, facets.Count);
        var (a, b) = (facets[0], facets[1]);

        var both = await Service.SearchAsync($"issuer={Uri.EscapeDataString(a.Value)}&issuer={Uri.EscapeDataString(b.Value)}");

        Assert.IsGreaterThanOrEqualTo(Math.Max(a.Count, b.Count), both.Total);
        Assert.IsLessThanOrEqualTo(a.Count + b.Count, both.Total);
    }

    [TestMethod]
    public async Task PagesDoNotOverlap()
    {
        var first = await Service.SearchAsync("size=2&page=1&sort=newest");
        var second = await Service.SearchAsync("size=2&page=2&sort=newest");

        Assert.IsGreaterThan(4, first.Total);
        Assert.IsFalse(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)).Any());
    }

    [TestMethod]
    [DataRow("size=101", "size")]
    [DataRow("size=abc", "size")]
    [DataRow("page=0", "page")]
    [DataRow("page=101&size=100", "page")]
    [DataRow("sort=best", "sort")]
    [DataRow("from=2023-02-30", "from")]
    [DataRow("from=2024&to=2023", "from")]
    [DataRow("writtenTo=soon", "writtenTo")]
    [DataRow("site=example", "site")]
    [DataRow("year=twenty", "year")]
    [DataRow("month=2023-1", "month")]
    public async Task BadParameterIsAProblemNamingIt(string query, string parameter)
    {
        using var response = await Service.Client.GetAsync("/api/search?" + query);
        await ProblemAssert.NamesParameterAsync(response, parameter);
    }

    [TestMethod]
    public async Task QueryLongerThan500CharactersIsAProblemNamingQ()
    {
        using var response = await Service.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(new string('碳', 501)));
        await ProblemAssert.NamesParameterAsync(response, "q");
    }

    [TestMethod]
    public async Task FacetsCountTheWholeIndex()
    {
        using var health = await Service.GetJsonAsync("/health");
        var facets = await Service.Client.GetFromJsonAsync<Dictionary<string, FacetValue[]>>("/api/facets", PolicyKB.Model.PolicyJson.Options);

        Assert.IsNotNull(facets);
        var documents = health.RootElement.GetProperty("documents").GetInt32();
        // Every document has one site at least (a reposted notice has several).
        Assert.IsGreaterThanOrEqualTo(documents, facets[FacetNames.Site].Sum(v => v.Count));
        Assert.IsTrue(facets[FacetNames.Issuer].All(v => v.Count is > 0 && v.Count <= documents));
        var everything = await Service.SearchAsync("size=1");
        CollectionAssert.AreEquivalent(everything.Facets[FacetNames.Issuer].ToList(), facets[FacetNames.Issuer].ToList());
    }

    [TestMethod]
    public async Task SuggestAnswersAListAndRefusesLongPrefixes()
    {
        using var ok = await Service.GetJsonAsync("/api/suggest?prefix=" + Uri.EscapeDataString("碳"));
        Assert.AreEqual(JsonValueKind.Array, ok.RootElement.ValueKind);

        using var tooLong = await Service.Client.GetAsync("/api/suggest?prefix=" + new string('a', 101));
        await ProblemAssert.NamesParameterAsync(tooLong, "prefix");
        using var badMax = await Service.Client.GetAsync("/api/suggest?prefix=a&max=0");
        await ProblemAssert.NamesParameterAsync(badMax, "max");
    }

    [TestMethod]
    public async Task HealthReportsAnOpenCommittedIndex()
    {
        using var health = await Service.GetJsonAsync("/health");
        Assert.AreEqual("ok", health.RootElement.GetProperty("status").GetString());
        Assert.IsGreaterThan(0, health.RootElement.GetProperty("documents").GetInt32());
        Assert.AreEqual(JsonValueKind.String, health.RootElement.GetProperty("lastCommit").ValueKind);
    }

    [TestMethod]
    public async Task UnknownPathIsAProblemNotAPage()
    {
        using var response = await Service.Client.GetAsync("/api/nothing-here");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
