namespace PolicyKB.Briefs.Tests.History;

[TestClass]
public sealed class BriefHistoryTests
{
    private string _dir = "";

    [TestInitialize]
    public void Create() => _dir = Directory.CreateTempSubdirectory("policykb-history-").FullName;

    [TestCleanup]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private static Brief Brief(int number, params string[] ids) => new()
    {
        Name = "测试简报",
        Number = number,
        IssueOfYear = number,
        Date = new DateOnly(2023, 10, 31),
        Sections = [new BriefSection
        {
            Heading = "一、测试",
            Items = ids.Select((id, i) => new BriefItem { Id = id, Ordinal = i + 1, Title = id, Source = new BriefSource([], null, null, null) }).ToList(),
        }],
    };

    [TestMethod]
    public void An_issued_brief_is_saved_with_its_number_date_and_items()
    {
        var history = new BriefHistory(_dir);
        Assert.IsTrue(history.Issue(Brief(24, "x1", "x2")).Success);

        var saved = history.All().Single();
        Assert.AreEqual(24, saved.Number);
        Assert.AreEqual(new DateOnly(2023, 10, 31), saved.Date);
        CollectionAssert.AreEqual(new[] { "x1", "x2" }, saved.ItemIds.ToList());
        Assert.IsTrue(File.Exists(Path.Combine(_dir, "briefs", "brief-0024.json")));
    }

    [TestMethod]
    public void Issuing_a_number_twice_is_refused_and_keeps_the_first()
    {
        var history = new BriefHistory(_dir);
        history.Issue(Brief(3, "x1"));

        var again = history.Issue(Brief(3, "y1"));

        Assert.IsFalse(again.Success);
        StringAssert.Contains(again.Error, "already issued");
        CollectionAssert.AreEqual(new[] { "x1" }, history.All().Single().ItemIds.ToList());
    }

    [TestMethod]
    public void Used_documents_name_the_first_issue_that_carried_them()
    {
        var history = new BriefHistory(_dir);
        history.Issue(Brief(2, "x1", "x2"));
        history.Issue(Brief(1, "x2"));

        var used = history.UsedDocuments();
        Assert.AreEqual(2, used["x1"]);
        Assert.AreEqual(1, used["x2"]);
    }

    [TestMethod]
    public void A_damaged_history_file_is_reported_and_the_others_still_read()
    {
        var history = new BriefHistory(_dir);
        history.Issue(Brief(1, "x1"));
        File.WriteAllText(Path.Combine(_dir, "briefs", "brief-0002.json"), "{ broken");

        Assert.AreEqual(1, history.All().Count);
        StringAssert.Contains(history.Problems().Single(), "brief-0002.json");
    }

    [TestMethod]
    public void A_brief_without_a_number_cannot_be_issued()
        => Assert.IsFalse(new BriefHistory(_dir).Issue(Brief(0, "x1")).Success);
}
