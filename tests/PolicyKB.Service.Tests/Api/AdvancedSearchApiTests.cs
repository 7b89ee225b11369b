using System.Net;
using System.Text.Json;
using PolicyKB.Import;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Advanced search through the API: field prefixes and date ranges in q, 在结果中检索 (within), the issuer tree, body links.</summary>
[TestClass]
public sealed class AdvancedSearchApiTests
{
    private static RunningService Service => SharedService.Instance;

    private static async Task<List<string>> IdsAsync(string queryString) =>
        (await Service.SearchAsync(queryString + "&size=100")).Hits.Select(h => h.Id).Order().ToList();

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    [TestMethod]
    public async Task DateRangesInTheQueryFindWhatTheDateParametersFind()
    {
        var all = await IdsAsync("q=");
        foreach (var (query, parameters) in new[]
        {
            ("written:2023-10-01..2023-10-31", "writtenFrom=2023-10-01&writtenTo=2023-10-31"),
            ("published:2023-11..", "from=2023-11"),
            ("碳 published:..2023-06", Q("碳") + "&to=2023-06"),
        })
        {
            var expected = await IdsAsync(parameters.StartsWith("q=", StringComparison.Ordinal) ? parameters : "q=&" + parameters);
            Assert.IsNotEmpty(expected, parameters);
            Assert.IsLessThan(all.Count, expected.Count, parameters);
            CollectionAssert.AreEqual(expected, await IdsAsync(Q(query)), query);
        }
    }

    [TestMethod]
    public async Task WithinResultsIsAndedWithTheQuery()
    {
        var broad = await IdsAsync(Q("碳"));
        var within = await IdsAsync(Q("碳") + "&within=" + Uri.EscapeDataString("title:通知"));
        Assert.IsNotEmpty(within);
        Assert.IsLessThan(broad.Count, within.Count);
        CollectionAssert.AreEqual(await IdsAsync(Q("碳 title:通知")), within);
        CollectionAssert.IsSubsetOf(within, broad);
        // An OR at the end of one part cannot reach into the other: each part must stand on its own.
        using var bad = await Service.Client.GetAsync("/api/search?" + Q("碳") + "&within=" + Uri.EscapeDataString("OR 通知"));
        var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
        StringAssert.StartsWith(problem.GetProperty("errors").GetProperty("within")[0].GetString(), "在结果中检索的条件有误：OR 两边都需要检索词");
    }

    [TestMethod]
    public async Task AnInvalidRangeIsRefusedInChinese()
    {
        using var response = await Service.Client.GetAsync("/api/search?" + Q("碳达峰 written:2023..2021"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.AreEqual("成文日期范围无效：起始日期 2023-01-01 晚于截止日期 2021-12-31。", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [TestMethod]
    public async Task IssuerValuesNameTheNearestListedIssuerAbove()
    {
        using var json = await Service.GetJsonAsync("/api/facets");
        var values = json.RootElement.GetProperty("issuer").EnumerateArray()
            .Select(v => (Value: v.GetProperty("value").GetString()!, Parent: v.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))
            .ToList();
        var listed = values.Select(v => v.Value).ToHashSet();
        Assert.IsTrue(listed.Contains("国务院") && listed.Contains("生态环境部"), string.Join("、", listed));
        Assert.AreEqual("国务院", values.Single(v => v.Value == "生态环境部").Parent);
        Assert.IsNull(values.Single(v => v.Value == "国务院").Parent);
        foreach (var (value, parent) in values.Where(v => v.Parent is not null))
        {
            Assert.Contains(parent!, listed);
            var up = TestData.Issuers.Parent(value);
            while (up is not null && up != parent) up = TestData.Issuers.Parent(up);
            Assert.AreEqual(parent, up, $"{parent} stands above {value} in data/issuers.json");
        }
        // A search's facets carry parents among their own values.
        var searched = (await Service.SearchAsync(Q("生态环境"))).Facets[FacetNames.Issuer];
        var own = searched.Select(v => v.Value).ToHashSet();
        Assert.AreEqual(own.Contains("国务院") ? "国务院" : null, searched.Single(v => v.Value == "生态环境部").Parent);
        Assert.IsTrue(searched.All(v => v.Parent is null || own.Contains(v.Parent)));
    }

    [TestMethod]
    public async Task EveryIssuerOfAJointDocumentIsCounted()
    {
        var result = await Service.SearchAsync(Q("title:甲烷排放控制行动方案"));
        var counts = result.Facets[FacetNames.Issuer].ToDictionary(v => v.Value, v => v.Count);
        foreach (var issuer in new[] { "生态环境部", "外交部", "国家发展和改革委员会", "科学技术部", "工业和信息化部", "财政部" })
            Assert.IsGreaterThanOrEqualTo(1, counts.GetValueOrDefault(issuer), issuer);
    }

    [TestMethod]
    public async Task TheDocumentApiLinksTitlesOfTheKnowledgeBase()
    {
        using var json = await Service.GetJsonAsync("/api/documents/bd4df6ed1520b2b5a490");
        var body = json.RootElement.GetProperty("document").GetProperty("body");
        var links = json.RootElement.GetProperty("links").EnumerateArray().ToList();
        var link = links.First(l => l.GetProperty("id").GetString() == "5461c7f2f3523c4ffdef");
        Assert.AreEqual("温室气体自愿减排交易管理办法（试行）", link.GetProperty("text").GetString());
        var text = body[link.GetProperty("block").GetInt32()].GetProperty("text").GetString()!;
        Assert.AreEqual(link.GetProperty("text").GetString(), text.Substring(link.GetProperty("start").GetInt32(), link.GetProperty("length").GetInt32()));
    }
}
