namespace PolicyKB.Briefs.Tests.Summaries;

[TestClass]
public sealed class BriefEditsTests
{
    [TestMethod]
    public void An_edits_file_maps_ids_to_text()
    {
        var result = BriefEdits.Parse("""{ "a001": "第一段。\n\n第二段。" }""");
        Assert.IsTrue(result.Success, result.Error);
        CollectionAssert.AreEqual(new[] { "第一段。", "第二段。" }, BriefEdits.Paragraphs(result.Value["a001"]).ToList());
    }

    [TestMethod]
    public void Bad_edits_give_an_error_not_an_exception()
    {
        Assert.IsFalse(BriefEdits.Parse("[1,2]").Success);
        Assert.IsFalse(BriefEdits.Parse("""{ "a001": " " }""").Success);
        StringAssert.Contains(BriefEdits.Load("/nonexistent/edits.json").Error, "does not exist");
    }
}
