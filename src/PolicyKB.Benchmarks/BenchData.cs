using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Benchmarks;

/// <summary>The benchmark program's data: the data folder next to it, each file read once for the whole run (what the service's container does per host).</summary>
internal static class BenchData
{
    private static readonly Lazy<PolicyData> Folder = new(PolicyData.Locate);
    private static readonly Lazy<ImportData> ImportFiles = new(() => new ImportData(Folder.Value));
    private static readonly Lazy<SearchData> SearchFiles = new(() => new SearchData(Folder.Value));

    public static DocumentParser Parser => ImportFiles.Value.Parser;

    /// <summary>Options for an index the benchmark opens.</summary>
    public static PolicyIndexOptions IndexOptions => new() { Data = SearchFiles.Value };
}
