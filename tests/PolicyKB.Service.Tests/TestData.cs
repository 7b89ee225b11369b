using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Service.Tests;

/// <summary>The data folder next to the tests, read once for the whole run through the programs' entry point.</summary>
internal static class TestData
{
    private static readonly PolicyData Folder = PolicyData.Locate();
    private static readonly ImportData Import = new(Folder);
    private static readonly SearchData SearchFiles = new(Folder);

    public static IssuerRegistry Issuers => Import.Issuers;
    public static PolicyIndexOptions IndexOptions => new() { Data = SearchFiles };
}
