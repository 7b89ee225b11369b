namespace PolicyKB.Reliability.Tests.Infrastructure;

[TestClass]
public sealed class LoadDurationTests
{
    [TestMethod]
    public void TheVariableSetsTheDurationAndItsAbsenceKeepsTheTestsOwn()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(7.5), LoadDuration.From("7.5", TimeSpan.FromSeconds(30)));
        Assert.AreEqual(TimeSpan.FromSeconds(30), LoadDuration.From(null, TimeSpan.FromSeconds(30)));
        Assert.AreEqual(TimeSpan.FromSeconds(30), LoadDuration.From(" ", TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    [DataRow("ten")]
    [DataRow("0")]
    [DataRow("-5")]
    [DataRow("600")]
    public void ABadValueStopsWithAMessageNamingTheVariable(string value)
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => LoadDuration.From(value, TimeSpan.FromSeconds(30)));
        StringAssert.Contains(e.Message, "POLICYKB_RELIABILITY_SECONDS");
        StringAssert.Contains(e.Message, $"'{value}'");
    }
}
