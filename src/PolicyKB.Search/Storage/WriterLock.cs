using System.Diagnostics;
using System.Text.Json;

namespace PolicyKB.Search.Storage;

/// <summary>
/// The one writer of a knowledge-base folder, across processes, for the writer's whole life. DIR/writer.lock is opened
/// with <see cref="FileShare.None"/>, which .NET turns into an exclusive <c>flock</c> on Linux (a <c>LockFileEx</c> on
/// Windows): the kernel holds it for the open file, so no other process (nor another open in this one) gets it, and it
/// is let go when the holder exits, however it exits. The file itself is never deleted (Lucene.Net's write.lock is
/// deleted on release, and a second process then locked a new file of the same name while the first still wrote:
/// a lock that can be deleted under its holder is no lock). Who holds it is written beside it, in DIR/writer.json,
/// for the message a second writer gets.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    public const string LockFileName = "writer.lock";
    public const string HolderFileName = "writer.json";

    private readonly FileStream _file;

    public WriterHolder Holder { get; }

    private WriterLock(FileStream file, WriterHolder holder)
    {
        _file = file;
        Holder = holder;
    }

    /// <summary>Takes the folder's write lock at once, or throws <see cref="KnowledgeBaseLockedException"/> naming its holder.</summary>
    /// <param name="command">What this process is doing (import, serve, crawl …), told to a second writer.</param>
    public static WriterLock Acquire(string directory, string? command, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        FileStream file;
        try
        {
            file = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new KnowledgeBaseLockedException(full, ReadHolder(full), e);
        }
        var holder = new WriterHolder(Environment.ProcessId, command ?? CommandLine(), (clock ?? TimeProvider.System).GetUtcNow(), Environment.MachineName);
        try
        {
            var temp = Path.Combine(full, HolderFileName + ".tmp");
            File.WriteAllText(temp, JsonSerializer.Serialize(holder));
            File.Move(temp, Path.Combine(full, HolderFileName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock is what matters; without the note a second writer is told the holder is unknown.
        }
        return new WriterLock(file, holder);
    }

    /// <summary>Who holds the folder now, as its holder wrote it; null when unknown (or nobody: the file outlives its writer).</summary>
    public static WriterHolder? ReadHolder(string directory)
    {
        try { return JsonSerializer.Deserialize<WriterHolder>(File.ReadAllText(Path.Combine(directory, HolderFileName))); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException) { return null; }
    }

    private static string CommandLine()
    {
        var args = Environment.GetCommandLineArgs();
        return args.Length > 1 ? string.Join(' ', args.Skip(1)) : Process.GetCurrentProcess().ProcessName;
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>The process that writes a knowledge-base folder.</summary>
public sealed record WriterHolder(int ProcessId, string Command, DateTimeOffset Since, string Host)
{
    public override string ToString() =>
        $"进程 {ProcessId}（{Command}），{Since.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} 起" + (Host == Environment.MachineName ? "" : $"，主机 {Host}");
}
