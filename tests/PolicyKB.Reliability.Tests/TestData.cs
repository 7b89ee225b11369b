using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests;

/// <summary>The data folder next to the tests, read once for the whole run through the programs' entry point.</summary>
internal static class TestData
{
    private static readonly SearchData SearchFiles = new(PolicyData.Locate());

    public static PolicyIndexOptions IndexOptions => new() { Data = SearchFiles };
}
