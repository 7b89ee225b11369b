namespace PolicyKB.Benchmarks;

/// <summary>What one import phase measured.</summary>
public sealed record ImportResult(string Engine, int Documents, int Failed, double Seconds, long InputBytes, long IndexBytes, long PeakWorkingSet, string? Note = null)
{
    /// <summary>The peak of the phase's anonymous resident memory (heap and stacks, no mapped index files); null before it was measured.</summary>
    public long? PeakAnonymous { get; init; }

    public double PagesPerSecond => Documents / Seconds;
    public double MegabytesPerSecond => InputBytes / 1e6 / Seconds;
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record Latency(double P50, double P95, double P99, double Mean, int Count)
{
    public static Latency Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted.Average(), sorted.Length);
    }
}

/// <summary>What one query phase measured: single-threaded without and with facets and snippets, then concurrent clients.</summary>
public sealed record QueryResult(string Engine, Latency Bare, Latency Full, Latency Concurrent, int Clients, double ConcurrentQueriesPerSecond,
    long TotalHits, int ZeroHitQueries, int Errors, long PeakWorkingSet, long ManagedHeapAfter, int MixSize = 200)
{
    /// <summary>The peak of the phase's anonymous resident memory (heap and stacks, no mapped index files); null before it was measured.</summary>
    public long? PeakAnonymous { get; init; }

    /// <summary>The single-threaded runs' latencies per kind of query, in the mix's order; null before they were kept.</summary>
    public IReadOnlyList<KindLatency>? ByKind { get; init; }

    /// <summary>Whether every timed run got through the whole mix within the time budget.</summary>
    public bool Complete => Bare.Count == MixSize && Full.Count == MixSize && Concurrent.Count == MixSize * Clients;
}

/// <summary>All phases over one workload.</summary>
public sealed record WorkloadResult(string Workload, int Documents, long HtmlBytes, IReadOnlyList<ImportResult> Imports, IReadOnlyList<QueryResult> Queries,
    HttpResult? Http = null);

/// <summary>When a run started and how busy the machine was at its start and end (1/5/15-minute load averages).</summary>
public sealed record RunInfo(DateTimeOffset Started, string LoadAtStart, string LoadAtEnd)
{
    /// <summary>Phases measured again later (--only), with when and under what load; null when the run is all of a piece.</summary>
    public string? Remeasured { get; init; }
}

/// <summary>The latencies of one kind of query in the mix, without extras and with facets and snippets.</summary>
public sealed record KindLatency(string Kind, Latency Bare, Latency Full);
