using System.Text.Json;

namespace PolicyKB.Cli.Tests.Commands;

/// <summary>import → search → check over the samples, through the real program and a real index folder.</summary>
[TestClass]
public sealed class ImportSearchCheckTests
{
    private static string _index = "";
    private static CliRunner.Run _firstImport = null!;

    [ClassInitialize]
    public static void ImportSamples(TestContext _)
    {
        _index = Path.Combine(CliRunner.TempDirectory(), "index");
        _firstImport = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", _index);
    }

    [TestMethod]
    public void ImportOfTheSamplesSucceedsAndPrintsASummary()
    {
        Assert.AreEqual(0, _firstImport.ExitCode, _firstImport.Out + _firstImport.Err);
        // A reposted notice (the same 文号 and title on gov.cn and the ministry's site) merges into the first: "updated".
        var m = System.Text.RegularExpressions.Regex.Match(_firstImport.Out, @"imported (\d+), updated (\d+), unchanged 0, warned \d+, failed 0");
        Assert.IsTrue(m.Success, _firstImport.Out);
        var files = Directory.GetFiles(CliRunner.SamplesDirectory()).Count(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal));
        Assert.AreEqual(files, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), "every sample file is stored once");
    }

    [TestMethod]
    public void ReimportingTheSamplesChangesNothing()
    {
        var again = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", _index, "--json");
        Assert.AreEqual(0, again.ExitCode, again.Err);
        var lines = again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.IsNotEmpty(lines);
        foreach (var line in lines)
        {
            using var r = JsonDocument.Parse(line);
            Assert.AreEqual("unchanged", r.RootElement.GetProperty("status").ToString(), line);
        }
    }

    [TestMethod]
    public void SearchJsonHasTheContractShape()
    {
        var run = CliRunner.Policykb("search", "碳达峰", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.IsGreaterThan(0, root.GetProperty("total").GetInt32());
        Assert.AreEqual("碳达峰", root.GetProperty("query").GetString());
        Assert.AreEqual(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        foreach (var field in new[] { "id", "title", "issuers", "documentNumber", "documentType", "writtenDate", "publishedDate", "site", "url", "score", "snippets" })
            Assert.IsTrue(root.GetProperty("hits")[0].TryGetProperty(field, out _), $"hit has no '{field}'");
        foreach (var facet in new[] { "issuer", "theme", "topic", "type", "site", "year", "month" })
            Assert.IsTrue(root.GetProperty("facets").TryGetProperty(facet, out _), $"no facet '{facet}'");
    }

    [TestMethod]
    public void SearchForPartOfAWordFindsTheWholeWord()
    {
        var part = Total("达峰");
        var whole = Total("碳达峰");
        Assert.IsGreaterThan(0, whole);
        Assert.IsGreaterThanOrEqualTo(whole, part, "every document with 碳达峰 contains 达峰");
    }

    [TestMethod]
    public void IssuerFilterNarrowsTheHits()
    {
        var all = Total("碳");
        var run = CliRunner.Policykb("search", "碳", "--issuer", "生态环境部", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var filtered = json.RootElement.GetProperty("total").GetInt32();
        Assert.IsTrue(filtered > 0 && filtered < all, $"filtered {filtered} of {all}");
        foreach (var hit in json.RootElement.GetProperty("hits").EnumerateArray())
            CollectionAssert.Contains(hit.GetProperty("issuers").EnumerateArray().Select(i => i.GetString()).ToList(), "生态环境部");
    }

    [TestMethod]
    public void TextOutputShowsHitsSnippetsAndFacets()
    {
        var run = CliRunner.Policykb("search", "碳达峰", "--index", _index);
        Assert.AreEqual(0, run.ExitCode, run.Err);
        StringAssert.Contains(run.Out, "条结果");
        StringAssert.Contains(run.Out, "【");
        StringAssert.Contains(run.Out, "发文机关：");
    }

    [TestMethod]
    public void AnAttachmentHitSaysWhichNoticeItBelongsTo()
    {
        // Words found only in the sample PDF, which the NDRC notice links.
        var run = CliRunner.Policykb("search", "首批在15个省", "--index", _index);
        Assert.AreEqual(0, run.ExitCode, run.Err);
        StringAssert.Contains(run.Out, "1. 国家碳达峰试点建设方案");
        StringAssert.Contains(run.Out, "附件，属于：国家发展改革委关于印发《国家碳达峰试点建设方案》的通知");
        StringAssert.Contains(run.Out, "国家发展和改革委员会  ·  方案  ·  2023-11-06", "the attachment is issued and dated as its notice");
    }

    [TestMethod]
    public void FacetsCountsOnlyTheNamedFacets()
    {
        var run = CliRunner.Policykb("search", "碳达峰", "--facets", "issuer,year", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        CollectionAssert.AreEquivalent(new[] { "issuer", "year" }, json.RootElement.GetProperty("facets").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [TestMethod]
    public void AnUnknownFacetIsABadInputError()
    {
        var run = CliRunner.Policykb("search", "碳", "--facets", "issuer,colour", "--index", _index);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Err, "policykb search: --facets: “colour”不是分面名称");
    }

    [TestMethod]
    public void AnUnreadableDateIsABadInputError()
    {
        var run = CliRunner.Policykb("search", "碳", "--from", "2023-13-45", "--index", _index);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Err, "--from");
    }

    [TestMethod]
    public void AQuerySyntaxErrorIsAWarningNotACrash()
    {
        var run = CliRunner.Policykb("search", "\"碳达峰 AND (", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        Assert.IsNotEmpty(json.RootElement.GetProperty("warnings").EnumerateArray().ToList());
    }

    [TestMethod]
    public void CheckReportsACleanIndex()
    {
        var run = CliRunner.Policykb("check", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
    }

    [TestMethod]
    public void CheckPrintsItsCountsAsText()
    {
        var run = CliRunner.Policykb("check", "--index", _index);
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
        StringAssert.Matches(run.Out, new System.Text.RegularExpressions.Regex(@"文档\s+\d+"));
        StringAssert.Matches(run.Out, new System.Text.RegularExpressions.Regex(@"段\s+\d+"));
        StringAssert.Contains(run.Out, "无问题");
        Assert.IsFalse(run.Out.Contains("System.", StringComparison.Ordinal), run.Out);
    }

    [TestMethod]
    public void CheckFieldsReportsFieldSharesAndWarningsPerSiteAsJson()
    {
        var run = CliRunner.Policykb("check", "--fields", "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
        using var report = JsonDocument.Parse(run.Out);
        var sites = report.RootElement.GetProperty("sites").EnumerateArray().ToList();
        Assert.AreEqual("all", sites[^1].GetProperty("site").GetString());
        Assert.AreEqual(report.RootElement.GetProperty("documents").GetInt32(), sites[^1].GetProperty("documents").GetInt32());
        var mee = sites.Single(s => s.GetProperty("site").GetString() == "mee");
        Assert.IsTrue(mee.GetProperty("warnings").EnumerateArray().Any(w => w.GetProperty("kind").GetString() == "document number: junk trimmed"), run.Out);
    }

    [TestMethod]
    public void CheckFieldsPrintsOneColumnASiteAsText()
    {
        var run = CliRunner.Policykb("check", "--fields", "--index", _index);
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
        StringAssert.Matches(run.Out, new System.Text.RegularExpressions.Regex(@"issuers\s+\d+ %"));
        StringAssert.Contains(run.Out, "document number: junk trimmed");
    }

    [TestMethod]
    public void ImportOfOnlyBadFilesExitsWithTwoAndNamesEachFile()
    {
        var dir = CliRunner.TempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "empty.html"), []);
        File.WriteAllBytes(Path.Combine(dir, "binary.html"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());
        var run = CliRunner.Policykb("import", dir, "--index", Path.Combine(dir, "index"));
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Out, "empty.html");
        StringAssert.Contains(run.Out, "binary.html");
    }

    [TestMethod]
    public void ImportOfAMissingPathIsABadInputError()
    {
        var run = CliRunner.Policykb("import", "/no/such/folder", "--index", Path.Combine(CliRunner.TempDirectory(), "index"));
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Err, "no such file or folder");
    }

    [TestMethod]
    public void BriefOfAMonthIsWrittenAsMarkdownWithItsTableOfContents()
    {
        var output = Path.Combine(CliRunner.TempDirectory(), "brief.md");
        var run = CliRunner.Policykb("brief", "--from", "2023-10", "--to", "2023-10", "--number", "24", "--date", "2023-10-31",
            "--format", "md", "--out", output, "--index", _index);
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
        var text = File.ReadAllText(output);
        StringAssert.Contains(text, "目录");
        StringAssert.Contains(text, "一、政策速递");
        StringAssert.Contains(text, "(总 24 期)");
        StringAssert.Contains(text, "2023 年 10 月 31 日");
    }

    [TestMethod]
    [DataRow("2023-10", "--date")]
    [DataRow("pdf", "--format")]
    public void BriefWithAnUnreadableValueIsABadInputError(string value, string option)
    {
        string[] args = option == "--date"
            ? ["brief", "碳", "--date", value, "--format", "md", "--out", "x.md", "--index", _index]
            : ["brief", "碳", "--format", value, "--out", "x.md", "--index", _index];
        var run = CliRunner.Policykb(args);
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, option);
    }

    private static int Total(string query)
    {
        var run = CliRunner.Policykb("search", query, "--index", _index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
