namespace PolicyKB.Service;

/// <summary>
/// What the host needs from its caller (`policykb serve`). Values left null here are read from configuration
/// (section <c>PolicyKB</c> of appsettings.json, environment variables <c>PolicyKB__…</c>, command line <c>--PolicyKB:…</c>).
/// </summary>
public sealed record ServiceOptions
{
    public const string Section = "PolicyKB";

    /// <summary>The knowledge-base folder (see IndexLocation.Resolve); the Lucene index lives in it.</summary>
    public required string IndexDirectory { get; init; }

    /// <summary>Pages imported on start when the index is empty (a fresh clone's samples/); null to import nothing.</summary>
    public string? SamplesDirectory { get; init; }

    /// <summary>The key admin calls (import, crawl) must send in the X-Api-Key header; admin calls are disabled when null.</summary>
    public string? AdminApiKey { get; init; }

    /// <summary>Longest time one search may run before the request is answered 503.</summary>
    public TimeSpan? SearchTimeout { get; init; }

    /// <summary>Most hits one export returns.</summary>
    public int? ExportLimit { get; init; }
}
