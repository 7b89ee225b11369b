using System.Collections.Concurrent;

namespace PolicyKB.Crawl;

/// <summary>
/// One request at a time per host, and at least an interval between the end of one request and the start of
/// the next (so a slow server is asked less often, and the rate holds as the server measures it).
/// </summary>
internal sealed class HostPacer(TimeProvider time) : IDisposable
{
    private sealed class HostGate : IDisposable
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
        public void Dispose() => Lock.Dispose();
    }

    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; dispose the lease when the response has been read.</summary>
    public async Task<IAsyncDisposable> EnterAsync(string host, TimeSpan interval, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(host, _ => new HostGate());
        await gate.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = gate.NextStart - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct).ConfigureAwait(false);
            return new Lease(gate, time, interval);
        }
        catch
        {
            gate.Lock.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values) gate.Dispose();
    }

    private sealed class Lease(HostGate gate, TimeProvider time, TimeSpan interval) : IAsyncDisposable
    {
        private int _released;
        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return ValueTask.CompletedTask;
            gate.NextStart = time.GetUtcNow() + interval;
            gate.Lock.Release();
            return ValueTask.CompletedTask;
        }
    }
}
