using System.Diagnostics;
using System.Text;

namespace PolicyKB.Benchmarks;

/// <summary>How long one kind of `policykb` build took to answer a search in a new process, over several runs.</summary>
public sealed record CliTiming(string Build, double MedianMs, double MinMs, double MaxMs, double? MedianCpuMs);

/// <summary>The CLI start figure: `policykb search QUERY --index DIR` as a user runs it, each run a new process.</summary>
public sealed record CliStartResult(string Corpus, int Documents, string Query, int Runs, IReadOnlyList<CliTiming> Builds, string LoadAtStart, string LoadAtEnd, DateTimeOffset Measured)
{
    /// <summary>The issue's goal: a search answered in half a second (median), start-up included.</summary>
    public const double GoalMs = 500;
}

/// <summary>
/// Publishes the CLI twice (ReadyToRun, as `dotnet publish` does by default, and plain JIT, as `dotnet build` leaves it)
/// and times whole processes of `policykb search` over an index: wall time from start to exit, and the CPU time the
/// process used (from /usr/bin/time, where it exists), which a busy machine changes less than the wall time.
/// </summary>
public static class CliStart
{
    public const string Query = "碳排放";
    public const int DefaultRuns = 11;

    public static CliStartResult Measure(string root, string cache, string corpus, int documents, string indexDir, int runs, TextWriter log)
    {
        var loadAtStart = Report.LoadAverage();
        var builds = new List<CliTiming>();
        foreach (var (build, readyToRun) in new[] { ("ReadyToRun (dotnet publish)", true), ("JIT (dotnet build)", false) })
        {
            var program = Publish(root, Path.Combine(cache, "cli", readyToRun ? "readytorun" : "jit"), readyToRun, log);
            // One run first, unmeasured: the files the process maps come from the page cache in every measured run.
            Run(program, indexDir);
            var times = Enumerable.Range(0, runs).Select(_ => Run(program, indexDir)).ToList();
            var wall = times.Select(t => t.WallMs).Order().ToList();
            var cpu = times.Select(t => t.CpuMs).OfType<double>().Order().ToList();
            builds.Add(new CliTiming(build, Median(wall), wall[0], wall[^1], cpu.Count == times.Count ? Median(cpu) : null));
            log.WriteLine($"   {build}: median {Median(wall):0} ms (min {wall[0]:0}, max {wall[^1]:0})");
        }
        return new CliStartResult(corpus, documents, Query, runs, builds, loadAtStart, Report.LoadAverage(), DateTimeOffset.UtcNow);
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The published program (its apphost), rebuilt from the checkout's source every run.</summary>
    private static string Publish(string root, string output, bool readyToRun, TextWriter log)
    {
        log.WriteLine($"   publishing the CLI ({(readyToRun ? "ReadyToRun" : "JIT")}) into {output} …");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "publish", Path.Combine(root, "src", "PolicyKB.Cli"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet", $"-p:PublishReadyToRun={readyToRun}" })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed (exit code {p.ExitCode}):\n{stdout.Result}\n{stderr}");
        return Path.Combine(output, "policykb");
    }

    private const string TimeProgram = "/usr/bin/time";

    private static (double WallMs, double? CpuMs) Run(string program, string indexDir)
    {
        var timed = File.Exists(TimeProgram);
        var cpuFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(timed ? TimeProgram : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (timed) foreach (var a in new[] { "-f", "%U %S", "-o", cpuFile, program }) start.ArgumentList.Add(a);
            foreach (var a in new[] { "search", Query, "--index", indexDir }) start.ArgumentList.Add(a);
            start.Environment.Remove("POLICYKB_TRACE_STARTUP");
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            var wall = clock.Elapsed.TotalMilliseconds;
            if (p.ExitCode != 0 || !stdout.Result.Contains("条结果", StringComparison.Ordinal))
                throw new InvalidOperationException($"policykb search failed (exit code {p.ExitCode}): {stderr}");
            double? cpu = null;
            if (timed && File.ReadAllText(cpuFile).Trim().Split(' ') is [var user, var system]
                && double.TryParse(user, CultureInfo.InvariantCulture, out var u) && double.TryParse(system, CultureInfo.InvariantCulture, out var s))
                cpu = (u + s) * 1000;
            return (wall, cpu);
        }
        finally { File.Delete(cpuFile); }
    }

    /// <summary>The section of docs/PERFORMANCE.md, from its heading to before the next one.</summary>
    public static string Markdown(CliStartResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(SectionHeading).AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"`policykb search {r.Query} --index DIR` over the index of the {r.Corpus}, each run a new process (median of {r.Runs} runs after one unmeasured run),");
        sb.AppendLine(CultureInfo.InvariantCulture, $"measured {r.Measured:yyyy-MM-dd HH:mm} UTC; load average (1/5/15 min) {r.LoadAtStart} at the start, {r.LoadAtEnd} at the end.").AppendLine();
        sb.AppendLine("| build | wall median ms | min | max | CPU median ms (user + system) | goal: wall median ≤ 500 ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var b in r.Builds)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b.Build} | {b.MedianMs:0} | {b.MinMs:0} | {b.MaxMs:0} | {(b.MedianCpuMs is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : "—")} | {(b.MedianMs <= CliStartResult.GoalMs ? "met" : "**not met**")} |"));
        sb.AppendLine();
        sb.AppendLine("- The wall time counts waiting for a core: on a machine whose load average is above its 2 cores it is mostly that wait; the CPU time is what the process itself spent.");
        sb.AppendLine("- `POLICYKB_TRACE_STARTUP=1 policykb search …` prints when each step of the command was reached (start-up, index open, search, output).");
        return sb.ToString();
    }

    public const string SectionHeading = "## CLI start";

    /// <summary>The document with its CLI start section replaced (or added before "## What is measured", else at the end).</summary>
    public static string ReplaceSection(string document, string section)
    {
        var at = document.IndexOf(SectionHeading + "\n", StringComparison.Ordinal);
        if (at >= 0)
        {
            var next = document.IndexOf("\n## ", at + SectionHeading.Length, StringComparison.Ordinal);
            var kept = document.IndexOf("\n<!--", at + SectionHeading.Length, StringComparison.Ordinal);
            if (kept >= 0 && (next < 0 || kept < next)) next = kept;
            return document[..at] + section.TrimEnd() + "\n" + (next < 0 ? "" : document[next..]);
        }
        var before = document.IndexOf("## What is measured", StringComparison.Ordinal);
        return before < 0 ? document.TrimEnd() + "\n\n" + section : document[..before] + section.TrimEnd() + "\n\n" + document[before..];
    }
}
