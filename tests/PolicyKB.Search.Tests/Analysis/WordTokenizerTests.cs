using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Analysis;

[TestClass]
public sealed class WordTokenizerTests
{
    [TestMethod]
    public void UserDictionaryMergesIcuSplits()
    {
        var plain = new WordAnalyzer(UserDictionary.Empty);
        var policy = new WordAnalyzer(new UserDictionary(["印发", "配额", "试点", "碳达峰"]));
        const string text = "关于印发配额试点方案，推进碳达峰";
        var icu = plain.Words(text);
        var merged = policy.Words(text);
        foreach (var term in new[] { "印发", "配额", "试点", "碳达峰" })
            CollectionAssert.Contains(merged.ToList(), term, string.Join("|", merged));
        Assert.AreEqual(string.Concat(icu), string.Concat(merged), "merging keeps every character, drops none");
    }

    [TestMethod]
    public void WordsAreFoldedAndPunctuationIsDropped()
    {
        var words = new WordAnalyzer(UserDictionary.Empty).Words("ＣＣＥＲ项目，2023年！");
        CollectionAssert.Contains(words.ToList(), "ccer");
        Assert.IsFalse(words.Any(w => w is "，" or "！"));
    }

    [TestMethod]
    public void ProjectDictionaryFileLoads()
    {
        var dictionary = UserDictionary.Load(PolicyKB.Model.PolicyData.Path("userdict.txt"));
        Assert.IsTrue(dictionary.Contains("碳达峰"));
        Assert.IsFalse(dictionary.Contains("# Policy"));
    }
}
