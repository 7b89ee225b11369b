using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Crawl.Tests;

/// <summary>The data folder next to the tests, read once for the whole run through the programs' entry point.</summary>
internal static class TestData
{
    public static PolicyData Folder { get; } = PolicyData.Locate();
    public static ImportData Import { get; } = new(Folder);
    public static DocumentParser Parser => Import.Parser;
    public static CrawlData Sites { get; } = new(Folder);
    public static PolicyIndexOptions IndexOptions => new() { Data = SearchFiles };
    private static readonly SearchData SearchFiles = new(Folder);
}
