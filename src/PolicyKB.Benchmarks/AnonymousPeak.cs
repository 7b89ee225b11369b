namespace PolicyKB.Benchmarks;

/// <summary>
/// The peak of this process's anonymous resident memory (RssAnon on Linux), sampled four times a second. VmHWM also
/// counts the pages of memory-mapped index files the process has read, which at a million pages is mostly page cache
/// the kernel can take back; this is the part it cannot.
/// </summary>
public sealed class AnonymousPeak : IDisposable
{
    private const string StatusFile = "/proc/self/status";
    private readonly Timer _timer;
    private long _peak;

    public AnonymousPeak()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The highest sample so far, in bytes; null where the system does not report it.</summary>
    public long? Peak
    {
        get
        {
            Sample();
            var peak = Interlocked.Read(ref _peak);
            return peak > 0 ? peak : null;
        }
    }

    private void Sample()
    {
        if (Read() is not { } now) return;
        for (var seen = Interlocked.Read(ref _peak); now > seen; seen = Interlocked.Read(ref _peak))
            if (Interlocked.CompareExchange(ref _peak, now, seen) == seen) return;
    }

    /// <summary>RssAnon from a status text ("RssAnon:    123456 kB"), in bytes.</summary>
    private static long? Parse(IEnumerable<string> statusLines)
    {
        foreach (var line in statusLines)
        {
            if (!line.StartsWith("RssAnon:", StringComparison.Ordinal)) continue;
            var fields = line["RssAnon:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length == 2 && fields[1] == "kB" && long.TryParse(fields[0], CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
        }
        return null;
    }

    private static long? Read()
    {
        try { return File.Exists(StatusFile) ? Parse(File.ReadLines(StatusFile)) : null; }
        catch (IOException) { return null; }
    }

    public void Dispose() => _timer.Dispose();
}
