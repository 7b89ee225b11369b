using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyKB.Service.Api;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class AdminApiTests
{
    private static HttpRequestMessage ImportPath(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = JsonContent.Create(new { path }) };
        if (key is not null) request.Headers.Add(AdminEndpoints.ApiKeyHeader, key);
        return request;
    }

    [TestMethod]
    public async Task ImportWithoutKeyIsUnauthorized()
    {
        using var response = await SharedService.Instance.Client.SendAsync(ImportPath(RunningService.SamplesDirectory(), key: null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ImportWithWrongKeyIsUnauthorized()
    {
        using var response = await SharedService.Instance.Client.SendAsync(ImportPath(RunningService.SamplesDirectory(), key: "guess"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task AdminCallsAreDisabledWhenNoKeyIsConfigured()
    {
        await using var service = await RunningService.StartAsync(adminKey: null, withSamples: false);

        using var withKey = await service.Client.SendAsync(ImportPath(RunningService.SamplesDirectory(), key: "anything"));

        var problem = await ProblemAssert.IsProblemAsync(withKey, HttpStatusCode.Forbidden);
        Assert.Contains("AdminApiKey", problem.GetProperty("detail").GetString()!);
    }

    [TestMethod]
    public async Task UploadedFileBecomesSearchable()
    {
        await using var service = await RunningService.StartAsync(withSamples: false);
        var file = Path.Combine(RunningService.SamplesDirectory(), "govcn-tanda-feng-xingdong-gbk.html");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file) },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);

        using var response = await service.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        Assert.AreEqual(1, JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32(), body);
        var result = await service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰"));
        Assert.AreEqual(1, result.Total);
    }

    [TestMethod]
    public async Task FolderOnTheServerIsImported()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: ["--PolicyKB:ImportRoots:0=" + RunningService.SamplesDirectory()]);

        using var response = await service.Client.SendAsync(ImportPath(RunningService.SamplesDirectory(), RunningService.AdminKey));

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        using var health = await service.GetJsonAsync("/health");
        Assert.AreEqual(JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32(), health.RootElement.GetProperty("documents").GetInt32());
        Assert.IsGreaterThan(5, health.RootElement.GetProperty("documents").GetInt32());
    }

    [TestMethod]
    public async Task MalformedUploadIsAProblemNamingFiles()
    {
        var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.html\"\r\n\r\n<p>cut off", System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = content };
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);

        using var response = await SharedService.Instance.Client.SendAsync(request);

        await ProblemAssert.NamesParameterAsync(response, "files");
    }

    [TestMethod]
    public async Task MalformedJsonIsAProblemNamingPath()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import")
        {
            Content = new StringContent("{\"path\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
        using var response = await SharedService.Instance.Client.SendAsync(request);
        await ProblemAssert.NamesParameterAsync(response, "path");
    }

    private static HttpRequestMessage Crawl(string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/crawl") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add(AdminEndpoints.ApiKeyHeader, key);
        return request;
    }

    [TestMethod]
    public async Task CrawlWithoutKeyIsUnauthorized()
    {
        using var response = await SharedService.Instance.Client.SendAsync(Crawl("{}", key: null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task CrawlOfAnUnknownSiteIsAProblemNamingSites()
    {
        using var response = await SharedService.Instance.Client.SendAsync(Crawl("{\"sites\": [\"example\"]}", RunningService.AdminKey));
        await ProblemAssert.NamesParameterAsync(response, "sites");
    }

    [TestMethod]
    public async Task CrawlWithANegativeRecheckPeriodIsAProblemNamingIt()
    {
        using var response = await SharedService.Instance.Client.SendAsync(Crawl("{\"recheckAfterDays\": -1}", RunningService.AdminKey));
        await ProblemAssert.NamesParameterAsync(response, "recheckAfterDays");
    }

    [TestMethod]
    [DataRow("{\"sites\": [\"example\"]}", "sites")]
    [DataRow("{\"maxListPages\": 0}", "maxListPages")]
    [DataRow("{\"recheckAfterDays\": -1}", "recheckAfterDays")]
    [DataRow("{\"ratePerSecond\": 0}", "ratePerSecond")]
    [DataRow("{\"baseUrls\": {\"mee\": \"http://127.0.0.1:1/\"}}", "baseUrls")]
    public async Task ABadCrawlRequestIsExplainedInChinese(string json, string parameter)
    {
        using var response = await SharedService.Instance.Client.SendAsync(Crawl(json, RunningService.AdminKey));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.IsTrue(message.Any(c => c is >= '\u4E00' and <= '\u9FFF'), message);
    }

    [TestMethod]
    public async Task CrawlStatusSaysNothingRuns()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/crawl");
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
        using var response = await SharedService.Instance.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        Assert.IsFalse(JsonDocument.Parse(body).RootElement.GetProperty("running").GetBoolean());
    }
}
