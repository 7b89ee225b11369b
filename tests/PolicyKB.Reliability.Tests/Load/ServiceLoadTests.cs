using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;
using PolicyKB.Service;

namespace PolicyKB.Reliability.Tests.Load;

/// <summary>
/// Concurrent clients against the real service on 127.0.0.1 for a bounded time: every request answers 200 with
/// well-formed JSON; latency percentiles per endpoint go to the test output (speed itself is the benchmark's business).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ServiceLoadTests
{
    private const int Clients = 50;
    /// <summary>30 s when run by hand; CI sets <see cref="LoadDuration.Variable"/> to keep its run short.</summary>
    private static readonly TimeSpan Duration = LoadDuration.Or(TimeSpan.FromSeconds(30));
    private static readonly string[] Words = ["通知", "碳排放权", "风电 光伏发电", "\"重点任务\"", "生态保护红线", "能源安全", "title:意见", "绿色金融", "节能审查", "清缴履约"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task ConcurrentClientsOnLoopbackGetNoErrors()
    {
        using var temp = new TempFolder("load");
        var pages = SmallCorpus.Pages(200, seed: 3);
        using (var index = PolicyIndex.Open(temp.Path, TestData.IndexOptions))
        {
            foreach (var p in pages) index.Upsert(p.ToDocument());
            index.Commit();
        }
        var ids = pages.Select(p => p.ToDocument().Id).ToList();
        var issuers = pages.Select(p => p.Issuers[0]).Distinct().ToList();

        // Every simulated client shares the one loopback address, which the per-client limit would treat as one user.
        var app = ServiceHost.Build(["--urls", "http://127.0.0.1:0", $"--PolicyKB:RateLimits:SearchConcurrencyPerClient={Clients}"],
            new ServiceOptions { IndexDirectory = temp.Path });
        await app.StartAsync(TestContext.CancellationToken);
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentQueue<string>();
        try
        {
            var address = app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            var until = DateTime.UtcNow + Duration;
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var random = new Random(c);
                while (DateTime.UtcNow < until)
                {
                    var (kind, url) = NextRequest(random, ids, issuers);
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.GetAsync(url);
                        var body = await response.Content.ReadAsStringAsync();
                        latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        if (!response.IsSuccessStatusCode) errors.Enqueue($"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                        else if (kind == "search" && !JsonDocument.Parse(body).RootElement.TryGetProperty("total", out _)) errors.Enqueue($"{url}: no total in the answer");
                    }
                    catch (Exception e) { errors.Enqueue($"{url}: {e.GetType().Name} {e.Message}"); }
                }
            })));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var total = latencies.Values.Sum(b => b.Count);
        TestContext.WriteLine($"{total} requests from {Clients} clients in {Duration.TotalSeconds:0} s, {errors.Count} errors");
        foreach (var (kind, bag) in latencies.OrderBy(kv => kv.Key))
        {
            var sorted = bag.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            TestContext.WriteLine($"  {kind,-9} n={sorted.Length,5}  p50 {At(0.50),7:0.0} ms  p95 {At(0.95),7:0.0} ms  p99 {At(0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms");
        }
        Assert.IsTrue(errors.IsEmpty, string.Join("\n", errors.Take(10)));
        Assert.IsTrue(latencies.TryGetValue("search", out var searches) && searches.Count >= Clients, "the clients searched");
    }

    private static (string Kind, string Url) NextRequest(Random random, IReadOnlyList<string> ids, IReadOnlyList<string> issuers)
    {
        var word = Uri.EscapeDataString(Words[random.Next(Words.Length)]);
        return random.Next(10) switch
        {
            < 4 => ("search", $"/api/search?q={word}"),
            4 => ("search", $"/api/search?q={word}&issuer={Uri.EscapeDataString(issuers[random.Next(issuers.Count)])}"),
            5 => ("search", $"/api/search?q={word}&year={random.Next(2015, 2027)}&sort=newest&page=2"),
            6 => ("document", $"/api/documents/{ids[random.Next(ids.Count)]}"),
            7 => ("facets", "/api/facets"),
            8 => ("suggest", $"/api/suggest?prefix={Uri.EscapeDataString("碳")}"),
            _ => ("health", "/health"),
        };
    }
}
