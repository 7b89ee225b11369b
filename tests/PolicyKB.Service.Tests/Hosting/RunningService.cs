using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Service.Tests.Hosting;

/// <summary>
/// A real PolicyKB service on a free loopback port over the repository's samples/, with its index in a
/// temporary folder that is deleted when the service stops.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication app;
    private readonly string indexDirectory;
    private readonly bool ownsIndex;

    private RunningService(WebApplication app, string indexDirectory, bool ownsIndex, Uri address)
    {
        this.app = app;
        this.indexDirectory = indexDirectory;
        this.ownsIndex = ownsIndex;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <param name="indexDirectory">An index folder the caller keeps; by default a temporary one deleted on dispose.</param>
    public static async Task<RunningService> StartAsync(string? adminKey = AdminKey, bool withSamples = true,
        TimeSpan? searchTimeout = null, string? indexDirectory = null)
    {
        var ownsIndex = indexDirectory is null;
        indexDirectory ??= NewTemporaryFolder();
        var options = new ServiceOptions
        {
            IndexDirectory = indexDirectory,
            SamplesDirectory = withSamples ? SamplesDirectory() : null,
            AdminApiKey = adminKey,
            SearchTimeout = searchTimeout,
        };
        var app = ServiceHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], options);
        await app.StartAsync();
        var address = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new RunningService(app, indexDirectory, ownsIndex, address);
    }

    public static string NewTemporaryFolder() => Path.Combine(Path.GetTempPath(), "policykb-service-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The repository's samples/ folder, found by walking up from the test's output folder.</summary>
    public static string SamplesDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var samples = Path.Combine(d.FullName, "samples");
            if (Directory.Exists(samples) && File.Exists(Path.Combine(d.FullName, "PolicyKB.sln"))) return samples;
        }
        throw new DirectoryNotFoundException("No samples/ folder above " + AppContext.BaseDirectory);
    }

    public async Task<SearchResult> SearchAsync(string queryString)
    {
        var result = await Client.GetFromJsonAsync<SearchResult>("/api/search?" + queryString, PolicyJson.Options);
        return result ?? throw new InvalidOperationException("Empty search answer");
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (!ownsIndex) return;
        try { Directory.Delete(indexDirectory, recursive: true); }
        catch (IOException) { /* a file still closing; the temp folder is cleaned by the OS */ }
    }
}
