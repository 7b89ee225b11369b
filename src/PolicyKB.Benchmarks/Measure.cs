using System.Diagnostics;

namespace PolicyKB.Benchmarks;

public static class Measure
{
    public static long DirectorySize(string dir) =>
        Directory.Exists(dir) ? new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    /// <summary>The process's peak resident set (VmHWM on Linux).</summary>
    public static long PeakWorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64;
    }

    /// <summary>
    /// Runs the mix single-threaded without extras, single-threaded with facets and snippets, then with
    /// <paramref name="clients"/> concurrent clients (each the whole mix with extras, in its own order), after one warm-up pass.
    /// Each run stops when it has taken <paramref name="budget"/>: an engine whose queries take seconds at a large N is
    /// measured over the queries it ran by then, taken round-robin from the kinds of query so that every kind is in.
    /// </summary>
    public static QueryResult Queries(string engine, Func<IQueryClient> open, IReadOnlyList<BenchQuery> mix, int clients, TimeSpan budget)
    {
        var queries = RoundRobin(mix);
        var errors = 0;
        long hits = 0;
        var zero = 0;
        using (var warm = open())
            WarmUp(budget, () => Within(budget, queries, q => { Safe(() => warm.Run(q, true), ref errors); Safe(() => warm.Run(q, false), ref errors); }));

        List<double> bare = [], full = [];
        using (var client = open())
        {
            Within(budget, queries, q => bare.Add(Time(() => Safe(() => client.Run(q, false), ref errors))));
            Within(budget, queries, q =>
            {
                var n = 0;
                full.Add(Time(() => n = Safe(() => client.Run(q, true), ref errors)));
                hits += n;
                if (n == 0) zero++;
            });
        }

        var concurrent = new List<double>[clients];
        var wall = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, c =>
        {
            var order = queries.OrderBy(_ => Random.Shared.Next()).ToList();
            var mine = concurrent[c] = new List<double>(order.Count);
            using var client = open();
            Within(budget, order, q => mine.Add(Time(() => Safe(() => client.Run(q, true), ref errors))));
        });
        wall.Stop();
        var all = concurrent.SelectMany(l => l).ToList();
        GC.Collect();
        return new QueryResult(engine, Latency.Of(bare), Latency.Of(full), Latency.Of(all), clients, all.Count / wall.Elapsed.TotalSeconds,
            hits, zero, errors, PeakWorkingSet(), GC.GetTotalMemory(false), queries.Count)
        {
            // Both runs take the queries in order from the first: the i-th time is the i-th query's.
            ByKind = [.. mix.Select(q => q.Kind).Distinct().Select(kind => new KindLatency(kind,
                Latency.Of(bare.Where((_, i) => queries[i].Kind == kind).ToList()), Latency.Of(full.Where((_, i) => queries[i].Kind == kind).ToList())))],
        };
    }

    /// <summary>
    /// Runs warm-up passes until the JIT has settled: a pass that still compiles methods leaves the next one paying
    /// tiered compilation (the second tier compiles on a background thread, beside the timed queries on two cores), which
    /// a long-running service has behind it. At most <see cref="MaxWarmUpPasses"/> passes, and none started after
    /// <paramref name="budget"/>; then a pause for the compilations already queued.
    /// </summary>
    public static int WarmUp(TimeSpan budget, Action pass)
    {
        var start = Stopwatch.GetTimestamp();
        var passes = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            pass();
            passes++;
        }
        while (passes < MaxWarmUpPasses && Stopwatch.GetElapsedTime(start) < budget
            && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled >= SettledBelow);
        Thread.Sleep(500);
        return passes;
    }

    private const int MaxWarmUpPasses = 6;

    /// <summary>Fewer methods compiled in a pass than this: the JIT has settled.</summary>
    private const int SettledBelow = 20;

    /// <summary>The mix reordered one query of each kind at a time, so that a run cut short still holds every kind.</summary>
    private static List<BenchQuery> RoundRobin(IReadOnlyList<BenchQuery> mix) =>
        mix.Select((q, i) => (q, i)).GroupBy(x => x.q.Kind)
            .SelectMany(g => g.Select((x, rank) => (x.q, x.i, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.i).Select(x => x.q).ToList();

    private static void Within(TimeSpan budget, IEnumerable<BenchQuery> queries, Action<BenchQuery> run)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var q in queries)
        {
            if (Stopwatch.GetElapsedTime(start) > budget) return;
            run(q);
        }
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static int Safe(Func<int> run, ref int errors)
    {
        try { return run(); }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"query failed: {e.GetType().Name}: {e.Message}");
            return 0;
        }
    }
}
