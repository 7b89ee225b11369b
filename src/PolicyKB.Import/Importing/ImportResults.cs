namespace PolicyKB.Import;

/// <summary>What happened to one file or page: stored new, stored over a changed version, left alone as identical, or refused.</summary>
public enum ImportStatus { Imported, Updated, Unchanged, Failed }

/// <summary>The outcome for one file: the document it became (id, title), the parse warnings, or why it failed.</summary>
public sealed record ImportFileResult(string Path, ImportStatus Status, string? DocumentId, string? Title, IReadOnlyList<string> Warnings, string? Error)
{
    public static ImportFileResult Fail(string path, string error, IReadOnlyList<string>? warnings = null)
        => new(path, ImportStatus.Failed, null, null, warnings ?? [], error);
}

/// <summary>The outcome of an import run: one result per file, and the counts the summary prints.</summary>
public sealed record ImportReport(IReadOnlyList<ImportFileResult> Files)
{
    public int Imported => Count(ImportStatus.Imported);
    public int Updated => Count(ImportStatus.Updated);
    public int Unchanged => Count(ImportStatus.Unchanged);
    public int Failed => Count(ImportStatus.Failed);

    /// <summary>Files stored (or already stored) whose parse gave warnings.</summary>
    public int Warned => Files.Count(f => f.Status != ImportStatus.Failed && f.Warnings.Count > 0);

    /// <summary>True when at least one file became a stored document (new, updated or unchanged).</summary>
    public bool AnySucceeded => Files.Any(f => f.Status != ImportStatus.Failed);

    private int Count(ImportStatus status) => Files.Count(f => f.Status == status);
}

/// <summary>Settings of an import run.</summary>
public sealed record ImportOptions
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Files larger than this are refused without being read (default 20 MB).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public const int DefaultMaxFiles = 200_000;

    /// <summary>Files one run imports at the most; a larger tree is cut here with a message (default 200,000).</summary>
    public int MaxFiles { get; init; } = DefaultMaxFiles;

    /// <summary>Documents upserted between two commits of the sink.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Files parsed and indexed at once (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The file extensions imported from folders (other files are skipped, not failed).</summary>
    public IReadOnlySet<string> Extensions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".shtml", ".pdf", ".docx" };
}
