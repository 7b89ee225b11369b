using Microsoft.Extensions.Time.Testing;

namespace PolicyKB.Crawl.Tests;

internal static class ClockDriver
{
    /// <summary>The instant every test clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Awaits <paramref name="work"/> while moving <paramref name="clock"/> on by <paramref name="step"/> (10 ms by default)
    /// whenever it is not done: pacing, backoff and Retry-After waits pass in a few real milliseconds, yet each lasts its
    /// full length on the clock, so gaps measured on it are exact. A test's fetch timeout must be far longer than the
    /// clock moves while one request is in flight (<see cref="CrawlBench.FastFetch"/> allows an hour).
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider clock, Task<T> work, TimeSpan? step = null)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(1)).ConfigureAwait(false);
            if (!work.IsCompleted) clock.Advance(step ?? TimeSpan.FromMilliseconds(10));
        }
        return await work.ConfigureAwait(false);
    }
}
