namespace PolicyKB.Corpus;

/// <summary>
/// SplitMix64: a tiny generator whose output is fixed by its algorithm, not by the runtime's
/// <see cref="Random"/> implementation, so a seed gives byte-identical pages on every .NET version.
/// </summary>
internal sealed class Rng
{
    private ulong _state;

    private Rng(ulong state) => _state = state;

    /// <summary>The generator for one page: pages depend only on (seed, index), so they can be made in any order or in parallel.</summary>
    public static Rng For(int seed, long index) => new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index + 0x632BE59BD9B4E019UL)));

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextULong() % (ulong)(max - min));

    public int Next(int max) => Next(0, max);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal by Box–Muller.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// A word list whose entries are drawn with Zipf weights (the k-th entry with weight 1/k^s): the first
/// entries are common, the tail is rare, as term frequencies are in real text.
/// </summary>
internal sealed class ZipfList
{
    private readonly string[] _items;
    private readonly double[] _cumulative;

    public ZipfList(IReadOnlyList<string> items, double exponent = 1.0)
    {
        if (items.Count == 0) throw new ArgumentException("A word list needs at least one entry.", nameof(items));
        _items = [.. items];
        _cumulative = new double[_items.Length];
        var sum = 0.0;
        for (var k = 0; k < _items.Length; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }
        for (var k = 0; k < _cumulative.Length; k++) _cumulative[k] /= sum;
    }

    public IReadOnlyList<string> Items => _items;

    public string Pick(Rng rng)
    {
        var i = Array.BinarySearch(_cumulative, rng.NextDouble());
        if (i < 0) i = ~i;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}
