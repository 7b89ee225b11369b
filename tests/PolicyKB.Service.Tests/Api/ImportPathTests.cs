using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>POST /api/import {"path": …} reads only below the configured import roots, judged by the real path.</summary>
[TestClass]
public sealed class ImportPathTests
{
    private static HttpRequestMessage ImportPath(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = JsonContent.Create(new { path }) };
        request.Headers.Add(PolicyKB.Service.Api.AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
        return request;
    }

    /// <summary>A root with one sample page, and beside it (outside the root) a secret page.</summary>
    private sealed class Folders : IDisposable
    {
        public string Top { get; } = RunningService.NewTemporaryFolder();
        public string Root => Path.Combine(Top, "inbox");
        public string Outside => Path.Combine(Top, "private");

        public Folders()
        {
            Directory.CreateDirectory(Root);
            Directory.CreateDirectory(Outside);
            var sample = Path.Combine(RunningService.SamplesDirectory(), "govcn-tanda-feng-xingdong-gbk.html");
            File.Copy(sample, Path.Combine(Root, "page.html"));
            File.WriteAllText(Path.Combine(Outside, "memo.html"),
                "<html><head><title>内部备忘录</title></head><body><h1>内部备忘录</h1><p>仅限内部传阅的碳达峰备忘录正文。</p></body></html>");
        }

        public string[] Settings => ["--PolicyKB:ImportRoots:0=" + Root];

        public void Dispose() => Directory.Delete(Top, recursive: true);
    }

    private static async Task AssertMemoIsNotSearchableAsync(RunningService service)
    {
        var result = await service.SearchAsync("q=" + Uri.EscapeDataString("内部备忘录"));
        Assert.AreEqual(0, result.Total, "the file outside the import roots became searchable");
    }

    [TestMethod]
    public async Task WithoutImportRootsPathImportsAreForbidden()
    {
        using var folders = new Folders();
        await using var service = await RunningService.StartAsync(withSamples: false);

        using var response = await service.Client.SendAsync(ImportPath(folders.Outside));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("ImportRoots", problem.GetProperty("detail").GetString()!);
        await AssertMemoIsNotSearchableAsync(service);
    }

    [TestMethod]
    public async Task AFolderInsideARootIsImported()
    {
        using var folders = new Folders();
        await using var service = await RunningService.StartAsync(withSamples: false, settings: folders.Settings);

        using var response = await service.Client.SendAsync(ImportPath(folders.Root));

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        Assert.AreEqual(1, JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32(), body);
    }

    [TestMethod]
    public async Task PathsOutsideTheRootsAreAProblemNamingPath()
    {
        using var folders = new Folders();
        await using var service = await RunningService.StartAsync(withSamples: false, settings: folders.Settings);
        foreach (var path in new[]
        {
            folders.Outside,
            Path.Combine(folders.Outside, "memo.html"),
            Path.Combine(folders.Root, "..", "private", "memo.html"),
            folders.Root + "/../private",
            Path.Combine(folders.Top, "inbox-not-really"),
            "/",
        })
        {
            using var response = await service.Client.SendAsync(ImportPath(path));
            await ProblemAssert.NamesParameterAsync(response, "path");
        }
        await AssertMemoIsNotSearchableAsync(service);
    }

    [TestMethod]
    public async Task ALinkInsideARootDoesNotLeadOut()
    {
        using var folders = new Folders();
        Directory.CreateSymbolicLink(Path.Combine(folders.Root, "linked-folder"), folders.Outside);
        File.CreateSymbolicLink(Path.Combine(folders.Root, "linked-memo.html"), Path.Combine(folders.Outside, "memo.html"));
        await using var service = await RunningService.StartAsync(withSamples: false, settings: folders.Settings);

        using var viaFolder = await service.Client.SendAsync(ImportPath(Path.Combine(folders.Root, "linked-folder")));
        using var viaFile = await service.Client.SendAsync(ImportPath(Path.Combine(folders.Root, "linked-memo.html")));
        using var viaRoot = await service.Client.SendAsync(ImportPath(folders.Root));

        await ProblemAssert.NamesParameterAsync(viaFolder, "path");
        await ProblemAssert.NamesParameterAsync(viaFile, "path");
        var body = await viaRoot.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, viaRoot.StatusCode, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.AreEqual(1, report.GetProperty("imported").GetInt32(), body);
        Assert.IsTrue(report.GetProperty("files").EnumerateArray().Any(f => f.GetProperty("path").GetString()!.EndsWith("linked-memo.html", StringComparison.Ordinal)
            && f.GetProperty("error").GetString()!.Contains("outside")), "the link that leads out is not reported: " + body);
        await AssertMemoIsNotSearchableAsync(service);
    }

    [TestMethod]
    public async Task AMissingPathInsideARootIsAProblemNamingPath()
    {
        using var folders = new Folders();
        await using var service = await RunningService.StartAsync(withSamples: false, settings: folders.Settings);
        using var response = await service.Client.SendAsync(ImportPath(Path.Combine(folders.Root, "no-such-folder")));
        await ProblemAssert.NamesParameterAsync(response, "path");
    }
}
