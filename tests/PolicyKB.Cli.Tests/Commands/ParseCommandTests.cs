using System.Text.Json;

namespace PolicyKB.Cli.Tests.Commands;

[TestClass]
public sealed class ParseCommandTests
{
    private static readonly string[] ContractFields =
    [
        "id", "title", "issuers", "documentNumber", "documentType", "topics", "themes", "writtenDate", "publishedDate",
        "site", "url", "indexNumber", "body", "attachments", "methodologies", "warnings",
    ];

    [TestMethod]
    public void ParsePrintsEveryContractFieldForEachSample()
    {
        var pages = Directory.GetFiles(CliRunner.SamplesDirectory(), "*.*htm*", SearchOption.AllDirectories);
        Assert.IsGreaterThanOrEqualTo(16, pages.Length, "the samples hold at least 16 pages");
        foreach (var page in pages)
        {
            var run = CliRunner.Policykb("parse", page);
            Assert.AreEqual(0, run.ExitCode, $"{page}: {run.Err}");
            using var json = JsonDocument.Parse(run.Out);
            foreach (var field in ContractFields)
                Assert.IsTrue(json.RootElement.TryGetProperty(field, out _), $"{Path.GetFileName(page)}: no '{field}' in the output");
            Assert.AreEqual(JsonValueKind.String, json.RootElement.GetProperty("body").ValueKind, "body is plain text");
            Assert.IsFalse(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()), $"{page}: empty title");
        }
    }

    [TestMethod]
    public void ParseTakesTheSiteFromTheUrlOption()
    {
        var page = Directory.GetFiles(CliRunner.SamplesDirectory(), "*.*htm*", SearchOption.AllDirectories).First();
        var run = CliRunner.Policykb("parse", page, "--url", "https://www.example.org/a/b.html");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        Assert.AreEqual("https://www.example.org/a/b.html", json.RootElement.GetProperty("url").GetString());
    }

    [TestMethod]
    public void ParseOfAMissingFileIsABadInputError()
    {
        var run = CliRunner.Policykb("parse", "/no/such/page.html");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Err, "no such file");
        Assert.AreEqual("", run.Out);
    }

    [TestMethod]
    public void ParseOfAnEmptyFileSaysWhyAndPrintsNothing()
    {
        var dir = CliRunner.TempDirectory();
        var empty = Path.Combine(dir, "empty.html");
        File.WriteAllBytes(empty, []);
        var run = CliRunner.Policykb("parse", empty);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Err, "empty.html");
        Assert.AreEqual("", run.Out);
    }

    [TestMethod]
    public void ParseChangesNothingOnDisk()
    {
        var cwd = CliRunner.TempDirectory();
        var page = Directory.GetFiles(CliRunner.SamplesDirectory(), "*.*htm*", SearchOption.AllDirectories).First();
        var run = CliRunner.Policykb(["parse", page], cwd);
        Assert.AreEqual(0, run.ExitCode, run.Err);
        Assert.IsEmpty(Directory.GetFileSystemEntries(cwd), "parse created files");
    }
}
