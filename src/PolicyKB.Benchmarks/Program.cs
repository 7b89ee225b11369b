using System.Diagnostics;
using System.Text.Json;
using PolicyKB.Benchmarks;
using PolicyKB.Model;

// dotnet run -c Release --project src/PolicyKB.Benchmarks -- [--docs N] [--seed S] [--clients C] [--no-real] [--write-doc] [--report-only] [--prepare-only] [--judged] [--profile] [--corpus all|mee] [--query-budget SECONDS] [--only PHASE,…] [--cli-runs N] [--cli-start] [--stream|--pages-on-disk] [--engines E,…]
// Each import and query phase runs in a child process of this program, so its peak memory is its own.
BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.Phase is not null) return Phases.RunChild(options);
if (options.Judged) return PolicyKB.Benchmarks.Relevance.JudgedRun.Run(BenchOptions.RepositoryRoot(), Console.Out);
if (options.Profile) return StageProfile.Run(BenchOptions.RepositoryRoot(), options, Console.Out);

var started = DateTimeOffset.UtcNow;
var loadAtStart = Report.LoadAverage();
var root = BenchOptions.RepositoryRoot();
var cache = Path.Combine(root, ".bench-cache");
Directory.CreateDirectory(cache);
Console.WriteLine($"PolicyKB benchmark: {(options.Corpus == "mee" ? "the real MEE texts only" : $"{options.Documents:N0} generated pages (seed {options.Seed})")}, {options.Clients} concurrent clients, {Environment.ProcessorCount} cores");

var resultsFile = Path.Combine(cache, "results.json");
if (options.ReportOnly)
{
    // Re-renders the table of the last run (its options, load and results) without measuring again.
    var saved = JsonSerializer.Deserialize<SavedRun>(File.ReadAllText(resultsFile), PolicyJson.Options)!;
    WriteReport(Report.Markdown(saved.Results, saved.Options, saved.Run, saved.CliStart), options.WriteDoc, root);
    return 0;
}
if (options.CliStartOnly) return CliStartOnly(options, root, cache, resultsFile);

if (options.Engines.FirstOrDefault(e => !Phases.ImportEngines.Contains(e)) is { } unknownEngine)
{
    Console.Error.WriteLine($"--engines: unknown engine '{unknownEngine}'. Engines: {string.Join(", ", Phases.ImportEngines)}.");
    return 2;
}
var meeOnly = options.Corpus == "mee";
var workloads = meeOnly ? [] : new List<Workload> { Workload.Generated(cache, options.Documents, options.Seed, Console.Out, options.Streamed) };
if (options.PrepareOnly)
{
    if (workloads.Count > 0) Console.WriteLine($"Corpus ready in {workloads[0].Directory}.");
    return 0;
}
if ((meeOnly || !options.NoReal) && Workload.RealMee(BenchOptions.SharedCorpus(root), Console.Out) is { } real) workloads.Add(real);
if (workloads.Count == 0)
{
    Console.Error.WriteLine("--corpus mee: the real MEE texts (../shared/reference/corpus) are not present.");
    return 2;
}

// --only: the phases not named keep their results from the last run over the same corpus, where its indexes are still there.
SavedRun? previous = null;
try { if (options.Only.Count > 0) previous = Phases.Previous(resultsFile, options); }
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var remeasured = new List<string>();
// The CLI start is measured over the last workload's PolicyKB index: the real MEE texts when present.
var cliWorkload = workloads[^1];
var cliStart = options.Only.Count > 0 && !options.Only.Contains(Phases.CliPhase) ? previous?.CliStart : null;

var results = new List<WorkloadResult>();
foreach (var workload in workloads)
{
    Console.WriteLine($"\n== {workload.Name}: {workload.Documents:N0} pages, {workload.HtmlBytes / 1e6:N1} MB of HTML");
    // The real texts' indexes stay beside them in the temporary folder and go with it: nothing of ../shared lands in the checkout.
    var inTemp = workload.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal);
    var runDir = inTemp ? Path.Combine(workload.Directory, "runs") : Path.Combine(cache, "runs", Path.GetFileName(workload.Directory));
    var imports = new List<ImportResult>();
    var queries = new List<QueryResult>();
    try
    {
        var earlier = previous?.Results.FirstOrDefault(r => r.Workload == workload.Name);
        var reuse = earlier is not null && Phases.Measured(options, Phases.ImportEngines).All(e => Directory.Exists(Path.Combine(runDir, e)));
        // Without the earlier indexes (the real texts' go with their temporary folder) the workload is measured anew.
        if (previous is not null && !reuse) remeasured.Add($"every phase ({workload.Name})");
        // A phase keeps its earlier result unless --only names it (or, for a query phase, the import it reads).
        T Measured<T>(string phase, bool again, T? kept, Func<string, T> run) where T : class
        {
            if (reuse && !again && kept is not null) return kept;
            var result = run(phase);
            if (reuse) remeasured.Add($"{phase} ({workload.Name})");
            return result;
        }
        foreach (var engine in Phases.Measured(options, Phases.ImportEngines))
        {
            var indexDir = Path.Combine(runDir, engine);
            imports.Add(Measured($"import:{engine}", options.Only.Contains($"import:{engine}"),
                earlier?.Imports.FirstOrDefault(i => i.Engine == Phases.EngineName(engine)), phase =>
                {
                    if (Directory.Exists(indexDir)) Directory.Delete(indexDir, recursive: true);
                    return Phases.RunParent<ImportResult>(options, phase, workload, indexDir);
                }));
        }
        foreach (var engine in Phases.Measured(options, Phases.QueryEngines))
            queries.Add(Measured($"query:{engine}", options.Only.Contains($"query:{engine}") || options.Only.Contains($"import:{engine}"),
                earlier?.Queries.FirstOrDefault(q => q.Engine == Phases.EngineName(engine)),
                phase => Phases.RunParent<QueryResult>(options, phase, workload, Path.Combine(runDir, engine))));
        // Both engines over loopback HTTP in one run, on the real texts (the issue's per-query goals are stated for them).
        var http = inTemp ? Phases.RunParent<HttpResult>(options, "query:http", workload, runDir) : null;
        // A streamed corpus is never on disk whole: its size is what the imports went over.
        var htmlBytes = Math.Max(workload.HtmlBytes, imports.Select(i => i.InputBytes).DefaultIfEmpty(0).Max());
        results.Add(new WorkloadResult(workload.Name, workload.Documents, htmlBytes, imports, queries, http));
        if (workload == cliWorkload && options.CliRuns > 0 && cliStart is null && imports.Any(i => i.Engine == PolicyKbEngine.Name))
        {
            Console.WriteLine($"-- {Phases.CliPhase}");
            cliStart = CliStart.Measure(root, cache, workload.Name, workload.Documents, Path.Combine(runDir, "policykb"), options.CliRuns, Console.Out);
            if (previous is not null) remeasured.Add($"{Phases.CliPhase} ({workload.Name})");
        }
    }
    catch (InvalidOperationException e)
    {
        // One workload failing (a phase crashed) must not lose the others' results.
        Console.Error.WriteLine($"{workload.Name}: {e.Message}");
    }
    finally
    {
        if (inTemp) Directory.Delete(workload.Directory, recursive: true);
    }
}

var run = previous is null
    ? new RunInfo(started, loadAtStart, Report.LoadAverage())
    : previous.Run with { Remeasured = Phases.Remeasured(previous.Run.Remeasured, string.Join(", ", remeasured), $"{started:yyyy-MM-dd HH:mm} UTC (load {loadAtStart} at the start, {Report.LoadAverage()} at the end)") };
// A partial re-run keeps the full run's options: its command is the one that reproduces the whole table.
var runOptions = previous?.Options ?? options;
File.WriteAllText(resultsFile, JsonSerializer.Serialize(new SavedRun(runOptions, run, results, cliStart), PolicyJson.Indented));
WriteReport(Report.Markdown(results, runOptions, run, cliStart), options.WriteDoc, root);
return 0;

// --cli-start: the CLI start figure alone, over an index imported for it; the rest of the document stays as it is.
static int CliStartOnly(BenchOptions options, string root, string cache, string resultsFile)
{
    var workload = Workload.RealMee(BenchOptions.SharedCorpus(root), Console.Out) ?? Workload.Generated(cache, options.Documents, options.Seed, Console.Out, options.Streamed);
    var indexDir = Path.Combine(Path.GetTempPath(), $"policykb-bench-cli-{Environment.ProcessId}");
    try
    {
        Phases.RunParent<ImportResult>(options, "import:policykb", workload, indexDir);
        Console.WriteLine($"-- {Phases.CliPhase}");
        var result = CliStart.Measure(root, cache, workload.Name, workload.Documents, indexDir, Math.Max(1, options.CliRuns), Console.Out);
        var section = CliStart.Markdown(result);
        Console.WriteLine();
        Console.WriteLine(section);
        // A later --report-only renders the run's tables with this figure.
        if (File.Exists(resultsFile) && JsonSerializer.Deserialize<SavedRun>(File.ReadAllText(resultsFile), PolicyJson.Options) is { } saved)
            File.WriteAllText(resultsFile, JsonSerializer.Serialize(saved with { CliStart = result }, PolicyJson.Indented));
        if (options.WriteDoc)
        {
            var doc = Path.Combine(root, "docs", "PERFORMANCE.md");
            File.WriteAllText(doc, CliStart.ReplaceSection(File.Exists(doc) ? File.ReadAllText(doc) : "# Performance\n", section));
            Console.WriteLine($"Wrote {doc}");
        }
        return 0;
    }
    finally
    {
        if (Directory.Exists(indexDir)) Directory.Delete(indexDir, recursive: true);
        if (workload.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal)) Directory.Delete(workload.Directory, recursive: true);
    }
}

static void WriteReport((string Tables, string Document) report, bool writeDoc, string root)
{
    Console.WriteLine();
    Console.WriteLine(report.Tables);
    if (!writeDoc) return;
    var doc = Path.Combine(root, "docs", "PERFORMANCE.md");
    // Figures measured elsewhere (the service load test) stand below a marker and survive a re-run.
    const string KeptMarker = "<!-- kept across benchmark runs -->";
    var kept = File.Exists(doc) ? File.ReadAllText(doc) : "";
    var at = kept.IndexOf(KeptMarker, StringComparison.Ordinal);
    File.WriteAllText(doc, at < 0 ? report.Document : report.Document.TrimEnd() + "\n\n" + kept[at..]);
    Console.WriteLine($"Wrote {doc}");
}

/// <summary>A run's results as saved in .bench-cache/results.json.</summary>
internal sealed record SavedRun(BenchOptions Options, RunInfo Run, IReadOnlyList<WorkloadResult> Results, CliStartResult? CliStart = null);

/// <summary>Running phases as child processes and in the child.</summary>
internal static class Phases
{
    public static readonly string[] ImportEngines = ["policykb", "lucene", "fts5"];
    public static readonly string[] QueryEngines = ["policykb", "fts5"];
    /// <summary>The engines of <paramref name="all"/> that --engines names (all when it names none).</summary>
    public static IEnumerable<string> Measured(BenchOptions options, IEnumerable<string> all) =>
        options.Engines.Count == 0 ? all : all.Where(options.Engines.Contains);

    /// <summary>The CLI start figure, named in --only like a phase.</summary>
    public const string CliPhase = "cli:start";
    private const string ResultPrefix = "RESULT ";

    /// <summary>The record of re-measured phases with this one added; an earlier entry for the same phases is replaced.</summary>
    public static string Remeasured(string? earlier, string phases, string when)
    {
        var kept = (earlier ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries).Where(e => !e.StartsWith(phases + " on ", StringComparison.Ordinal));
        return string.Join("; ", kept.Append($"{phases} on {when}"));
    }

    public static string EngineName(string engine) => engine switch
    {
        "policykb" => PolicyKbEngine.Name,
        "lucene" => BareLuceneEngine.Name,
        "fts5" => Fts5Engine.Name,
        _ => throw new ArgumentException($"Unknown engine '{engine}'."),
    };

    /// <summary>The last run's results, when they are of the same corpus; else an error saying to run everything.</summary>
    public static SavedRun Previous(string resultsFile, BenchOptions options)
    {
        var known = ImportEngines.Select(e => $"import:{e}").Concat(QueryEngines.Select(e => $"query:{e}")).Append(CliPhase).ToList();
        if (options.Only.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
            throw new ArgumentException($"--only: unknown phase '{unknown}'. Phases: {string.Join(", ", known)}.");
        var saved = File.Exists(resultsFile) ? JsonSerializer.Deserialize<SavedRun>(File.ReadAllText(resultsFile), PolicyJson.Options) : null;
        if (saved is null || saved.Options.Documents != options.Documents || saved.Options.Seed != options.Seed)
            throw new ArgumentException($"--only needs a full run over the same corpus first ({options.Documents:N0} pages, seed {options.Seed}).");
        return saved;
    }

    public static T RunParent<T>(BenchOptions options, string phase, Workload workload, string indexDir)
    {
        Console.WriteLine($"-- {phase}");
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(Phases).Assembly.Location);
        foreach (var a in new[] { "--phase", phase, "--workload", workload.Directory, "--name", workload.Name, "--index", indexDir, "--clients", options.Clients.ToString(CultureInfo.InvariantCulture), "--query-budget", options.QueryBudgetSeconds.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        string? json = null;
        for (var line = child.StandardOutput.ReadLine(); line is not null; line = child.StandardOutput.ReadLine())
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) json = line[ResultPrefix.Length..];
            else Console.WriteLine("   " + line);
        }
        child.WaitForExit();
        if (child.ExitCode != 0 || json is null) throw new InvalidOperationException($"Phase {phase} failed (exit code {child.ExitCode}).");
        var result = JsonSerializer.Deserialize<T>(json, PolicyJson.Options)!;
        Console.WriteLine("   " + json);
        return result;
    }

    private static TimeSpan Budget(BenchOptions options) => TimeSpan.FromSeconds(options.QueryBudgetSeconds);

    public static int RunChild(BenchOptions options)
    {
        var workload = Workload.Load(options.Name!, options.Workload!);
        using var anonymous = new AnonymousPeak();
        object result = options.Phase switch
        {
            "import:policykb" => PolicyKbEngine.Import(workload, options.Index!),
            "import:lucene" => BareLuceneEngine.Import(workload, options.Index!),
            "import:fts5" => Fts5Engine.Import(workload, options.Index!),
            "query:policykb" => Measure.Queries(PolicyKbEngine.Name, PolicyKbEngine.Clients(options.Index!), workload.Queries(), options.Clients, Budget(options)),
            "query:fts5" => Measure.Queries(Fts5Engine.Name, Fts5Engine.Clients(options.Index!), workload.Queries(), options.Clients, Budget(options)),
            "query:http" => HttpEngines.Measure(options.Index!, workload.Queries(), Budget(options)),
            _ => throw new ArgumentException($"Unknown phase '{options.Phase}'."),
        };
        result = result switch
        {
            ImportResult import => import with { PeakAnonymous = anonymous.Peak },
            QueryResult query => query with { PeakAnonymous = anonymous.Peak },
            _ => result,
        };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, result.GetType(), PolicyJson.Options));
        Console.Out.Flush();
        // The query phase leaves the index open on purpose (it is what serving holds); end without waiting on it.
        Environment.Exit(0);
        return 0;
    }
}
