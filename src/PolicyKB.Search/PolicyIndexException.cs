namespace PolicyKB.Search;

/// <summary>A problem with the index folder, with a message meant for the user.</summary>
public class PolicyIndexException : Exception
{
    public PolicyIndexException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// Another writer holds the knowledge-base folder: a second <c>policykb import</c>, a <c>serve</c> or a crawl. The message
/// names the holder and the ways forward; the CLI exits with its own code for it.
/// </summary>
public sealed class KnowledgeBaseLockedException(string directory, Storage.WriterHolder? holder, Exception? inner = null)
    : PolicyIndexException(
        $"知识库 {directory} 正在被另一个 policykb 进程写入：{holder?.ToString() ?? "持有者未知"}。"
        + "同一时间只能有一个写入者。请等它结束或停止它；若它是 policykb serve，可把导入交给它："
        + "policykb import PATH --server URL（需要管理密钥）。检索（search）不受影响。", inner)
{
    public string IndexDirectory { get; } = directory;
    public Storage.WriterHolder? Holder { get; } = holder;
}

/// <summary>A write (upsert, delete, commit) asked of an index opened for reading.</summary>
public sealed class IndexReadOnlyException(string directory)
    : PolicyIndexException($"知识库 {directory} 以只读方式打开：检索、检查和简报从不写入它。")
{
}

/// <summary>A read-only open of a folder that holds no index yet.</summary>
public sealed class IndexMissingException(string directory)
    : PolicyIndexException($"{directory} 中还没有索引：先导入文档（policykb import PATH --index {directory}）。")
{
}

/// <summary>The index was written with another schema version.</summary>
public sealed class IndexVersionException(string directory, string? found, string expected)
    : PolicyIndexException($"The index in '{directory}' has schema version {found ?? "unknown"}, this program needs version {expected}. Re-import the documents into a new index folder (policykb import … --index NEWDIR), or delete '{directory}/lucene' and import again.")
{
    public string? FoundVersion { get; } = found;
    public string ExpectedVersion { get; } = expected;
}
