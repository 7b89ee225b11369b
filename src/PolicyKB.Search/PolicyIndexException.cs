namespace PolicyKB.Search;

/// <summary>A problem with the index folder, with a message meant for the user.</summary>
public class PolicyIndexException : Exception
{
    public PolicyIndexException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Another writer (another policykb process) holds the index folder.</summary>
public sealed class IndexLockedException(string directory, Exception? inner = null)
    : PolicyIndexException($"The index in '{directory}' is in use by another policykb process (crawler, server or import). Stop it or use another --index folder.", inner)
{
    public string IndexDirectory { get; } = directory;
}

/// <summary>The index was written with another schema version.</summary>
public sealed class IndexVersionException(string directory, string? found, string expected)
    : PolicyIndexException($"The index in '{directory}' has schema version {found ?? "unknown"}, this program needs version {expected}. Re-import the documents into a new index folder (policykb import … --index NEWDIR), or delete '{directory}/lucene' and import again.")
{
    public string? FoundVersion { get; } = found;
    public string ExpectedVersion { get; } = expected;
}
