using System.Runtime.InteropServices;
using System.Text;

namespace PolicyKB.Benchmarks;

/// <summary>The one table of results (and the ratios against FTS5), for the console and for docs/PERFORMANCE.md.</summary>
public static class Report
{
    public static (string Tables, string Document) Markdown(IReadOnlyList<WorkloadResult> results, BenchOptions options, RunInfo run, CliStartResult? cliStart = null)
    {
        var tables = new StringBuilder();
        foreach (var w in results)
        {
            tables.AppendLine(CultureInfo.InvariantCulture, $"### {w.Workload}: {w.Documents:N0} pages, {w.HtmlBytes / 1e6:N1} MB of HTML").AppendLine();
            tables.AppendLine("| engine | import pages/s | import MB/s | index size | import peak RSS | query p50 / p95 / p99 ms (no extras) | query p50 / p95 / p99 ms (3 facets + snippets) | concurrent p50 / p95 / p99 ms | concurrent queries/s | serving peak RSS |");
            tables.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var i in w.Imports)
            {
                var q = w.Queries.FirstOrDefault(q => q.Engine == i.Engine);
                tables.AppendLine($"| {i.Engine} | {i.PagesPerSecond:N0} | {i.MegabytesPerSecond:N1} | {Mb(i.IndexBytes)} | {Rss(i.PeakWorkingSet, i.PeakAnonymous)} | "
                    + (q is null ? "— | — | — | — | — |" : $"{Lat(q.Bare)} | {Lat(q.Full)} | {Lat(q.Concurrent)} ({q.Clients} clients) | {q.ConcurrentQueriesPerSecond:N0} | {Rss(q.PeakWorkingSet, q.PeakAnonymous)} |"));
            }
            tables.AppendLine();
            ByKind(tables, w.Queries);
            var kb = w.Imports.FirstOrDefault(i => i.Engine == PolicyKbEngine.Name);
            var lucene = w.Imports.FirstOrDefault(i => i.Engine == BareLuceneEngine.Name);
            var fts = w.Imports.FirstOrDefault(i => i.Engine == Fts5Engine.Name);
            var kbq = w.Queries.FirstOrDefault(q => q.Engine == PolicyKbEngine.Name);
            var ftsq = w.Queries.FirstOrDefault(q => q.Engine == Fts5Engine.Name);
            // A run of some engines only (--engines; PolicyKB alone at 1,000,000 pages) has no ratios: its anchors are the 100,000 run's.
            if (kb is null || lucene is null || fts is null || kbq is null || ftsq is null)
            {
                foreach (var i in w.Imports.Where(i => i.Note is not null)) tables.AppendLine(CultureInfo.InvariantCulture, $"- {i.Engine}: {i.Note}.");
                foreach (var q in w.Queries)
                    tables.AppendLine(CultureInfo.InvariantCulture, $"- {q.Engine}: hits over the {q.MixSize} queries (facets + snippets run) {q.TotalHits:N0} ({q.ZeroHitQueries} queries without hits), errors {q.Errors}{(q.Complete ? "" : $"; did not get through the mix within the {options.QueryBudgetSeconds} s budget")}.");
                tables.AppendLine();
                continue;
            }
            // The issue's goals are stated for the generated corpus, which is measured first; the real texts are for comparison.
            var goals = IsGenerated(w);
            string Goal(string target, bool met) => goals ? $"{target} {Mark(met)}" : "";
            tables.AppendLine("| ratio | value | goal |").AppendLine("|---|---:|---|");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| import rate PolicyKB / FTS5 | {kb.PagesPerSecond / fts.PagesPerSecond:N2}× | {Goal("≥ 1.5×", kb.PagesPerSecond / fts.PagesPerSecond >= 1.5)} |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| import rate PolicyKB / bare Lucene.Net | {kb.PagesPerSecond / lucene.PagesPerSecond:N2}× | {Goal("≥ 0.5×", kb.PagesPerSecond / lucene.PagesPerSecond >= 0.5)} |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| query p50 PolicyKB / FTS5, facets + snippets | {kbq.Full.P50 / ftsq.Full.P50:N2}× | {Goal("≤ 0.33×", kbq.Full.P50 / ftsq.Full.P50 <= 1 / 3.0)} |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| query p50 PolicyKB / FTS5, no extras | {kbq.Bare.P50 / ftsq.Bare.P50:N2}× | |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| query p50 PolicyKB / FTS5, {kbq.Clients} concurrent clients | {kbq.Concurrent.P50 / ftsq.Concurrent.P50:N2}× | |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| index size PolicyKB / FTS5 | {(double)kb.IndexBytes / fts.IndexBytes:N2}× | |");
            tables.AppendLine(CultureInfo.InvariantCulture, $"| serving peak RSS PolicyKB | {Mb(kbq.PeakWorkingSet)} | {Goal("< 1 GB", kbq.PeakWorkingSet < 1L << 30)} |");
            tables.AppendLine();
            if (!goals) tables.AppendLine("- The goals are stated for the generated corpus above; these ratios are for comparison.");
            foreach (var i in w.Imports.Where(i => i.Note is not null)) tables.AppendLine(CultureInfo.InvariantCulture, $"- {i.Engine}: {i.Note}.");
            tables.AppendLine();
            foreach (var q in w.Queries.Where(q => !q.Complete))
                tables.AppendLine(CultureInfo.InvariantCulture, $"- {q.Engine} did not get through the mix within the {options.QueryBudgetSeconds} s budget of a run: its latencies are over {q.Bare.Count} (no extras), {q.Full.Count} (facets + snippets) and {q.Concurrent.Count} (concurrent) of the {q.MixSize} queries (every kind of query among them), and its hits below are over the queries it ran.");
            tables.AppendLine();
            tables.AppendLine(CultureInfo.InvariantCulture, $"Hits over the {kbq.MixSize} queries (facets + snippets run): PolicyKB {kbq.TotalHits:N0} ({kbq.ZeroHitQueries} queries without hits), FTS5 {ftsq.TotalHits:N0} ({ftsq.ZeroHitQueries} without hits); errors: PolicyKB {kbq.Errors}, FTS5 {ftsq.Errors}; pages PolicyKB could not parse: {kb.Failed}.");
            tables.AppendLine();
            if (w.Http is { } h) Http(tables, h);
        }

        var doc = new StringBuilder();
        doc.AppendLine("# Performance").AppendLine();
        doc.AppendLine("Generated by the benchmark program; do not edit by hand. Re-run to refresh:").AppendLine();
        doc.AppendLine("```").AppendLine(Command(options)).AppendLine("```").AppendLine();
        doc.AppendLine("## Run").AppendLine();
        doc.AppendLine(CultureInfo.InvariantCulture, $"- Date: {run.Started:yyyy-MM-dd HH:mm} UTC");
        doc.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {Mb(TotalMemory())} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "" : " (concurrent)")}");
        doc.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at the start: {run.LoadAtStart}; at the end: {run.LoadAtEnd}. The machine is shared and the phases run one after another (PolicyKB import first): a phase that ran while the machine was busy is understated against the others.");
        if (run.Remeasured is { } again) doc.AppendLine(CultureInfo.InvariantCulture, $"- Phases measured again after the run: {again}. The other phases are the run's.");
        doc.AppendLine(CultureInfo.InvariantCulture, $"- SQLite {Fts5Engine.Version()} (bundled with Microsoft.Data.Sqlite), FTS5 with `tokenize='trigram'`");
        if (results.Count > 0 && !IsGenerated(results[0]))
            doc.AppendLine("- Only the real MEE texts were measured (`--corpus mee`); the generated corpus (100,000 pages) was not run.");
        else
            doc.AppendLine(CultureInfo.InvariantCulture, $"- Generated corpus: {options.Documents:N0} pages, seed {options.Seed} (the N measured; see below for the real texts)");
        if (options.Documents < 100_000 && results.Count > 0 && IsGenerated(results[0]))
        {
            var rate = results[0].Imports.FirstOrDefault(i => i.Engine == PolicyKbEngine.Name)?.PagesPerSecond ?? double.NaN;
            doc.AppendLine(CultureInfo.InvariantCulture, $"- The issue's goals are stated for 100,000 documents; this run measured {options.Documents:N0}. At the PolicyKB import rate measured here, 100,000 pages would take about {100_000 / rate / 3600:0.0} h to import, so the 100,000 run was not made.");
        }
        doc.AppendLine();
        doc.AppendLine("## Results").AppendLine();
        doc.Append(tables);
        if (cliStart is not null) doc.AppendLine(CliStart.Markdown(cliStart));
        doc.AppendLine("## What is measured").AppendLine();
        doc.AppendLine("""
            - **Import** is wall time from the first file read to a durable commit. PolicyKB reads each HTML page, parses it with
              `DocumentParser` (site profile, metadata, body, normalisation) and upserts it into `PolicyIndex` (bigram recall field, SmartCn word
              field, doc-value facets), on all cores, as `policykb import` does. *Bare Lucene.Net* indexes the same documents as pre-parsed text (title, body) with
              `CJKAnalyzer` on all cores: no HTML, no normalisation, no facets: the stack's limit. *FTS5* inserts the same pre-parsed text into an
              FTS5 trigram table plus plain tables for the facet values, in 2,000-row transactions, on one connection (SQLite has one writer).
              MB/s is always over the pages' HTML bytes, so the three rates compare the same corpus.
            - **Queries** are a fixed mix of 200: 40 common words, 40 rare words, 40 of two or three words, 40 phrases of 5–9 characters cut
              from the texts, 40 common words filtered by issuer or year. *No extras*: total count and top 10 only. *Facets + snippets*: also the
              counts of three facets (issuer, theme, year; the same three for both engines) and highlighted snippets of the top 10; for FTS5 the
              count and facets come from one statement over a materialised match set (`GROUP BY`), snippets from `snippet()`. Terms shorter than
              three characters cannot use a trigram index: FTS5 answers them with `LIKE` scans, which is what an application on FTS5 trigram has to do.
              Warm-up passes precede the timed runs until the JIT has settled (a pass compiling fewer than 20 methods; at most six, within the
              budget): tiered compilation still running beside the timed queries is not what a long-running service pays. The concurrent run has every client run the whole mix in its own order. Each run
              stops after the time budget (`--query-budget`, 180 s by default), taking the queries one kind at a time, round-robin.
            - **Over loopback HTTP** (real texts): PolicyKB is the real service (`ServiceHost`, Kestrel, `/api/search?q=…&size=10&facets=issuer,theme,year`,
              rate limits raised for the one client, logging at warnings), FTS5 sits behind a minimal Kestrel endpoint in the same process answering
              the same three facets, the count and ten `snippet()`s as JSON. One client with a keep-alive connection reads and parses each
              answer; the queries alternate between the engines (which goes first alternates too), after warm-up passes of both until the JIT has settled.
            - **Memory** is the peak resident set (VmHWM) of the child process that ran the phase: import, or serving (index open, all query runs).
              VmHWM counts the pages of memory-mapped index files the process has read (page cache the kernel can take back); "anon" is the peak
              of its anonymous resident memory (RssAnon, sampled four times a second): heap, stacks and the runtime, which it cannot.
            - **Real texts**: when `../shared/reference/corpus/` is present, its 1,260 MEE texts are wrapped in a minimal MEE page each (the texts come
              without their pages) and measured the same way, with queries drawn from those texts (title n-grams by document frequency, phrases from bodies).
            """);
        return (tables.ToString(), doc.ToString());
    }

    /// <summary>The single-threaded runs per kind of query: which kinds make the percentiles.</summary>
    private static void ByKind(StringBuilder tables, IReadOnlyList<QueryResult> queries)
    {
        foreach (var q in queries.Where(q => q.ByKind is { Count: > 0 }))
        {
            tables.AppendLine(CultureInfo.InvariantCulture, $"| {q.Engine}: kind of query | p50 / p95 / p99 ms (no extras) | p50 / p95 / p99 ms (3 facets + snippets) |").AppendLine("|---|---:|---:|");
            foreach (var k in q.ByKind!) tables.AppendLine(CultureInfo.InvariantCulture, $"| {k.Kind} | {Lat(k.Bare)} | {Lat(k.Full)} |");
            tables.AppendLine();
        }
    }

    /// <summary>The peak resident set, with its anonymous part (what mapped index files do not account for) where measured.</summary>
    private static string Rss(long peak, long? anonymous) => anonymous is { } a ? $"{Mb(peak)} (anon {Mb(a)})" : Mb(peak);

    private static bool IsGenerated(WorkloadResult w) => w.Workload.StartsWith("generated", StringComparison.Ordinal);

    /// <summary>Both engines over loopback HTTP, with the issue's per-query goals for the real texts.</summary>
    private static void Http(StringBuilder tables, HttpResult h)
    {
        tables.AppendLine(CultureInfo.InvariantCulture, $"Over loopback HTTP, one client, the mix with three facets and ten snippets, both engines in one run (queries alternating, after {h.WarmUpPasses} warm-up passes; load {h.LoadAtEnd} at its end):").AppendLine();
        tables.AppendLine("| engine over HTTP | p50 ms | p95 ms | p99 ms | mean ms | queries | hits |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        tables.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {HttpEngines.PolicyKbName} | {h.PolicyKb.P50:0.00} | {h.PolicyKb.P95:0.00} | {h.PolicyKb.P99:0.00} | {h.PolicyKb.Mean:0.00} | {h.PolicyKb.Count} | {h.PolicyKbHits:N0} |"));
        tables.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {HttpEngines.Fts5Name} | {h.Fts5.P50:0.00} | {h.Fts5.P95:0.00} | {h.Fts5.P99:0.00} | {h.Fts5.Mean:0.00} | {h.Fts5.Count} | {h.Fts5Hits:N0} |"));
        tables.AppendLine();
        if (h.PolicyKbSearch is { Count: > 0 } search)
            tables.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Of a PolicyKB round trip, the search itself (the answer's `tookMs`) took p50 / p95 / p99 {search.P50:0.00} / {search.P95:0.00} / {search.P99:0.00} ms; the rest is Kestrel, the rate limiter, writing and reading the JSON. Answers averaged {h.PolicyKbAnswerBytes / 1024.0:0.0} KB (FTS5: {h.Fts5AnswerBytes / 1024.0:0.0} KB).")).AppendLine();
        if (h.PolicyKbSlowest.Count > 0)
        {
            tables.AppendLine("PolicyKB's slowest requests of the timed pass:").AppendLine();
            tables.AppendLine("| kind | query | filter | round trip ms | search ms | total |").AppendLine("|---|---|---|---:|---:|---:|");
            foreach (var q in h.PolicyKbSlowest)
                tables.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {q.Kind} | {q.Query} | {q.Issuer ?? (q.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "")} | {q.RoundTripMs:0.00} | {q.SearchMs:0.00} | {q.Total:N0} |"));
            tables.AppendLine();
        }
        tables.AppendLine("| goal (HTTP, real MEE texts) | value | |").AppendLine("|---|---:|---|");
        tables.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| PolicyKB p50 ≤ 2 ms | {h.PolicyKb.P50:0.00} ms | {Mark(h.PolicyKb.P50 <= 2)} |"));
        tables.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| PolicyKB p99 ≤ 8 ms | {h.PolicyKb.P99:0.00} ms | {Mark(h.PolicyKb.P99 <= 8)} |"));
        tables.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| PolicyKB p50 / FTS5 p50 ≤ 1 | {h.PolicyKb.P50 / h.Fts5.P50:0.00}× | {Mark(h.PolicyKb.P50 <= h.Fts5.P50)} |"));
        tables.AppendLine();
        if (h.Errors > 0) tables.AppendLine(CultureInfo.InvariantCulture, $"- {h.Errors} requests failed.").AppendLine();
    }

    private static string Command(BenchOptions o) =>
        "dotnet run -c Release --project src/PolicyKB.Benchmarks -- " + string.Join(' ', o.Arguments);

    private static string Lat(Latency l) => string.Create(CultureInfo.InvariantCulture, $"{l.P50:0.0} / {l.P95:0.0} / {l.P99:0.0}");

    private static string Mark(bool met) => met ? "(met)" : "(**not met**)";

    private static string Mb(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):N2} GB" : $"{bytes / (double)(1 << 20):N0} MB";

    private static long TotalMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to show whether the machine was busy with something else.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }
}
