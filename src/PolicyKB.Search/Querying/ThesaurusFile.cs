namespace PolicyKB.Search.Querying;

/// <summary>
/// The thesaurus file, re-read when it changes (checked at most every few seconds), so a running server picks up
/// edits without a restart or a re-index. A file that cannot be read keeps the last good thesaurus.
/// </summary>
internal sealed class ThesaurusFile
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(3);
    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly object _lock = new();
    private Thesaurus _current;
    private DateTime _stamp;
    private DateTimeOffset _checkedAt;

    public ThesaurusFile(string path, TimeProvider clock)
    {
        _path = path;
        _clock = clock;
        _stamp = File.GetLastWriteTimeUtc(path);
        _current = Thesaurus.Load(path);
        _checkedAt = clock.GetUtcNow();
    }

    public Thesaurus Current
    {
        get
        {
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                if (now - _checkedAt < CheckEvery) return _current;
                _checkedAt = now;
                try
                {
                    var stamp = File.GetLastWriteTimeUtc(_path);
                    if (stamp != _stamp)
                    {
                        _current = Thesaurus.Load(_path);
                        _stamp = stamp;
                    }
                }
                catch (IOException) { /* being rewritten: keep the last good one */ }
                catch (UnauthorizedAccessException) { /* keep the last good one */ }
                return _current;
            }
        }
    }
}
