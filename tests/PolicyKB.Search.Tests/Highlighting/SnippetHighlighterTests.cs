using System.Net;
using System.Text.RegularExpressions;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Highlighting;

namespace PolicyKB.Search.Tests.Highlighting;

[TestClass]
public sealed partial class SnippetHighlighterTests
{
    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marked();

    [TestMethod]
    public void OverlappingBigramMatchesMergeIntoOneRun()
    {
        var marked = SnippetHighlighter.Mark("推进碳达峰行动", ["碳达", "达峰"]);
        Assert.AreEqual("推进<mark>碳达峰</mark>行动", marked);
    }

    [TestMethod]
    public void TextIsEscapedBeforeMarking()
    {
        var marked = SnippetHighlighter.Mark("<b>碳市场</b> & \"配额\"", ["碳市场"]);
        Assert.AreEqual("&lt;b&gt;<mark>碳市场</mark>&lt;/b&gt; &amp; &quot;配额&quot;", marked);
    }

    [TestMethod]
    public void MarksFoldWidthAndCaseLikeTheIndex()
    {
        Assert.AreEqual("项目<mark>ＣＣＥＲ</mark>减排", SnippetHighlighter.Mark("项目ＣＣＥＲ减排", [TextFold.Fold("ccer")]));
    }

    [TestMethod]
    public void SnippetsAreAtMostThreeSentenceBoundedPassagesWithTheMatches()
    {
        var sentences = Enumerable.Range(1, 30).Select(i => i % 7 == 0 ? $"第{i}条要求推进碳达峰工作。" : $"第{i}条规定其他事项和一般要求。");
        var body = string.Join("", sentences);
        var snippets = SnippetHighlighter.Snippets(body, ["碳达峰"]);
        Assert.AreEqual(3, snippets.Count);
        foreach (var s in snippets)
        {
            StringAssert.Contains(s, "<mark>碳达峰</mark>");
            Assert.IsTrue(WebUtility.HtmlDecode(s.Replace("<mark>", "").Replace("</mark>", "")).Length <= SnippetHighlighter.PassageLength + 2);
        }
    }

    [TestMethod]
    public void ALineThatOnlyRepeatsTheTitleIsNoSnippet()
    {
        const string title = "国家碳达峰试点建设方案";
        var body = "国家碳达峰试点建设方案\n为贯彻落实党中央、国务院决策部署，选择100个城市和园区开展碳达峰试点建设。\n到2025年，试点城市和园区碳达峰碳中和工作取得积极进展。";
        var snippets = SnippetHighlighter.Snippets(body, ["碳达峰"], title: title);
        CollectionAssert.AreEqual(new[]
        {
            "为贯彻落实党中央、国务院决策部署，选择100个城市和园区开展<mark>碳达峰</mark>试点建设。",
            "到2025年，试点城市和园区<mark>碳达峰</mark>碳中和工作取得积极进展。",
        }, snippets.ToList());
        Assert.AreEqual(3, SnippetHighlighter.Snippets(body, ["碳达峰"]).Count, "without the title every matching line counts");
    }

    [TestMethod]
    public void WhenOnlyTheTitleLineMatchesTheSnippetIsTheLead()
    {
        var body = "关于开展试点工作的通知\n各省、自治区、直辖市人民政府：现就有关事项通知如下。\n一、总体要求。";
        var snippets = SnippetHighlighter.Snippets(body, ["试点"], title: "关于开展试点工作的通知");
        CollectionAssert.AreEqual(new[] { "现就有关事项通知如下。" }, snippets.ToList());
    }

    /// <summary>The cases of Fixtures/openings.txt: name, title, body (\n for a line break), the lead an empty query shows.</summary>
    private static IEnumerable<object[]> Openings() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Highlighting", "Fixtures", "openings.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | "))
            .Select(f => new object[] { f[0], f[1], f[2].Replace("\\n", "\n", StringComparison.Ordinal), f[3] });

    [TestMethod]
    [DynamicData(nameof(Openings))]
    public void WithoutAQueryTheSnippetIsTheLeadNotTheAddresseesNorTheTitle(string name, string title, string body, string lead)
    {
        var snippets = SnippetHighlighter.Snippets(body, [], title: title);
        Assert.AreEqual(1, snippets.Count, name);
        Assert.IsTrue(snippets[0].StartsWith(System.Net.WebUtility.HtmlEncode(lead), StringComparison.Ordinal), $"{name}: {snippets[0]}");
    }

    [TestMethod]
    [DynamicData(nameof(Openings))]
    public void ASnippetNeverRepeatsTheTitleRunIntoTheText(string name, string title, string body, string lead)
    {
        _ = lead;
        // A word of the title that the text uses again: the passages holding it are the text's, never the title's.
        var word = title.Contains("排污许可", StringComparison.Ordinal) ? "排污许可" : title.Contains("清洁生产", StringComparison.Ordinal) ? "清洁生产" : "2026";
        foreach (var s in SnippetHighlighter.Snippets(body, [word], title: title))
            Assert.IsFalse(Marked().Replace(s, "$1").Contains(title, StringComparison.Ordinal), $"{name}: {s}");
    }

    [TestMethod]
    public void IndexedSearchMarksExactlyTheMatchedText()
    {
        if (MeeIndex.Get() is not { } shared) { Assert.Inconclusive("../shared/reference/corpus is not present"); return; }
        var (t, docs) = shared;
        var rng = new Random(11);
        for (var n = 0; n < 40;)
        {
            var d = docs[rng.Next(docs.Count)];
            var body = d.BodyText;
            if (body.Length < 20) continue;
            var len = rng.Next(2, 5);
            var q = body.Substring(rng.Next(body.Length - len), len);
            if (!q.All(TextFold.IsHan)) continue;
            n++;
            var result = t.Index.Search(new SearchRequest { Query = q, Size = 5, WithFacets = false });
            foreach (var hit in result.Hits)
            {
                var stored = t.Index.Get(hit.Id)!;
                AssertMarkedExactly(hit.TitleHighlighted!, q);
                // Lines that only repeat the title (shown marked above the snippets) are not snippets.
                var title = TextFold.Fold(stored.Title);
                if (TextFold.Fold(stored.BodyText).Split('\n').Any(line => line.Contains(q) && !title.Contains(line.Trim())))
                    Assert.IsTrue(hit.Snippets.Count > 0 && hit.Snippets.Any(s => s.Contains("<mark>")), $"“{q}” in {hit.Id}");
                foreach (var s in hit.Snippets) AssertMarkedExactly(s, q);
            }
        }
    }

    /// <summary>Every marked run consists of occurrences of q, and no occurrence of q is left unmarked.</summary>
    private static void AssertMarkedExactly(string html, string q)
    {
        foreach (Match m in Marked().Matches(html))
        {
            var run = TextFold.Fold(WebUtility.HtmlDecode(m.Groups[1].Value));
            var covered = new bool[run.Length];
            for (var i = run.IndexOf(q, StringComparison.Ordinal); i >= 0; i = run.IndexOf(q, i + 1, StringComparison.Ordinal))
                for (var k = i; k < i + q.Length; k++) covered[k] = true;
            Assert.IsTrue(covered.All(c => c), $"marked “{run}” is not made of “{q}”");
        }
        var unmarked = Marked().Replace(html, "\u0001");
        Assert.IsFalse(TextFold.Fold(WebUtility.HtmlDecode(unmarked)).Contains(q, StringComparison.Ordinal), $"unmarked “{q}” in {html}");
    }
}
