namespace PolicyKB.Benchmarks;

/// <summary>The command line: public options, and the internal ones a child phase is started with.</summary>
public sealed record BenchOptions
{
    public int Documents { get; init; } = 10_000;
    public int Seed { get; init; } = 1;
    public int Clients { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
    public bool NoReal { get; init; }
    public bool WriteDoc { get; init; }
    /// <summary>Re-render the last run's saved results instead of measuring.</summary>
    public bool ReportOnly { get; init; }
    /// <summary>Generate (or find cached) the corpus and stop: the long preparation of a large run, done ahead.</summary>
    public bool PrepareOnly { get; init; }
    /// <summary>How long each timed query run may take before it stops (an engine slow at a large N is measured over fewer queries).</summary>
    public int QueryBudgetSeconds { get; init; } = 180;
    /// <summary>Phases to measure again (import:policykb, query:fts5 …); the others are taken from the last run of the same corpus.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>Run the judged query set over the real MEE texts (MRR@10, nDCG@10 for PolicyKB and FTS5) instead of timing.</summary>
    public bool Judged { get; init; }
    /// <summary>Profile a warm search stage by stage over the real MEE texts (with --no-real: the generated corpus, on its benchmark index) instead of timing engines.</summary>
    public bool Profile { get; init; }
    /// <summary>Which corpora to measure: all (generated, then the real MEE texts when present), or mee (the real texts only, a short run).</summary>
    public string Corpus { get; init; } = "all";
    /// <summary>How many new `policykb search` processes the CLI start figure is the median of; 0 leaves it out.</summary>
    public int CliRuns { get; init; } = CliStart.DefaultRuns;
    /// <summary>Measure only the CLI start (over the real MEE texts, else the generated corpus) and update its section.</summary>
    public bool CliStartOnly { get; init; }
    /// <summary>--stream / --pages-on-disk as given; unsaid, a corpus of more than 100,000 pages is streamed.</summary>
    public bool? StreamPages { get; init; }
    /// <summary>Whether the generated pages are made by the import's threads as they go instead of written to .bench-cache first.</summary>
    public bool Streamed => StreamPages ?? Documents > StreamFrom;
    public const int StreamFrom = 100_000;
    /// <summary>The engines to measure (policykb, lucene, fts5); default all. At 1,000,000 pages: policykb alone.</summary>
    public IReadOnlyList<string> Engines { get; init; } = [];

    public string? Phase { get; init; }
    public string? Workload { get; init; }
    public string? Name { get; init; }
    public string? Index { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { Arguments = args };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--docs" => o with { Documents = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--clients" => o with { Clients = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-real" => o with { NoReal = true },
                "--write-doc" => o with { WriteDoc = true },
                "--report-only" => o with { ReportOnly = true },
                "--prepare-only" => o with { PrepareOnly = true },
                "--judged" => o with { Judged = true },
                "--profile" => o with { Profile = true },
                "--corpus" => o with { Corpus = Value() is var c && c is "all" or "mee" ? c : throw new ArgumentException($"--corpus: '{c}' is not a corpus (all, mee).") },
                "--cli-runs" => o with { CliRuns = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--cli-start" => o with { CliStartOnly = true },
                "--stream" => o with { StreamPages = true },
                "--pages-on-disk" => o with { StreamPages = false },
                "--engines" => o with { Engines = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--query-budget" => o with { QueryBudgetSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--only" => o with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--phase" => o with { Phase = Value() },
                "--workload" => o with { Workload = Value() },
                "--name" => o with { Name = Value() },
                "--index" => o with { Index = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --docs N --seed S --clients C --no-real --write-doc --report-only --prepare-only --judged --profile --corpus all|mee --query-budget SECONDS --only PHASE,… --cli-runs N --cli-start --stream --pages-on-disk --engines policykb,lucene,fts5"),
            };
        }
        return o;
    }

    /// <summary>The checkout's root: the nearest folder up from here holding PolicyKB.sln.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "PolicyKB.sln"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>../shared/reference/corpus next to the checkout or one of its parents, when present.</summary>
    public static string? SharedCorpus(string root)
    {
        for (var d = new DirectoryInfo(root); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "reference", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
