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
    /// <param name="settings">Configuration as command-line arguments (<c>--PolicyKB:ImportRoots:0=/srv/in</c>), after the tests' defaults.</param>
    /// <param name="beforeStart">Called with the built application before it starts (a test's extra endpoint or logger).</param>
    public static async Task<RunningService> StartAsync(string? adminKey = AdminKey, bool withSamples = true,
        TimeSpan? searchTimeout = null, string? indexDirectory = null, IEnumerable<string>? settings = null,
        Action<WebApplication>? beforeStart = null)
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
        var app = ServiceHost.Build([.. TestDefaults, .. settings ?? []], options);
        beforeStart?.Invoke(app);
        await app.StartAsync();
        var address = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new RunningService(app, indexDirectory, ownsIndex, address);
    }

    /// <summary>
    /// Every test talks from 127.0.0.1, so one client address: tests that do not pin the limits themselves get budgets
    /// that parallel test classes cannot exhaust (the limits' own tests set small ones).
    /// </summary>
    private static readonly string[] TestDefaults =
    [
        "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
        "--PolicyKB:RateLimits:FailedAdminAuthLimit=100000", "--PolicyKB:RateLimits:SearchConcurrencyPerClient=64",
    ];

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

    public IServiceProvider Services => app.Services;

    /// <summary>Stops the service as Ctrl+C does (requests in flight see the application stopping); the index folder stays until dispose.</summary>
    public async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        await app.StopAsync();
    }

    private bool stopped;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await app.DisposeAsync();
        if (!ownsIndex) return;
        try { Directory.Delete(indexDirectory, recursive: true); }
        catch (IOException) { /* a file still closing; the temp folder is cleaned by the OS */ }
    }
}
