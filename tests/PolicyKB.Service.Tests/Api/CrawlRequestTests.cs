using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
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
        StringAssert.Contains((coordinator.Status.LastSummary?.Sites.Single().Failures is [var failure, ..] ? failure.Url : null) ?? coordinator.Status.LastError ?? "", "127.0.0.1:9");
    }

    /// <summary>
    /// A loopback stand-in for www.mee.gov.cn: one xxgk01 list page linking one notice (a sample page), nothing else.
    /// </summary>
    private static async Task<WebApplication> StartMeeMirrorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var mirror = builder.Build();
        var notice = await File.ReadAllBytesAsync(Path.Combine(RunningService.SamplesDirectory(), "mee-zhiyuan-jianpai-banfa.html"));
        mirror.Run(async http =>
        {
            switch (http.Request.Path.Value)
            {
                case "/xxgk2018/xxgk/xxgk01/":
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync("""<html><body><ul><li><a href="./202310/t20231020_1043694.html">温室气体自愿减排交易管理办法（试行）</a></li></ul><script>var countPage = 1;</script></body></html>""");
                    break;
                case "/xxgk2018/xxgk/xxgk01/202310/t20231020_1043694.html":
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.Body.WriteAsync(notice);
                    break;
                default:
                    http.Response.StatusCode = 404;
                    break;
            }
        });
        await mirror.StartAsync();
        return mirror;
    }

    [TestMethod]
    public async Task ADocumentFetchedThroughAnOverrideRecordsWhereItCameFrom()
    {
        await using var mirror = await StartMeeMirrorAsync();
        var mirrorBase = new Uri(mirror.Urls.First());
        await using var service = await RunningService.StartAsync(withSamples: false, settings:
            ["--Crawl:AllowBaseUrlOverride=true", "--Crawl:BaseUrlOverrideHosts:0=" + mirrorBase.Authority, "--Crawl:MaxTries=1", "--Crawl:RatePerSecond=100"]);

        using var response = await PostAsync(service,
            $"{{\"sites\": [\"mee\"], \"baseUrls\": {{\"mee\": \"{mirrorBase}\"}}, \"maxListPages\": 1}}");
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        await ((CrawlCoordinator)service.Services.GetService(typeof(CrawlCoordinator))!).WhenIdle();

        const string siteUrl = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk01/202310/t20231020_1043694.html";
        var found = await service.SearchAsync("q=" + Uri.EscapeDataString("温室气体自愿减排交易管理办法"));
        var hit = found.Hits.SingleOrDefault(h => h.Url == siteUrl);
        Assert.IsNotNull(hit, "the mirrored notice is not in the index under its site URL: " + string.Join(", ", found.Hits.Select(h => h.Url)));
        using var document = await service.GetJsonAsync("/api/documents/" + hit.Id);
        var source = document.RootElement.GetProperty("document").GetProperty("sources").EnumerateArray().Single();
        Assert.AreEqual(siteUrl, source.GetProperty("url").GetString());
        Assert.AreEqual(new Uri(mirrorBase, "xxgk2018/xxgk/xxgk01/202310/t20231020_1043694.html").AbsoluteUri, source.GetProperty("fetchedFrom").GetString());
    }
}
