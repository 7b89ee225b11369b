using System.Collections.Concurrent;

namespace PolicyKB.Search.Querying;

/// <summary>
/// What a segment keeps for later searches, bounded in two generations of <paramref name="capacity"/> entries: an
/// entry goes into the newer; when the newer is full it becomes the older and the older is dropped; an entry found in
/// the older is kept in the newer again. So what is asked day after day stays kept
/// while a stream of one-off entries passes through, where one set emptied when full would lose everything together.
/// Thread-safe; a search reading the old sets while they are replaced goes on undisturbed.
/// </summary>
internal sealed class KeptGenerations<TKey, TValue>(int capacity) where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _newer = new();
    private ConcurrentDictionary<TKey, TValue> _older = new();
    private int _filled;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_newer.TryGetValue(key, out value!)) return true;
        if (!_older.TryGetValue(key, out value!)) return false;
        Add(key, value);
        return true;
    }

    public void Add(TKey key, TValue value)
    {
        if (Interlocked.Increment(ref _filled) > capacity)
        {
            // New sets rather than cleared ones: a search reading the old sets concurrently goes on undisturbed.
            _older = _newer;
            _newer = new ConcurrentDictionary<TKey, TValue>();
            Interlocked.Exchange(ref _filled, 1);
        }
        _newer.TryAdd(key, value);
    }

    /// <summary>How many entries are kept now, in both generations.</summary>
    public int Count => _newer.Count + _older.Count;
}
