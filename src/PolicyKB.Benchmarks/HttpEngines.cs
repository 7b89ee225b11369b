using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PolicyKB.Model;
using PolicyKB.Service;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Benchmarks;

/// <summary>
/// Both engines behind loopback HTTP, so that they pay the same transport (Kestrel, one keep-alive connection, the
/// client reading and parsing the JSON answer): PolicyKB as the real service (<see cref="ServiceHost"/>, /api/search
/// with three facets and ten snippets), FTS5 behind a minimal Kestrel endpoint answering the count, the three facets and
/// ten <c>snippet()</c>s. The queries alternate between the engines, so a busy moment of the shared machine falls on both.
/// </summary>
public static class HttpEngines
{
    public const string PolicyKbName = "PolicyKB (the service, /api/search)";
    public const string Fts5Name = "SQLite FTS5 trigram (minimal Kestrel front)";
    private static readonly string[] ThreeFacets = ["issuer", "theme", "year"];

    public static HttpResult Measure(string runDir, IReadOnlyList<BenchQuery> mix, TimeSpan budget)
    {
        var policyKb = StartPolicyKb(Path.Combine(runDir, "policykb"));
        var fts5 = StartFts5(Path.Combine(runDir, "fts5"));
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var kbUrl = new Uri(policyKb.Urls.First());
            var ftsUrl = new Uri(fts5.Urls.First());
            var errors = 0;
            long kbHits = 0, ftsHits = 0;
            // Warm-up passes over both (JIT, page cache, connection) until the JIT has settled, then the timed pass.
            var warmUps = PolicyKB.Benchmarks.Measure.WarmUp(budget, () =>
            {
                foreach (var q in mix) { Get(http, PolicyKbQuery(kbUrl, q), ref errors); Get(http, Fts5Query(ftsUrl, q), ref errors); }
            });
            errors = 0;
            List<double> kb = [], fts = [], kbSearch = [];
            long kbBytes = 0, ftsBytes = 0;
            List<SlowQuery> kbSlowest = [];
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < mix.Count && Stopwatch.GetElapsedTime(start) < budget; i++)
            {
                // Which engine goes first alternates, so neither is always the one that finds the caches warm.
                void RunKb()
                {
                    var t = Stopwatch.GetTimestamp();
                    var answer = Get(http, PolicyKbQuery(kbUrl, mix[i]), ref errors);
                    kb.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    (kbHits, kbBytes) = (kbHits + answer.Total, kbBytes + answer.Bytes);
                    if (answer.TookMs is { } took) kbSearch.Add(took);
                    kbSlowest.Add(new SlowQuery(mix[i].Kind, mix[i].Text, mix[i].Issuer, mix[i].Year, kb[^1], answer.TookMs ?? double.NaN, answer.Total));
                }
                void RunFts()
                {
                    var t = Stopwatch.GetTimestamp();
                    var answer = Get(http, Fts5Query(ftsUrl, mix[i]), ref errors);
                    fts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    (ftsHits, ftsBytes) = (ftsHits + answer.Total, ftsBytes + answer.Bytes);
                }
                if (i % 2 == 0) { RunKb(); RunFts(); }
                else { RunFts(); RunKb(); }
            }
            return new HttpResult(Latency.Of(kb), Latency.Of(fts), kbHits, ftsHits, errors, Report.LoadAverage())
            {
                PolicyKbSearch = Latency.Of(kbSearch),
                WarmUpPasses = warmUps,
                PolicyKbSlowest = kbSlowest.OrderByDescending(q => q.RoundTripMs).Take(8).ToList(),
                PolicyKbAnswerBytes = kb.Count == 0 ? 0 : kbBytes / kb.Count,
                Fts5AnswerBytes = fts.Count == 0 ? 0 : ftsBytes / fts.Count,
            };
        }
        finally
        {
            fts5.StopAsync().GetAwaiter().GetResult();
            policyKb.StopAsync().GetAwaiter().GetResult();
        }
    }

    private static Uri PolicyKbQuery(Uri server, BenchQuery q)
    {
        var query = $"/api/search?q={Uri.EscapeDataString(q.Text)}&size=10&facets={string.Join(',', ThreeFacets)}";
        if (q.Issuer is { } issuer) query += "&issuer=" + Uri.EscapeDataString(issuer);
        if (q.Year is { } year) query += "&year=" + year.ToString(CultureInfo.InvariantCulture);
        return new Uri(server, query);
    }

    private static Uri Fts5Query(Uri server, BenchQuery q)
    {
        var query = "/search?" + string.Join('&', q.Terms.Select(t => "t=" + Uri.EscapeDataString(t)));
        if (q.Phrase) query += "&phrase=1";
        if (q.Issuer is { } issuer) query += "&issuer=" + Uri.EscapeDataString(issuer);
        if (q.Year is { } year) query += "&year=" + year.ToString(CultureInfo.InvariantCulture);
        return new Uri(server, query);
    }

    /// <summary>
    /// One request, its answer read and parsed as a client would: the total (0, counted as an error, on failure), the
    /// answer's size and the search time the answer reports (PolicyKB's tookMs: what of the round trip is the search).
    /// </summary>
    private static (int Total, long Bytes, double? TookMs) Get(HttpClient http, Uri url, ref int errors)
    {
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, url));
            using var body = new MemoryStream();
            response.Content.ReadAsStream().CopyTo(body);
            using var json = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            if (response.IsSuccessStatusCode)
                return (json.RootElement.GetProperty("total").GetInt32(), body.Length,
                    json.RootElement.TryGetProperty("tookMs", out var took) ? took.GetDouble() : null);
            if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"{url.PathAndQuery}: {(int)response.StatusCode} {json.RootElement}");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException)
        {
            if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"{url.PathAndQuery}: {e.Message}");
        }
        return (0, 0, null);
    }

    /// <summary>The real service over the PolicyKB index, on a free loopback port, logging only warnings (a log line a search is not the engine's cost).</summary>
    private static WebApplication StartPolicyKb(string indexDir)
    {
        var app = ServiceHost.Build([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            // One client address runs the whole mix; the per-client limits are not what is measured.
            "--PolicyKB:RateLimits:SearchConcurrencyPerClient=64", "--PolicyKB:RateLimits:SearchQueuePerClient=64",
        ], new ServiceOptions { IndexDirectory = indexDir });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    /// <summary>FTS5 behind Kestrel: GET /search?t=WORD&amp;t=…[&amp;phrase=1][&amp;issuer=X][&amp;year=Y] → {total, facets, hits}, one pooled connection a request.</summary>
    private static WebApplication StartFts5(string indexDir)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pool = new ConcurrentBag<SqliteConnection>();
        app.MapGet("/search", (HttpContext http) =>
        {
            var p = http.Request.Query;
            var terms = p["t"].OfType<string>().ToList();
            var year = int.TryParse(p["year"], CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
            var query = new BenchQuery("http", terms, p["phrase"] == "1", p["issuer"].FirstOrDefault(), year);
            var connection = pool.TryTake(out var c) ? c : Fts5Engine.OpenReadOnly(indexDir);
            try { return Results.Json(Fts5Engine.Answer(connection, query, full: true), PolicyJson.Options); }
            finally { pool.Add(connection); }
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }
}

/// <summary>The mix with three facets and ten snippets over loopback HTTP, both engines in one run, one client.</summary>
public sealed record HttpResult(Latency PolicyKb, Latency Fts5, long PolicyKbHits, long Fts5Hits, int Errors, string LoadAtEnd)
{
    /// <summary>The search alone, as each PolicyKB answer reports it (tookMs): the rest of a round trip is transport and JSON.</summary>
    public Latency? PolicyKbSearch { get; init; }

    public long PolicyKbAnswerBytes { get; init; }

    public long Fts5AnswerBytes { get; init; }

    /// <summary>Warm-up passes of the mix before the timed one (until the JIT settled).</summary>
    public int WarmUpPasses { get; init; }

    /// <summary>PolicyKB's slowest round trips of the timed pass: the tail, query by query.</summary>
    public IReadOnlyList<SlowQuery> PolicyKbSlowest { get; init; } = [];
}

/// <summary>One timed PolicyKB request: the query, its round trip, the search time its answer reported, its total.</summary>
public sealed record SlowQuery(string Kind, string Query, string? Issuer, int? Year, double RoundTripMs, double SearchMs, int Total);
