namespace PolicyKB.Cli.Tests.Commands;

/// <summary>A query past the search core's limits gets the limit's message and exit code 2, never a stack trace.</summary>
[TestClass]
public sealed class QueryLimitCliTests
{
    [TestMethod]
    public void AQueryOfTwoThousandTermsIsBadInputWithTheLimitNamed()
    {
        var index = Path.Combine(CliRunner.TempDirectory(), "index");
        Assert.AreEqual(0, CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", index).ExitCode);
        var query = string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"词{i}"));
        var run = CliRunner.Policykb("search", query, "--index", index);
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "policykb search:");
        Assert.IsFalse(run.Err.Contains("   at ", StringComparison.Ordinal), run.Err);
    }
}
