using Lucene.Net.Analysis.TokenAttributes;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Analysis;

[TestClass]
public sealed class RecallTokenizerTests
{
    [TestMethod]
    public void RunsBecomeBigramsWithTheirEdgeCharactersAtCharacterPositions()
    {
        CollectionAssert.AreEqual(new[]
        {
            "碳@0 S", "碳达@0 D", "达峰@1 D", "峰@2 S",
            "15@3 W",
            "号@4 S",
            "ccer@5 W", "14@6 W", "001@7 W", "v01@8 W",
            "配@9 S", "配额@9 D", "额@10 S",
        }, Tokens("碳达峰15号，ＣＣＥＲ-14-001-V01 配额"));
    }

    [TestMethod]
    public void ARunAfterAnotherRunStartsPastAGap()
    {
        CollectionAssert.AreEqual(new[] { "达@0 S", "达峰@0 D", "峰@1 S", "配@3 S", "配额@3 D", "额@4 S", "碳@6 S", "v1@7 W", "号@8 S" },
            Tokens("达峰。配额 碳V1号"));
    }

    [TestMethod]
    public void OffsetsPointIntoTheOriginalText()
    {
        var analyzer = new RecallAnalyzer();
        using var stream = analyzer.GetTokenStream("body", "ＡＢ 达峰");
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var seen = new List<string>();
        while (stream.IncrementToken()) seen.Add($"{term}:{offset.StartOffset}-{offset.EndOffset}");
        stream.End();
        CollectionAssert.AreEqual(new[] { "ab:0-2", "达:3-4", "达峰:3-5", "峰:4-5" }, seen);
    }

    [TestMethod]
    public void OverlongWordsAreCutIntoPieces()
    {
        var tokens = Tokens(new string('a', RecallTokenizer.MaxWordLength + 10));
        CollectionAssert.AreEqual(new[] { new string('a', RecallTokenizer.MaxWordLength) + "@0 W", "aaaaaaaaaa@1 W" }, tokens);
    }

    private static List<string> Tokens(string text)
    {
        var analyzer = new RecallAnalyzer();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add($"{term}@{position} {type.Type[1]}");
        }
        stream.End();
        return tokens;
    }
}
