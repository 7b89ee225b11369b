using System.Net;
using System.Text.Json;
using PolicyKB.Search;
using PolicyKB.Search.Status;
using PolicyKB.Service.Api;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class DocumentStatusApiTests
{
    /// <summary>The pages beside this file (StatusPages/), found from the repository root.</summary>
    internal static string Page(string name) =>
        Path.Combine(Path.GetDirectoryName(RunningService.SamplesDirectory())!, "tests", "PolicyKB.Service.Tests", "Api", "StatusPages", name);

    internal static async Task UploadAsync(RunningService service, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Page(name))), "files", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
        using var response = await service.Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> StatusAsync(RunningService service, string id)
    {
        using var json = await service.GetJsonAsync("/api/documents/" + Uri.EscapeDataString(id));
        return json.RootElement.GetProperty("status").Clone();
    }

    [TestMethod]
    public async Task ALaterNoticeThatRepealsAnImportedOneTurnsIt已废止WithoutReimportingIt()
    {
        await using var service = await RunningService.StartAsync(withSamples: false);
        await UploadAsync(service, "first-notice.html");
        var first = (await service.SearchAsync("q=" + Uri.EscapeDataString("核查试点"))).Hits.Single();

        var before = await StatusAsync(service, first.Id);
        Assert.AreEqual("现行有效", before.GetProperty("state").GetString());
        Assert.AreEqual(0, before.GetProperty("by").GetArrayLength());

        await UploadAsync(service, "later-notice.html");

        var after = await StatusAsync(service, first.Id);
        Assert.AreEqual("已废止", after.GetProperty("state").GetString());
        Assert.AreEqual("2023-03-01", after.GetProperty("since").GetString());
        var by = after.GetProperty("by").EnumerateArray().Single();
        Assert.AreEqual("关于做好全国碳市场企业温室气体排放报告核查工作的通知", by.GetProperty("title").GetString());
        Assert.AreEqual("2023-02-07", by.GetProperty("date").GetString());
        StringAssert.Contains(after.GetProperty("evidence").GetString(), "（环办气候〔2021〕17号）同时废止");
        using var repealing = await service.GetJsonAsync("/api/documents/" + Uri.EscapeDataString(by.GetProperty("id").GetString()!));
        Assert.AreEqual("现行有效", repealing.RootElement.GetProperty("status").GetProperty("state").GetString());
    }

    [TestMethod]
    public async Task The效力FacetAndFilterShowAnImportedNotice已废止OnceALaterOneRepealsItWithoutReimportingIt()
    {
        await using var service = await RunningService.StartAsync(withSamples: false);
        await UploadAsync(service, "first-notice.html");
        var first = (await service.SearchAsync("q=" + Uri.EscapeDataString("核查试点"))).Hits.Single();
        Assert.AreEqual(1, StatusCount(await service.SearchAsync(""), "现行有效"));

        await UploadAsync(service, "later-notice.html");

        var all = await service.SearchAsync("");
        Assert.AreEqual(1, StatusCount(all, "已废止"));
        Assert.AreEqual(1, StatusCount(all, "现行有效"));
        var repealed = await service.SearchAsync("status=" + Uri.EscapeDataString("已废止"));
        Assert.AreEqual(first.Id, repealed.Hits.Single().Id);
        var inForce = await service.SearchAsync("status=" + Uri.EscapeDataString("现行有效"));
        Assert.AreNotEqual(first.Id, inForce.Hits.Single().Id);
        using var export = await service.GetJsonAsync("/api/export?format=json&status=" + Uri.EscapeDataString("已废止"));
        Assert.AreEqual("已废止", export.RootElement.GetProperty("hits")[0].GetProperty("status").GetString());
    }

    private static int StatusCount(SearchResult result, string state) =>
        result.Facets["status"].FirstOrDefault(v => v.Value == state)?.Count ?? 0;

    [TestMethod]
    public async Task AnUnknownStatusFilterIsAProblemNamingStatus()
    {
        using var response = await SharedService.Instance.Client.GetAsync("/api/search?status=" + Uri.EscapeDataString("有效"));
        await ProblemAssert.NamesParameterAsync(response, "status");
    }

    [TestMethod]
    public async Task StatusesOfAPageOfHitsComeInOneCallLeavingOutUnknownIds()
    {
        var service = SharedService.Instance;
        var hits = (await service.SearchAsync("size=5")).Hits;
        var query = string.Join("&", hits.Select(h => "id=" + Uri.EscapeDataString(h.Id)).Append("id=nosuchdocument"));

        using var json = await service.GetJsonAsync("/api/status?" + query);

        CollectionAssert.AreEquivalent(hits.Select(h => h.Id).ToList(), json.RootElement.EnumerateObject().Select(p => p.Name).ToList());
        foreach (var hit in hits)
            Assert.AreEqual((await StatusAsync(service, hit.Id)).GetProperty("state").GetString(),
                json.RootElement.GetProperty(hit.Id).GetProperty("state").GetString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("id=")]
    public async Task AStatusRequestWithoutIdsIsAProblemNamingId(string query)
    {
        using var response = await SharedService.Instance.Client.GetAsync("/api/status?" + query);
        await ProblemAssert.NamesParameterAsync(response, "id");
    }

    [TestMethod]
    public async Task EverySampleDocumentHasAStatus()
    {
        var service = SharedService.Instance;
        var hits = (await service.SearchAsync("size=100")).Hits;
        Assert.IsGreaterThan(0, hits.Count);
        foreach (var hit in hits)
        {
            var status = await StatusAsync(service, hit.Id);
            CollectionAssert.Contains(StatusStates.All.ToList(), status.GetProperty("state").GetString(), hit.Title);
        }
    }
}
