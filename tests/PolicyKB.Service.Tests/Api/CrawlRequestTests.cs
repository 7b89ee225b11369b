using System.Net;
using System.Text.Json;
using PolicyKB.Crawl;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>POST /api/crawl: every field an admin sends is checked, and a base-URL override needs the configuration's consent.</summary>
[TestClass]
public sealed class CrawlRequestTests
{
    private static async Task<HttpResponseMessage> PostAsync(RunningService service, string json)
        => await service.Client.SendAsync(AdminRequests.Post("/api/crawl", json, "application/json", RunningService.AdminKey));

    public static IEnumerable<object[]> BadFields =>
    [
        ["{\"maxListPages\": -1}", "maxListPages"],
        ["{\"maxListPages\": 0}", "maxListPages"],
        ["{\"maxListPages\": 2000000000}", "maxListPages"],
        ["{\"ratePerSecond\": 0}", "ratePerSecond"],
        ["{\"ratePerSecond\": -2}", "ratePerSecond"],
        ["{\"ratePerSecond\": 1000}", "ratePerSecond"],
        ["{\"recheckAfterDays\": -1}", "recheckAfterDays"],
        ["{\"recheckAfterDays\": 1e300}", "recheckAfterDays"],
        ["{\"sites\": [\"example\"]}", "sites"],
        ["{\"sites\": [\"mee\", \"\"]}", "sites"],
        ["{\"sites\": [\"../../etc\"]}", "sites"],
        ["{\"sites\": \"mee\"}", "sites"],
        ["{\"baseUrls\": {\"mee\": \"http://10.0.0.1/\"}}", "baseUrls"],
    ];

    [TestMethod]
    [DynamicData(nameof(BadFields))]
    public async Task ABadFieldIsAProblemNamingItAndNoCrawlStarts(string json, string field)
    {
        using var response = await PostAsync(SharedService.Instance, json);

        await ProblemAssert.NamesParameterAsync(response, field);
        using var status = await SharedService.Instance.Client.SendAsync(AdminRequests.Get("/api/crawl", RunningService.AdminKey));
        Assert.IsFalse(JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement.GetProperty("running").GetBoolean());
    }

    private static readonly string[] OverrideToLoopback =
        ["--Crawl:AllowBaseUrlOverride=true", "--Crawl:BaseUrlOverrideHosts:0=127.0.0.1:9", "--Crawl:MaxTries=1"];

    [TestMethod]
    public async Task AnOverrideToAHostNotListedIsAProblemNamingBaseUrls()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: OverrideToLoopback);
        foreach (var url in new[] { "http://10.0.0.1/", "http://127.0.0.1:8080/", "http://127.0.0.1:9@10.0.0.1/", "file:///etc/", "ftp://127.0.0.1:9/" })
        {
            using var response = await PostAsync(service, $"{{\"sites\": [\"mee\"], \"baseUrls\": {{\"mee\": \"{url}\"}}}}");
            await ProblemAssert.NamesParameterAsync(response, "baseUrls");
        }
    }

    [TestMethod]
    public async Task AnOverrideToAListedHostStartsTheCrawl()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: OverrideToLoopback);

        using var response = await PostAsync(service, "{\"sites\": [\"mee\"], \"baseUrls\": {\"mee\": \"http://127.0.0.1:9/\"}, \"maxListPages\": 1}");

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        await ((CrawlCoordinator)service.Services.GetService(typeof(CrawlCoordinator))!).WhenIdle();
    }

    [TestMethod]
    public async Task TheSettingsBaseUrlsStillApplyWithoutAnOverride()
    {
        await using var service = await RunningService.StartAsync(withSamples: false,
            settings: ["--Crawl:BaseUrls:mee=http://127.0.0.1:9/", "--Crawl:MaxTries=1"]);

        using var response = await PostAsync(service, "{\"sites\": [\"mee\"], \"maxListPages\": 1}");

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var coordinator = (CrawlCoordinator)service.Services.GetService(typeof(CrawlCoordinator))!;
        await coordinator.WhenIdle();
        StringAssert.Contains(coordinator.Status.LastSummary?.Sites.Single().Failures.FirstOrDefault()?.Url ?? coordinator.Status.LastError ?? "", "127.0.0.1:9");
    }
}
