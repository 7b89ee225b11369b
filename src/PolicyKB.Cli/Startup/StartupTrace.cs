using System.Diagnostics;

namespace PolicyKB.Cli.Startup;

/// <summary>
/// With POLICYKB_TRACE_STARTUP=1, prints to standard error how long after the process started each step of a command
/// was reached: where a command's start-up time goes, without a profiler. Off, it costs one environment read.
/// </summary>
internal static class StartupTrace
{
    public const string EnvironmentVariable = "POLICYKB_TRACE_STARTUP";

    private static readonly DateTime? ProcessStart = Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true"
        ? Process.GetCurrentProcess().StartTime.ToUniversalTime()
        : null;

    public static void Mark(string step)
    {
        if (ProcessStart is { } start)
            Console.Error.WriteLine($"[startup] {(DateTime.UtcNow - start).TotalMilliseconds,7:0} ms  {step}");
    }
}
