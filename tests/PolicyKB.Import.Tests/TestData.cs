using PolicyKB.Model;

namespace PolicyKB.Import.Tests;

/// <summary>The data folder next to the tests, read once for the whole run through the programs' entry point.</summary>
internal static class TestData
{
    public static PolicyData Folder { get; } = PolicyData.Locate();
    public static ImportData Import { get; } = new(Folder);
    public static DocumentParser Parser => Import.Parser;
    public static IssuerRegistry Issuers => Import.Issuers;
}
