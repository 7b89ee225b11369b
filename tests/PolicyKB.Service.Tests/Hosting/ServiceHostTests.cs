using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Hosting;

[TestClass]
public sealed class ServiceHostTests
{
    private static RunningService Service => SharedService.Instance;

    [TestMethod]
    public async Task PageIsServedWithSecurityHeaders()
    {
        using var response = await Service.Client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.IsTrue(response.Headers.Contains("Referrer-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, "the page must not carry inline script");
    }

    [TestMethod]
    public async Task ApiAnswersCarryTheSameHeaders()
    {
        using var response = await Service.Client.GetAsync("/health");
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"));
    }

    [TestMethod]
    public async Task OpenApiDocumentDescribesEveryEndpoint()
    {
        using var json = await Service.GetJsonAsync("/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/search", "/api/export", "/api/facets", "/api/suggest", "/api/documents/{id}", "/api/import", "/health" })
            CollectionAssert.Contains(paths, path);
        var parameters = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "q", "issuer", "theme", "topic", "type", "site", "from", "to", "sort", "page", "size" })
            CollectionAssert.Contains(parameters, name);
    }

    [TestMethod]
    public async Task OpenApiDocumentDescribesTheAdminRequestBodies()
    {
        using var json = await Service.GetJsonAsync("/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths");
        var import = paths.GetProperty("/api/import").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.IsTrue(import.TryGetProperty("application/json", out _), import.ToString());
        Assert.IsTrue(import.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("files", out _), import.ToString());
        var crawl = paths.GetProperty("/api/crawl").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.IsTrue(crawl.TryGetProperty("application/json", out _), crawl.ToString());
    }

    [TestMethod]
    public async Task StoppedServiceLeavesACommittedIndexThatAnotherWriterCanOpen()
    {
        var folder = RunningService.NewTemporaryFolder();
        try
        {
            int served;
            await using (var service = await RunningService.StartAsync(indexDirectory: folder))
            {
                using var health = await service.GetJsonAsync("/health");
                served = health.RootElement.GetProperty("documents").GetInt32();
            }

            using var reopened = PolicyKB.Search.PolicyIndex.Open(folder, TestData.IndexOptions);
            Assert.IsGreaterThan(0, served);
            Assert.AreEqual(served, reopened.Count);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public async Task NonEmptyIndexIsNotFilledWithTheSamplesOnStart()
    {
        var folder = RunningService.NewTemporaryFolder();
        try
        {
            await using (var first = await RunningService.StartAsync(withSamples: false, indexDirectory: folder))
            {
                var sample = Path.Combine(RunningService.SamplesDirectory(), "govcn-tanda-feng-xingdong-gbk.html");
                using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(sample)), "files", "one.html" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
                request.Headers.Add(PolicyKB.Service.Api.AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
                using var response = await first.Client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }

            await using var second = await RunningService.StartAsync(withSamples: true, indexDirectory: folder);
            using var health = await second.GetJsonAsync("/health");
            Assert.AreEqual(1, health.RootElement.GetProperty("documents").GetInt32());
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public async Task SearchThatOutrunsTheTimeoutIsAServiceUnavailableProblem()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, searchTimeout: TimeSpan.FromTicks(1));

        using var response = await service.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("碳达峰"));

        var problem = await PolicyKB.Service.Tests.Api.ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.ServiceUnavailable);
        Assert.AreEqual("检索超时", problem.GetProperty("title").GetString());
    }
}
