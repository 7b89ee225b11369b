using System.Net;
using System.Net.Http.Json;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>A long POST /api/import ends with the service, and what it had imported stays in the index.</summary>
[TestClass]
public sealed class ImportCancellationTests
{
    private const int Files = 4000;

    /// <summary>
    /// Many distinct notices of a few thousand characters each: analysing them takes long enough (tens of seconds on
    /// two cores) that the import is still running when the service is stopped, on a fast machine too.
    /// </summary>
    private static string ManyPages()
    {
        var folder = RunningService.NewTemporaryFolder();
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Files; i++)
        {
            var paragraphs = string.Concat(Enumerable.Range(0, 24).Select(j =>
                $"<p>第{i}批第{j}项：试点城市要在{2025 + j % 6}年前完成温室气体排放清单编制，单位地区生产总值二氧化碳排放比{2020 + j % 3}年下降{(i * 31 + j) % 18 + 2}%，编号{i * 7919 + j}。</p>"));
            File.WriteAllText(Path.Combine(folder, $"notice-{i:0000}.html"),
                $"<html><head><title>关于第{i}批碳达峰试点的通知</title></head><body><h1>关于第{i}批碳达峰试点的通知</h1>{paragraphs}</body></html>");
        }
        return folder;
    }

    [TestMethod]
    public async Task AnImportStopsWhenTheServiceStopsAndKeepsWhatItCommitted()
    {
        var pages = ManyPages();
        var index = RunningService.NewTemporaryFolder();
        try
        {
            HttpResponseMessage? answer = null;
            await using (var service = await RunningService.StartAsync(withSamples: false, indexDirectory: index,
                settings: ["--PolicyKB:ImportRoots:0=" + pages]))
            {
                using var importClient = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(5) };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = JsonContent.Create(new { path = pages }) };
                request.Headers.Add(PolicyKB.Service.Api.AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
                var importing = importClient.SendAsync(request);
                var live = (IPolicyIndex)service.Services.GetService(typeof(IPolicyIndex))!;
                for (var i = 0; i < 600 && live.Count == 0 && !importing.IsCompleted; i++) await Task.Delay(50);
                Assert.IsFalse(importing.IsCompleted, "the import finished before the service could be stopped: " + live.Count);

                await service.StopAsync();
                try { answer = await importing; }
                catch (HttpRequestException) { /* the connection closed with the service: also an end */ }
            }
            if (answer is not null)
            {
                var problem = await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.ServiceUnavailable);
                Assert.IsGreaterThan(0, problem.GetProperty("imported").GetInt32());
            }
            using var reopened = PolicyIndex.Open(index, TestData.IndexOptions);
            Assert.IsGreaterThan(0, reopened.Count, "what the import committed was lost");
            Assert.IsLessThan(Files, reopened.Count, "the import ran to the end although the service stopped");
        }
        finally
        {
            Directory.Delete(pages, recursive: true);
            if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        }
    }
}
