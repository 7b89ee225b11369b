using PolicyKB.Corpus;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class MatchingSemanticsTests
{
    private static TestIndex? _mee;
    private static IReadOnlyList<PolicyDocument> _meeDocs = [];

    [ClassInitialize]
    public static void OpenMeeIndex(TestContext _)
    {
        if (MeeIndex.Get() is not { } shared) return;
        (_mee, _meeDocs) = shared;
    }

    private static readonly PolicyDocument[] Small =
    [
        Docs.Make("a", "关于推进碳达峰工作的通知", "各地要加快碳达峰行动。全国碳排放权交易市场运行平稳。"),
        Docs.Make("b", "碳市场建设方案", "建设全国碳市场，完善配额分配。"),
        Docs.Make("c", "关于印发《温室气体自愿减排交易管理办法》的通知", "CCER-14-001-V01 方法学自2023年起施行，见发改能源〔2023〕15号文。"),
    ];

    [TestMethod]
    public void HanRunMatchesAsContiguousSubstring()
    {
        using var t = new TestIndex(documents: Small);
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "达峰"));
        CollectionAssert.AreEquivalent(new[] { "b" }, Ids(t.Index, "碳市场"), "碳市场 must not find 碳排放权交易市场");
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "碳排放权交易市场"));
        CollectionAssert.AreEquivalent(new[] { "a", "b", "c" }, Ids(t.Index, "的 OR 碳"), "one-character queries find the character anywhere in a run");
    }

    [TestMethod]
    public void SingleCharactersAndEdgesOfMixedPiecesMatchInsideLongerRuns()
    {
        using var t = new TestIndex(documents: [Docs.Make("r", "实施细则", "依照本办法第3条规定执行。"), Docs.Make("s", "通知", "见第四条款。"), Docs.Make("u", "简讯", "推进碳达。峰会召开。")]);
        Assert.AreEqual(0, Ids(t.Index, "碳达峰会").Count, "碳达 and 峰会 in two runs are not the substring 碳达峰会");
        CollectionAssert.AreEquivalent(new[] { "u" }, Ids(t.Index, "\"碳达。峰会\""));
        foreach (var q in new[] { "第3条", "法第3", "3条规", "第3", "3条", "办", "定", "依", "条规定执行" })
            CollectionAssert.AreEquivalent(new[] { "r" }, Ids(t.Index, q), q);
        CollectionAssert.AreEquivalent(new[] { "s" }, Ids(t.Index, "条款"));
        CollectionAssert.AreEquivalent(new[] { "r" }, Ids(t.Index, "\"规定执行。\""), "a phrase ending in punctuation");
        CollectionAssert.AreEquivalent(new[] { "s" }, Ids(t.Index, "见第四条款"), "five characters: every other bigram and the last");
        CollectionAssert.AreEquivalent(new[] { "r", "s" }, Ids(t.Index, "第"), "a run's last character and a bigram's first");
        CollectionAssert.AreEquivalent(new[] { "r", "s" }, Ids(t.Index, "条"), "a run's first character and a bigram's second");
        foreach (var absent in new[] { "3条款", "第3条款", "办第", "\"规定。见第\"" })
        {
            var r = t.Index.Search(new SearchRequest { Query = absent });
            Assert.IsTrue(r.Total == 0 || r.Warnings.Any(w => w.StartsWith("没有完全匹配", StringComparison.Ordinal)), $"{absent} matched as a substring");
        }
    }

    [TestMethod]
    public void LatinCodesNumbersAndSerialsAreFindable()
    {
        using var t = new TestIndex(documents: Small);
        CollectionAssert.AreEquivalent(new[] { "c" }, Ids(t.Index, "CCER-14-001-V01"));
        CollectionAssert.AreEquivalent(new[] { "c" }, Ids(t.Index, "ccer-14-001-v01"));
        CollectionAssert.AreEquivalent(new[] { "c" }, Ids(t.Index, "2023"));
        CollectionAssert.AreEquivalent(new[] { "c" }, Ids(t.Index, "15号"));
        CollectionAssert.AreEquivalent(new[] { "c" }, Ids(t.Index, "ＣＣＥＲ"), "full-width letters fold");
        Assert.AreEqual(0, Ids(t.Index, "16号").Count);
    }

    [TestMethod]
    public void OperatorsPhrasesAndFieldPrefixes()
    {
        using var t = new TestIndex(documents: Small);
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "碳达峰 交易市场"), "words AND");
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, Ids(t.Index, "碳达峰 OR 配额"));
        CollectionAssert.AreEquivalent(new[] { "b", "c" }, Ids(t.Index, "-碳达峰"));
        CollectionAssert.AreEquivalent(new[] { "b", "c" }, Ids(t.Index, "\u2212碳达峰"), "Unicode minus");
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "\"碳达峰工作\""));
        CollectionAssert.AreEquivalent(new[] { "b" }, Ids(t.Index, "title:碳市场"));
        CollectionAssert.AreEquivalent(new[] { "a" }, Ids(t.Index, "title:碳达峰"));
        Assert.AreEqual(0, Ids(t.Index, "title:全国碳").Count, "title: looks at the title only");
    }

    [TestMethod]
    public void RandomSubstringsOfRealTextsMatchExactlyTheBruteForceScan()
    {
        if (_mee is null) Assert.Inconclusive("../shared/reference/corpus is not present");
        var rng = new Random(20231106);
        var folded = _meeDocs.Select(d => (d.Id, Text: TextFold.Fold(d.Title) + "\u0001" + TextFold.Fold(d.BodyText))).ToList();
        var checkedStrings = 0;
        while (checkedStrings < 300)
        {
            var source = folded[rng.Next(folded.Count)].Text;
            if (source.Length < 10) continue;
            var length = rng.Next(1, 7);
            var start = rng.Next(source.Length - length);
            var q = source.Substring(start, length);
            // A thesaurus term (环评, 两高 …) finds what it stands for too, which a substring scan does not.
            if (!q.All(c => c is >= '\u4E00' and <= '\u9FFF') || MeeIndex.Thesaurus.Lookup(q) is not null) continue;
            AssertSameAsScan(_mee!.Index, q, folded);
            checkedStrings++;
        }
    }

    [TestMethod]
    public void RandomSubstringsOfAGeneratedCorpusMatchExactlyTheBruteForceScan()
    {
        // Template text makes some bigrams very frequent and others rare: the substring query picks its checked
        // bigrams by frequency, so every choice it makes is exercised against the scan, up to eight characters.
        var docs = new CorpusGenerator(seed: 11).Generate(400).Select(p => p.ToDocument()).ToList();
        using var t = new TestIndex(documents: docs);
        var folded = docs.Select(d => (d.Id, Text: string.Join('\u0001', TextFold.Fold(d.Title), TextFold.Fold(PolicyKB.Search.Indexing.DocumentMapper.SearchableText(d)), TextFold.Fold(d.DocumentNumber?.Normalized ?? "")))).ToList();
        var rng = new Random(20261124);
        var present = 0;
        while (present < 300)
        {
            var source = folded[rng.Next(folded.Count)].Text;
            var length = rng.Next(1, 9);
            if (source.Length <= length) continue;
            var q = source.Substring(rng.Next(source.Length - length), length);
            if (!q.All(TextFold.IsHan)) continue;
            AssertSameAsScan(t.Index, q, folded);
            present++;
        }
        var alphabet = folded.SelectMany(f => f.Text).Where(TextFold.IsHan).Distinct().ToArray();
        var absent = 0;
        for (var i = 0; i < 2000 && absent < 100; i++)
        {
            var q = new string(Enumerable.Range(0, rng.Next(2, 6)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            if (!folded.Any(f => f.Text.Contains(q, StringComparison.Ordinal))) absent++;
            AssertSameAsScan(t.Index, q, folded);
        }
        Assert.IsTrue(absent >= 100, $"only {absent} absent strings were tried");
    }

    [TestMethod]
    public void AbsentStringsMatchNothing()
    {
        if (_mee is null) Assert.Inconclusive("../shared/reference/corpus is not present");
        var folded = _meeDocs.Select(d => (d.Id, Text: TextFold.Fold(d.Title) + "\u0001" + TextFold.Fold(d.BodyText))).ToList();
        var alphabet = folded.SelectMany(f => f.Text).Where(c => c is >= '\u4E00' and <= '\u9FFF').Distinct().Take(400).ToArray();
        var rng = new Random(7);
        var absent = 0;
        for (var i = 0; i < 2000 && absent < 150; i++)
        {
            var q = new string(Enumerable.Range(0, rng.Next(2, 5)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            if (MeeIndex.Thesaurus.Lookup(q) is not null) continue;
            var count = folded.Count(f => f.Text.Contains(q, StringComparison.Ordinal));
            if (count == 0) absent++;
            AssertSameAsScan(_mee!.Index, q, folded);
        }
        Assert.IsTrue(absent >= 100, $"only {absent} absent strings were tried");
    }

    private static void AssertSameAsScan(PolicyIndex index, string q, List<(string Id, string Text)> folded)
    {
        var expected = folded.Where(f => f.Text.Contains(q, StringComparison.Ordinal)).Select(f => f.Id).ToHashSet();
        var result = index.Search(new SearchRequest { Query = q, Size = 100, WithFacets = false, WithSnippets = false });
        Assert.AreEqual(expected.Count, result.Total, $"total for “{q}”");
        foreach (var hit in result.Hits) Assert.IsTrue(expected.Contains(hit.Id), $"“{q}” found {hit.Id}, which does not contain it");
        Assert.AreEqual(0, result.Warnings.Count, $"“{q}”: {string.Join(";", result.Warnings)}");
    }

    internal static List<string> Ids(PolicyIndex index, string query) =>
        index.Search(new SearchRequest { Query = query, Size = 100 }).Hits.Select(h => h.Id).ToList();
}
