namespace PolicyKB.Crawl;

/// <summary>What to fetch: a canonical URL, the validators of the copy we hold, and the body size allowed.</summary>
internal sealed record FetchRequest(string Url, string? ETag = null, string? LastModified = null, long? MaxBytes = null);

internal enum FetchStatus
{
    /// <summary>A 2xx response with its body.</summary>
    Ok,
    /// <summary>304: the copy we hold is current.</summary>
    NotModified,
    /// <summary>Given up: see <see cref="FetchResult.Error"/>.</summary>
    Failed,
}

/// <summary>The outcome of fetching one URL, after redirects and retries.</summary>
internal sealed record FetchResult
{
    public required string Url { get; init; }
    /// <summary>The URL the body came from, after redirects.</summary>
    public string FinalUrl { get; init; } = "";
    public FetchStatus Status { get; init; }
    /// <summary>The last HTTP status seen (0 when no response arrived).</summary>
    public int HttpStatus { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public int Attempts { get; init; }
    public string? Error { get; init; }
}
