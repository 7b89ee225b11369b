namespace PolicyKB.Cli.Tests.Commands;

[TestClass]
public sealed class CrawlCommandTests
{
    [TestMethod]
    [DataRow("-1")]
    [DataRow("NaN")]
    [DataRow("40000")]
    public void ARecheckPeriodOutOfRangeIsABadInputError(string days)
    {
        var run = CliRunner.Policykb("crawl", "--site", "ndrc", "--recheck-after", days, "--index", Path.Combine(CliRunner.TempDirectory(), "index"));
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "--recheck-after must be a number of days from 0 to 36500");
    }

    [TestMethod]
    public void AnUnknownSiteIsABadInputErrorNamingTheSitesOfTheDataFolder()
    {
        var run = CliRunner.Policykb("crawl", "--site", "nowhere", "--index", Path.Combine(CliRunner.TempDirectory(), "index"));
        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "policykb crawl: unknown site 'nowhere' (known: ccer, govcn, mee, ndrc)");
    }
}
