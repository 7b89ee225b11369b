using System.Text;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests.BadInput;

/// <summary>Whatever a user types, the engine answers (possibly with a warning) and never throws.</summary>
[TestClass]
public sealed class RandomQueryTests
{
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "(", ")", "（", "）", "[", "]", "{", "}", ":", "：", "-", "−", "－", "+", "!", "*", "?", "~", "^", "\\", "/", "&&", "||",
        "AND", "OR", "NOT", "and", "or", "title:", "issuer:", "docno:", "type:", "topic:", "theme:", "标题:", "文号：", "〔", "〕", "号",
        "碳排放权", "风电", "通知", "国家发展改革委", "发改能源〔2026〕884号", "CCER-14-001-V01", "2023", "０１２", "ＡＢＣ",
        " ", "  ", "\t", "\n", "\u3000", "\u200b", "\ufeff", "\0", "\u0001", "😀", "\ud800", "\udc00", "<script>", "&amp;", "%", "'", ";", "..", "*:*",
    ];

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void ThousandRandomQueryStringsNeverThrow()
    {
        using var temp = new TempFolder("random-queries");
        using var index = PolicyIndex.Open(temp.Path, TestData.IndexOptions);
        foreach (var page in SmallCorpus.Pages(30, seed: 5)) index.Upsert(page.ToDocument());
        index.Commit();

        var random = new Random(1000);
        for (var i = 0; i < 1000; i++)
        {
            var query = RandomQuery(random, i);
            try
            {
                var result = index.Search(new SearchRequest { Query = query, WithFacets = i % 4 == 0, WithSnippets = i % 2 == 0, Size = 5 });
                Assert.IsNotNull(result);
                Assert.IsTrue(result.Total >= 0);
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                Assert.Fail($"query #{i} {Escape(query)} threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static string RandomQuery(Random random, int i)
    {
        if (i % 100 == 99) return new string('碳', 1000); // very long
        if (i % 50 == 49) return new string(Enumerable.Range(0, 40).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray()); // any UTF-16 units
        var sb = new StringBuilder();
        for (var n = random.Next(1, 9); n > 0; n--) sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    private static string Escape(string s) => string.Concat(s.Take(80).Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
