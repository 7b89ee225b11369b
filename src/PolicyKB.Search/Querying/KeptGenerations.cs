using System.Collections.Concurrent;

namespace PolicyKB.Search.Querying;

/// <summary>
/// What a segment keeps for later searches, bounded in two generations of <paramref name="capacity"/> (in the units
/// <paramref name="cost"/> counts): an entry goes into the newer; when the newer is full it becomes the older and the
/// older is dropped; an entry found in the older is kept in the newer again. So what is asked day after day stays kept
/// while a stream of one-off entries passes through, where one set emptied when full would lose everything together.
/// Thread-safe; a search reading the old sets while they are replaced goes on undisturbed.
/// </summary>
internal sealed class KeptGenerations<TKey, TValue>(long capacity, Func<TValue, long> cost) where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _newer = new();
    private ConcurrentDictionary<TKey, TValue> _older = new();
    private long _filled;

    public long Capacity => capacity;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_newer.TryGetValue(key, out value!)) return true;
        if (!_older.TryGetValue(key, out value!)) return false;
        Add(key, value);
        return true;
    }

    public void Add(TKey key, TValue value)
    {
        var size = cost(value);
        if (Interlocked.Add(ref _filled, size) > capacity)
        {
            // New sets rather than cleared ones: a search reading the old sets concurrently goes on undisturbed.
            _older = _newer;
            _newer = new ConcurrentDictionary<TKey, TValue>();
            Interlocked.Exchange(ref _filled, size);
        }
        _newer.TryAdd(key, value);
    }

    /// <summary>How many entries are kept now, in both generations.</summary>
    public int Count => _newer.Count + _older.Count;

    /// <summary>The entries kept now, in both generations (an entry in both counted once).</summary>
    public IEnumerable<TValue> Values => _newer.Concat(_older.Where(e => !_newer.ContainsKey(e.Key))).Select(e => e.Value);
}
