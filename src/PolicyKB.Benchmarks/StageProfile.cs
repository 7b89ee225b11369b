using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Highlighting;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;
using PolicyKB.Search.Storage;

namespace PolicyKB.Benchmarks;

/// <summary>
/// Where a warm search's time goes (--profile): the standard mix over the real MEE texts, answered in steps that each add
/// one stage (parse; count and hit cards; facets; snippets; JSON), every query several times, its fastest time kept (the
/// machine is shared: the fastest of several short runs is the least disturbed). A stage's cost is the difference
/// between the steps before and after it, so the service carries no timing code.
/// </summary>
public static class StageProfile
{
    private const int Passes = 7;

    /// <summary>
    /// Over the real MEE texts, imported for the profile into a temporary folder; with --no-real, over the generated
    /// corpus of --docs and --seed, on the index its last benchmark run left in .bench-cache (a 100,000-page import takes minutes).
    /// </summary>
    public static int Run(string root, BenchOptions options, TextWriter log)
    {
        Workload workload;
        string indexDir;
        if (options.NoReal)
        {
            workload = Workload.Generated(Path.Combine(root, ".bench-cache"), options.Documents, options.Seed, log, options.Streamed);
            indexDir = Path.Combine(root, ".bench-cache", "runs", Path.GetFileName(workload.Directory), "policykb");
            if (!System.IO.Directory.Exists(indexDir))
            {
                log.WriteLine($"No PolicyKB index of the {workload.Name} in {indexDir}: run the benchmark over that corpus first (the same --docs, --seed and --stream).");
                return 2;
            }
            return Profile(workload, indexDir, log);
        }
        if (Workload.RealMee(BenchOptions.SharedCorpus(root), log) is not { } real)
        {
            log.WriteLine("The real MEE texts (../shared/reference/corpus) are not present: nothing to profile.");
            return 2;
        }
        try
        {
            indexDir = Path.Combine(real.Directory, "profile-index");
            log.WriteLine($"Importing {real.Documents:N0} pages …");
            PolicyKbEngine.Import(real, indexDir);
            return Profile(real, indexDir, log);
        }
        finally
        {
            System.IO.Directory.Delete(real.Directory, recursive: true);
        }
    }

    private static int Profile(Workload workload, string indexDir, TextWriter log)
    {
        var mix = workload.Queries();
        using var index = PolicyIndex.OpenReadOnly(indexDir, BenchData.IndexOptions);
        // The folder as the search reads it (by address), so the split of the snippet stage times the same reads.
        using var directory = new MappedDirectory(Path.Combine(indexDir, "lucene"));
        using var reader = DirectoryReader.Open(directory);
        var ids = new IndexSearcher(reader);
        string[] three = [FacetNames.Issuer, FacetNames.Theme, FacetNames.Year];

        // Warm: every path once (dictionaries, JIT, page cache).
        foreach (var q in mix) index.Search(q.Request(true, null, true));

        var steps = new List<(string Stage, Func<BenchQuery, object?> Run)>
        {
            ("parse the query", q => QuerySyntax.Parse(q.Text)),
            ("search: count + top 10 hit cards (compile, term lookups, fall-back, scoring)", q => index.Search(q.Request(false, null, false))),
            ("+ 3 facets (issuer, theme, year)", q => index.Search(q.Request(true, three, false))),
            ("+ 10 snippets", q => index.Search(q.Request(true, three, true))),
        };
        var last = new Dictionary<BenchQuery, SearchResult>();
        var best = steps.Select(_ => new double[mix.Count]).ToArray();
        var all7 = new double[mix.Count];
        var json = new double[mix.Count];
        var read = new double[mix.Count];
        var mark = new double[mix.Count];
        for (var pass = 0; pass < Passes; pass++)
        {
            for (var s = 0; s < steps.Count; s++)
                for (var k = 0; k < mix.Count; k++)
                {
                    var q = mix[k];
                    var t = Time(() => steps[s].Run(q), out var result);
                    Keep(best[s], k, t, pass);
                    if (result is SearchResult r && s == steps.Count - 1) last[q] = r;
                }
            for (var k = 0; k < mix.Count; k++)
            {
                var q = mix[k];
                Keep(all7, k, Time(() => index.Search(q.Request(true, null, true)), out _), pass);
                Keep(json, k, Time(() => JsonSerializer.SerializeToUtf8Bytes(last[q], PolicyJson.Options), out _), pass);
                // The snippet stage split: reading a hit's stored snippet text, and finding and marking its passages (marks: the query's words, folded).
                var docs = last[q].Hits.Select(h => ids.Search(new TermQuery(new Term(Schema.Id, h.Id)), 1).ScoreDocs.FirstOrDefault()?.Doc ?? -1).Where(d => d >= 0).ToList();
                var texts = new List<BytesRef>();
                Keep(read, k, Time(() => { texts.Clear(); foreach (var d in docs) texts.Add(SnippetText.Read(reader, d)); return null; }, out _), pass);
                var marks = q.Terms.Select(TextFold.Fold).ToList();
                var titles = last[q].Hits.Select(h => h.Title).ToList();
                Keep(mark, k, Time(() => { for (var i = 0; i < texts.Count; i++) SnippetHighlighter.Snippets(SnippetText.Source(texts[i]), marks, title: titles[i]); return null; }, out _), pass);
            }
        }

        log.WriteLine();
        log.WriteLine($"Stage profile, {workload.Name}, the standard mix of {mix.Count} queries, warm, one thread, fastest of {Passes} passes per query; load {Report.LoadAverage()}");
        log.WriteLine();
        log.WriteLine("| stage | mean µs a query | p50 µs | p99 µs |");
        log.WriteLine("|---|---:|---:|---:|");
        double[]? before = null;
        for (var s = 0; s < steps.Count; s++)
        {
            var cost = before is null || s == 1 ? best[s] : best[s].Select((v, k) => v - before[k]).ToArray();
            Row(log, steps[s].Stage, cost);
            before = best[s];
        }
        Row(log, "  of which: read the stored text of the shown hits", read);
        Row(log, "  of which: find, choose and mark passages", mark);
        Row(log, "7 facets instead of 3 (today's default)", all7.Select((v, k) => v - best[^1][k]).ToArray());
        Row(log, "JSON of the answer (PolicyJson)", json);
        Row(log, "whole search, 3 facets + 10 snippets", best[^1]);
        return 0;
    }



    private static void Keep(double[] best, int k, double t, int pass) => best[k] = pass == 0 ? t : Math.Min(best[k], t);

    private static double Time(Func<object?> run, out object? result)
    {
        var start = Stopwatch.GetTimestamp();
        result = run();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static void Row(TextWriter log, string stage, double[] micros)
    {
        var sorted = micros.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        log.WriteLine($"| {stage} | {micros.Average():N0} | {At(0.5):N0} | {At(0.99):N0} |");
    }
}
