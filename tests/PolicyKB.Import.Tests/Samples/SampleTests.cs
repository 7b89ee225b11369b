using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Samples;

/// <summary>Every page in samples/ parses to exactly the document its *.expected.json describes, field by field.</summary>
[TestClass]
public sealed class SampleTests
{
    public static IEnumerable<object[]> Pages()
        => Directory.EnumerateFiles(RepoPaths.Samples)
            .Where(f => Path.GetExtension(f) is ".html" or ".htm" or ".shtml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    public void Samples_folder_holds_at_least_sixteen_pages_each_with_expected_json()
    {
        var pages = Pages().Select(p => (string)p[0]).ToList();
        Assert.IsGreaterThanOrEqualTo(16, pages.Count);
        foreach (var page in pages)
            Assert.IsTrue(File.Exists(ExpectedPath(page)), $"{page} has no expected JSON");
    }

    [TestMethod]
    [DynamicData(nameof(Pages))]
    public void Sample_parses_to_its_expected_json(string page)
    {
        var path = RepoPaths.Sample(page);
        var result = TestData.Parser.Parse(File.ReadAllBytes(path), new PageSource(FilePath: path));
        Assert.IsNull(result.Error, result.Error);

        var actual = JsonSerializer.SerializeToNode(ParseView.From(result.Document!, result.Warnings), PolicyJson.Options)!.AsObject();
        var expected = JsonNode.Parse(File.ReadAllText(ExpectedPath(page)))!.AsObject();
        foreach (var (field, value) in expected)
            Assert.IsTrue(JsonNode.DeepEquals(value, actual[field]), $"{page}: field '{field}'\nexpected: {value?.ToJsonString(PolicyJson.Options)}\nactual:   {actual[field]?.ToJsonString(PolicyJson.Options)}");
        CollectionAssert.AreEquivalent(expected.Select(kv => kv.Key).ToList(), actual.Select(kv => kv.Key).ToList(), $"{page}: the expected JSON must name every field of the parse view");
    }

    [TestMethod]
    [DynamicData(nameof(Pages))]
    public void Sample_content_hash_is_stable_across_parses(string page)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Sample(page));
        var first = TestData.Parser.Parse(bytes, new PageSource(FilePath: page)).Document!;
        var second = TestData.Parser.Parse(bytes.ToArray(), new PageSource(FilePath: page)).Document!;
        Assert.AreEqual(64, first.ContentHash.Length);
        Assert.AreEqual(first.ContentHash, second.ContentHash);
    }

    private static string ExpectedPath(string page) => RepoPaths.Sample(Path.GetFileNameWithoutExtension(page) + ".expected.json");
}
