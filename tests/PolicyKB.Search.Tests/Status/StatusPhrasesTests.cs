using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

/// <summary>data/status-rules.json: the one place the status phrases live, refused when an entry no longer says what its examples say.</summary>
[TestClass]
public sealed class StatusPhrasesTests
{
    private static string DataFile => File.ReadAllText(TestData.Folder.Path(StatusPhrases.DefaultFile));

    [TestMethod]
    public void TheDataFileLoadsWithEveryPhraseTheRulesRead()
    {
        var (phrases, error) = StatusPhrases.Parse(DataFile);
        Assert.IsNull(error, error);
        foreach (var name in StatusPhrases.Required.Keys) Assert.IsNotNull(phrases![name], name);
        Assert.IsTrue(TestData.Search.StatusPhrases["repeal"].IsMatch("《X》同时废止"));
    }

    [TestMethod]
    public void AnEntryThatNoLongerMatchesItsExampleIsRefusedByName()
    {
        var broken = DataFile.Replace("(同时|予以|一并|即行|起)?废止(?!或)|不再执行|停止执行", "停止执行", StringComparison.Ordinal);
        var (phrases, error) = StatusPhrases.Parse(broken, "test");
        Assert.IsNull(phrases);
        StringAssert.Contains(error, "patterns 'repeal': does not match its example");
    }

    [TestMethod]
    public void AMissingPhraseOrAMissingGroupIsRefused()
    {
        var (_, missing) = StatusPhrases.Parse("""{ "patterns": [ { "name": "repeal", "pattern": "废止", "examples": ["同时废止"] } ] }""", "test");
        StringAssert.Contains(missing, "patterns 'revise': missing");
        var (_, group) = StatusPhrases.Parse(DataFile.Replace("(?<n>", "(?<count>", StringComparison.Ordinal), "test");
        StringAssert.Contains(group, "patterns 'validYears': needs the group (?<n>…)");
    }

    [TestMethod]
    public void NotJsonIsAClearError()
    {
        var (phrases, error) = StatusPhrases.Parse("{ not json", "test");
        Assert.IsNull(phrases);
        StringAssert.StartsWith(error, "test: not a valid status rules file");
    }
}
