using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

/// <summary>The samples written for statuses: a 2020 opinion repealing a 2011 notice, and a draft whose final text is among the samples.</summary>
[TestClass]
public sealed class SampleStatusTests
{
    private static PolicyDocument Sample(string folder, string file) =>
        TestData.Parser.Parse(File.ReadAllBytes(Path.Combine(folder, file)), new PageSource(FilePath: Path.Combine(folder, file))).Document!;

    [TestMethod]
    public void TheSamplesShowARepealedNoticeAndADraftWithItsFinalText()
    {
        var folder = Docs.SamplesFolder();
        if (folder is null) { Assert.Inconclusive("samples folder not found"); return; }
        var old = Sample(folder, "mee-yuanqu-guihua-2011.html");
        var opinion = Sample(folder, "mee-yuanqu-guihua-2020.html");
        var draft = Sample(folder, "mee-zhengqiu-ziyuan-jianpai.html");
        var final = Sample(folder, "mee-zhiyuan-jianpai-banfa.html");
        using var t = new TestIndex(documents: [old, opinion, draft, final]);

        var repealed = t.Index.Status(old.Id)!;
        Assert.AreEqual(StatusStates.Repealed, repealed.State);
        Assert.AreEqual(opinion.Id, repealed.By.Single().Id);
        var drafted = t.Index.Status(draft.Id)!;
        Assert.AreEqual(StatusStates.Draft, drafted.State);
        Assert.AreEqual(final.Id, drafted.By.Single().Id);
        var facet = t.Index.Facets()[FacetNames.Status].ToDictionary(v => v.Value, v => v.Count);
        Assert.AreEqual(1, facet[StatusStates.Repealed]);
        Assert.AreEqual(1, facet[StatusStates.Draft]);
    }
}
