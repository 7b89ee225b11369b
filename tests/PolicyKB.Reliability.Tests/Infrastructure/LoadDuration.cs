namespace PolicyKB.Reliability.Tests.Infrastructure;

/// <summary>How long the fixed-duration tests run: POLICYKB_RELIABILITY_SECONDS when set (CI shortens it), else their own length.</summary>
internal static class LoadDuration
{
    public const string Variable = "POLICYKB_RELIABILITY_SECONDS";

    public static TimeSpan Or(TimeSpan fallback) => From(Environment.GetEnvironmentVariable(Variable), fallback);

    /// <summary>A value that is not a positive number of seconds stops the test with a message naming the variable.</summary>
    public static TimeSpan From(string? value, TimeSpan fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 90
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{Variable} must be a number of seconds above 0 and at most 90 (the load test's own timeout is 120 s), not '{value}'.");
    }
}
