using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Search.Tests;

/// <summary>The data folder next to the tests, read once for the whole run through the programs' entry point.</summary>
internal static class TestData
{
    public static PolicyData Folder { get; } = PolicyData.Locate();
    public static ImportData Import { get; } = new(Folder);
    public static SearchData Search { get; } = new(Folder);
    public static DocumentParser Parser => Import.Parser;
    /// <summary>Options over the data folder's thesaurus, dictionary and status phrases; add the rest with <c>with { … }</c>.</summary>
    public static PolicyIndexOptions IndexOptions => new() { Data = Search };
}
