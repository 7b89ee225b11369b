using Lucene.Net.Util;
using PolicyKB.Search.Highlighting;

namespace PolicyKB.Search.Tests.Highlighting;

[TestClass]
public sealed class SnippetTextTests
{
    private const string Title = "关于开展碳达峰试点工作的通知";
    private const string Body = "生态环境部文件\n环办气候函〔2026〕1号\n关于开展碳达峰试点工作的通知\n各省、自治区、直辖市生态环境厅（局）：\n"
        + "为推进ＣＣＥＲ和碳达峰工作，现将有关事项通知如下！一、试点城市应当编制碳达峰方案；二、试点园区应当开展排放核算?\n"
        + "附件：碳达峰试点名单";

    [TestMethod]
    [DataRow("碳达峰")]
    [DataRow("ccer")]
    [DataRow("试点")]
    [DataRow("不在文中")]
    public void StoredSnippetTextGivesTheSnippetsOfTheText(string mark)
    {
        var stored = SnippetText.Source(new BytesRef(SnippetText.Encode(Body, Title)));
        CollectionAssert.AreEqual(SnippetHighlighter.Snippets(Body, [mark], title: Title).ToList(),
            SnippetHighlighter.Snippets(stored, [mark], title: Title).ToList());
    }

    [TestMethod]
    public void AnEmptyTextIsStoredAndHasNoSnippets()
    {
        Assert.AreEqual(0, SnippetHighlighter.Snippets(SnippetText.Source(new BytesRef(SnippetText.Encode("", Title))), ["碳"], title: Title).Count);
    }

    [TestMethod]
    public void AValueOfAnotherLayoutIsAnIndexErrorNotACrash()
    {
        var bytes = SnippetText.Encode(Body, Title);
        Assert.ThrowsExactly<PolicyIndexException>(() => { _ = SnippetText.Source(new BytesRef(bytes, 0, bytes.Length - 2)); });
        Assert.ThrowsExactly<PolicyIndexException>(() => { _ = SnippetText.Source(new BytesRef(System.Text.Encoding.Unicode.GetBytes(Body))); });
    }

    [TestMethod]
    public void TheStoredFoldIsTheTextsFoldKeptAsItsDifferences()
    {
        var bytes = SnippetText.Encode(Body, Title);
        Assert.AreEqual(PolicyKB.Search.Analysis.TextFold.Fold(Body), SnippetText.Source(new BytesRef(bytes)).Folded.ToString());
        // Four folded characters (ＣＣＥＲ), not a second copy of the text.
        Assert.IsTrue(bytes.Length < 3 * Body.Length, $"{bytes.Length} bytes for {Body.Length} characters");

        // A place of a folded character beyond the text is a damaged value.
        var places = 5 + SnippetText.Source(new BytesRef(bytes)).SentenceEnds.Length;
        BitConverter.TryWriteBytes(bytes.AsSpan(places * sizeof(int)), Body.Length + 7);
        Assert.ThrowsExactly<PolicyIndexException>(() => { _ = SnippetText.Source(new BytesRef(bytes)); });
    }
}
