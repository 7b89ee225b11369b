using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Analysis;

[TestClass]
public sealed class TextFoldTests
{
    [TestMethod]
    public void FastPathsFoldEveryCharacterAsWidthFoldingThenInvariantLowerCase()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var widened = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            var expected = char.ToLowerInvariant(widened);
            if (TextFold.Fold(c) != expected) Assert.Fail($"U+{code:X4} folds to U+{(int)TextFold.Fold(c):X4}, expected U+{(int)expected:X4}");
        }
    }

    [TestMethod]
    public void FoldingKeepsOffsets()
    {
        const string text = "ＣＣＥＲ－14　碳达峰Ａbc";
        Assert.AreEqual(text.Length, TextFold.Fold(text).Length);
        Assert.AreEqual("ccer-14 碳达峰abc", TextFold.Fold(text));
    }
}
