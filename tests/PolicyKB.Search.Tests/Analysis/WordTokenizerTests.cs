using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Analysis;

[TestClass]
public sealed class WordTokenizerTests
{
    [TestMethod]
    public void SmartCnKeepsPolicyWordsWhole()
    {
        var words = new WordAnalyzer(UserDictionary.Empty).Words("关于印发配额试点方案，做好清缴和并网工作");
        foreach (var term in new[] { "印发", "配额", "试点", "清缴", "并网" })
            CollectionAssert.Contains(words.ToList(), term, string.Join("|", words));
    }

    [TestMethod]
    public void UserDictionaryMergesSegmenterSplits()
    {
        const string text = "推进碳达峰，协同减排";
        var plain = new WordAnalyzer(UserDictionary.Empty).Words(text);
        var merged = new WordAnalyzer(new UserDictionary(["碳达峰", "减排"])).Words(text);
        Assert.IsFalse(plain.Contains("碳达峰"), "SmartCn alone splits 碳达峰: " + string.Join("|", plain));
        foreach (var term in new[] { "碳达峰", "减排" })
            CollectionAssert.Contains(merged.ToList(), term, string.Join("|", merged));
        Assert.AreEqual(string.Concat(plain), string.Concat(merged), "merging keeps every character, drops none");
    }

    [TestMethod]
    public void WordsAreFoldedAndPunctuationIsDropped()
    {
        var words = new WordAnalyzer(UserDictionary.Empty).Words("ＣＣＥＲ项目，2023年！");
        CollectionAssert.Contains(words.ToList(), "ccer");
        Assert.IsFalse(words.Any(w => w.Any(c => !char.IsLetterOrDigit(c))), string.Join("|", words));
    }

    [TestMethod]
    public void OffsetsPointIntoTheOriginalText()
    {
        const string text = "关于印发《ＣＣＥＲ方法学》的通知";
        var analyzer = new WordAnalyzer(UserDictionary.Empty);
        using var stream = analyzer.GetTokenStream("w", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        var seen = 0;
        while (stream.IncrementToken())
        {
            Assert.AreEqual(term.ToString(), TextFold.Fold(text[offset.StartOffset..offset.EndOffset]));
            seen++;
        }
        stream.End();
        Assert.IsTrue(seen >= 4);
    }

    [TestMethod]
    public void OneAnalyzerServesManyTextsInTurn()
    {
        var analyzer = new WordAnalyzer(UserDictionary.Empty);
        for (var i = 0; i < 3; i++)
            CollectionAssert.Contains(analyzer.Words($"第{i}次印发配额").ToList(), "配额");
    }

    [TestMethod]
    public void ProjectDictionaryFileLoads()
    {
        var dictionary = UserDictionary.Load(TestData.Folder.Path("userdict.txt"));
        Assert.IsTrue(dictionary.Contains("碳达峰"));
        Assert.IsFalse(dictionary.Contains("# Policy"));
        // The words SmartCn splits on policy text are in the project's dictionary.
        var words = new WordAnalyzer(dictionary).Words("推进碳达峰，协同减排");
        foreach (var term in new[] { "碳达峰", "减排" }) CollectionAssert.Contains(words.ToList(), term, string.Join("|", words));
    }
}
