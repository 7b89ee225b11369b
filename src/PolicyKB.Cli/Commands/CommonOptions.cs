using System.CommandLine;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>Options that several commands share, and the one place that turns failures into exit codes.</summary>
internal static class CommonOptions
{
    public static Option<string?> Index() => new("--index")
    {
        Description = "The knowledge-base folder (default ./index, or the POLICYKB_INDEX environment variable).",
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static string ResolveIndex(ParseResult parse, Option<string?> index) => IndexLocation.Resolve(parse.GetValue(index));

    /// <summary>Runs a command body; errors the user can act on (a locked or outdated index, a missing file) print one line, not a stack trace.</summary>
    public static int Guard(Func<int> body) => GuardAsync(() => Task.FromResult(body())).GetAwaiter().GetResult();

    /// <inheritdoc cref="Guard"/>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (KnowledgeBaseLockedException e)
        {
            Console.Error.WriteLine($"policykb: {e.Message}");
            return ExitCodes.Locked;
        }
        catch (Exception e) when (e is PolicyIndexException or IOException or UnauthorizedAccessException or InvalidDataException or RuleTimeoutException)
        {
            Console.Error.WriteLine($"policykb: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    /// <summary>Bad input: nothing could be imported, a date or value the command cannot read.</summary>
    public const int BadInput = 2;
    /// <summary>Another process writes the knowledge-base folder (its holder is named): try again later, or hand the work to it.</summary>
    public const int Locked = 3;
}

/// <summary>Reports on the calling thread, in order (System.Progress posts to the thread pool and reorders lines).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
