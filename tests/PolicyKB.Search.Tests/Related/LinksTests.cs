using PolicyKB.Model;

namespace PolicyKB.Search.Tests.Related;

[TestClass]
public sealed class LinksTests
{
    [TestMethod]
    public void TitlesAndNumbersOfIndexedDocumentsInTheBodyBecomeLinks()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("plan", "2030年前碳达峰行动方案", "到2030年实现碳达峰。") with { DocumentNumber = DocumentNumber.Parse("国发〔2021〕23号") },
            Docs.Make("rules", "碳排放权交易管理办法（试行）", "为规范碳排放权交易，制定本办法。"),
            Docs.Make("notice", "关于开展碳达峰试点的通知", string.Join('\n',
                "根据《2030年前碳达峰行动方案》（国发[2021]23号）和《碳排放权交易管理办法（试行）》，现就试点通知如下。",
                "按照国发〔2021〕23号文件要求，参照《不在库中的办法》，执行本通知（环办〔2024〕9号）。")) with
            {
                DocumentNumber = DocumentNumber.Parse("环办〔2024〕9号"),
            },
        ]);
        var links = t.Index.Links("notice");
        var body = t.Index.Get("notice")!.Body;
        foreach (var l in links) Assert.AreEqual(l.Text, body[l.Block].Text.Substring(l.Start, l.Length), "offsets point at the linked text");
        CollectionAssert.AreEqual(new[]
        {
            (0, "2030年前碳达峰行动方案", "plan"),
            (0, "国发[2021]23号", "plan"),
            (0, "碳排放权交易管理办法（试行）", "rules"),
            (1, "国发〔2021〕23号", "plan"),
        }, links.Select(l => (l.Block, l.Text, l.Id)).ToList(), "a title or number not in the index, and the document's own number, are not links");
        Assert.AreEqual("2030年前碳达峰行动方案", links[0].Title);
        Assert.IsEmpty(t.Index.Links("no-such-id"));
    }
}
