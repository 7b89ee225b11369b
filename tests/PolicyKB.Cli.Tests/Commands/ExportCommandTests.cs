using System.Text.Json.Nodes;
using PolicyKB.Search;

namespace PolicyKB.Cli.Tests.Commands;

/// <summary>`policykb export --format opensearch` over the imported samples, through the real program.</summary>
[TestClass]
public sealed class ExportCommandTests
{
    private static string _index = "";
    private static string _out = "";
    private static CliRunner.Run _export = null!;

    [ClassInitialize]
    public static void ImportAndExportTheSamples(TestContext _)
    {
        var root = CliRunner.TempDirectory();
        _index = Path.Combine(root, "index");
        var import = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", _index);
        Assert.AreEqual(0, import.ExitCode, import.Err);
        _out = Path.Combine(root, "opensearch");
        _export = CliRunner.Policykb("export", "--format", "opensearch", "--out", _out, "--index", _index);
    }

    [TestMethod]
    public void EveryDocumentOfTheKnowledgeBaseIsExportedOnceUnderItsOwnId()
    {
        Assert.AreEqual(0, _export.ExitCode, _export.Out + _export.Err);
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(_out, "bulk-*.ndjson").Order())
        {
            var lines = File.ReadAllLines(file);
            Assert.AreEqual(0, lines.Length % 2, $"{file}: an action line and a source line per document");
            for (var i = 0; i < lines.Length; i += 2)
            {
                var action = JsonNode.Parse(lines[i])!.AsObject();
                var source = JsonNode.Parse(lines[i + 1])!.AsObject();
                Assert.IsNotNull(action["index"], lines[i]);
                Assert.IsNull(source["index"], $"line {i + 2} of {file} is a source, not an action");
                Assert.AreEqual((string)source["id"]!, (string)action["index"]!["_id"]!);
                ids.Add((string)action["index"]!["_id"]!);
            }
        }
        using var index = PolicyIndex.OpenReadOnly(_index, TestData.IndexOptions);
        CollectionAssert.AllItemsAreUnique(ids);
        CollectionAssert.AreEquivalent(index.All().Select(d => d.Id).ToList(), ids);
        StringAssert.Contains(_export.Out, $"exported {ids.Count} documents");
    }

    [TestMethod]
    public void TheTemplateMapsEveryFieldTheSamplesWrite()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "index-template.json")))!;
        var properties = template["template"]!["mappings"]!["properties"]!.AsObject();
        foreach (var line in Directory.GetFiles(_out, "bulk-*.ndjson").SelectMany(File.ReadAllLines).Where((_, i) => i % 2 == 1))
            foreach (var (name, value) in JsonNode.Parse(line)!.AsObject())
            {
                Assert.IsTrue(properties.ContainsKey(name), $"'{name}' is written but not mapped");
                if (value is JsonArray { Count: > 0 } items && items[0] is JsonObject inner)
                    foreach (var (innerName, _) in inner)
                        Assert.IsTrue(properties[name]!["properties"]!.AsObject().ContainsKey(innerName), $"'{name}.{innerName}' is written but not mapped");
            }
    }

    [TestMethod]
    public void AnUnknownFormatIsBadInput()
    {
        var run = CliRunner.Policykb("export", "--format", "solr", "--out", Path.Combine(CliRunner.TempDirectory(), "x"), "--index", _index);
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "unknown format 'solr'");
    }

    [TestMethod]
    public void AnOutputFolderThatCannotBeMadeIsBadInput()
    {
        // Below a file: no folder can be made there, whoever runs the test (root too).
        var file = Path.Combine(CliRunner.TempDirectory(), "a-file");
        File.WriteAllText(file, "");
        var run = CliRunner.Policykb("export", "--format", "opensearch", "--out", Path.Combine(file, "out"), "--index", _index);
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "cannot write to --out");
    }

    [TestMethod]
    public void AFolderHoldingAnEarlierExportIsBadInputAndKeepsItsFiles()
    {
        var run = CliRunner.Policykb("export", "--format", "opensearch", "--out", _out, "--index", _index);
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "is not empty");
        Assert.IsTrue(File.Exists(Path.Combine(_out, "index-template.json")));
    }
}
