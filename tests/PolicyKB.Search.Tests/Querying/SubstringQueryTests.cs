using static PolicyKB.Search.Tests.Querying.MatchingSemanticsTests;

namespace PolicyKB.Search.Tests.Querying;

/// <summary>
/// The substring query checks a cover of a word's bigrams, chosen by rarity, and stops at the first occurrence:
/// these pin that no choice of cover lets a scattered or partial occurrence through.
/// </summary>
[TestClass]
public sealed class SubstringQueryTests
{
    [TestMethod]
    public void BigramsStandingApartDoNotMakeTheWord()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("whole", "制度", "健全安全管理制度。"),
            Docs.Make("apart", "通知", "安全生产，质量管理。"),
            Docs.Make("middle-elsewhere", "通知", "安全第一。完全管用。管理到位。"),
            Docs.Make("doubled", "通知", "安安全全管管理理"),
            Docs.Make("reversed", "通知", "管理安全"),
        ]);
        // 全管 is the rarest bigram here, so it leads: documents holding it elsewhere must still be checked in place.
        CollectionAssert.AreEquivalent(new[] { "whole" }, Ids(t.Index, "安全管理"));
        CollectionAssert.AreEquivalent(new[] { "whole", "middle-elsewhere", "doubled" }, Ids(t.Index, "全管"));
    }

    [TestMethod]
    public void ALaterOccurrenceIsFoundAfterNearMisses()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("late", "通知", "生态保护，环境保护，生态环境，生态环境监测，最后是生态环境保护。"),
            Docs.Make("never", "通知", "生态保护，环境保护，生态环境，生态环境监测。"),
        ]);
        CollectionAssert.AreEquivalent(new[] { "late" }, Ids(t.Index, "生态环境保护"));
        CollectionAssert.AreEquivalent(new[] { "late" }, Ids(t.Index, "\"是生态环境保护。\""));
    }

    [TestMethod]
    public void WordsWithLatinPartsAndPunctuationKeepEveryPiece()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("code", "方法学", "按CCER-14-001-V01执行，见环办〔2023〕15号。"),
            Docs.Make("other", "方法学", "按CCER-14-002-V01执行，见环办〔2022〕15号。"),
        ]);
        CollectionAssert.AreEquivalent(new[] { "code" }, Ids(t.Index, "\"CCER-14-001\""));
        CollectionAssert.AreEquivalent(new[] { "code" }, Ids(t.Index, "\"〔2023〕15号\""));
        CollectionAssert.AreEquivalent(new[] { "code", "other" }, Ids(t.Index, "\"15号。\""));
    }

    [TestMethod]
    public void MoreOccurrencesRankHigherInFieldsOfOneLength()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("once", "通知", "推进碳达峰工作，做好相关准备，加强组织。"),
            Docs.Make("thrice", "通知", "碳达峰，碳达峰，碳达峰，做好准备和组织。"),
        ]);
        CollectionAssert.AreEqual(new[] { "thrice", "once" }, Ids(t.Index, "碳达峰"));
    }
}
