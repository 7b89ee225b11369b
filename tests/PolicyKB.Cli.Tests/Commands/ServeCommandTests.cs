namespace PolicyKB.Cli.Tests.Commands;

[TestClass]
public sealed class ServeCommandTests
{
    /// <summary>A bad configuration value stops serve before it listens: a message naming the key, exit code 2, no stack trace.</summary>
    [TestMethod]
    public void ABadConfigurationValueStopsServeWithAMessageNamingTheKey()
    {
        var run = CliRunner.Policykb("serve", "--urls", "http://127.0.0.1:0", "--index", Path.Combine(CliRunner.TempDirectory(), "index"),
            "--PolicyKB:RateLimits:SearchConcurrencyPerClient=0");

        Assert.AreEqual(2, run.ExitCode, run.Out + run.Err);
        StringAssert.Contains(run.Err, "policykb serve: PolicyKB:RateLimits:SearchConcurrencyPerClient must be a whole number from 1 to 10000, not '0'.");
        Assert.DoesNotContain("   at ", run.Err);
    }
}
