namespace PolicyKB.Import.Tests.Importing;

/// <summary>A walk over a user's folder always ends, stays inside it and takes each file once.</summary>
[TestClass]
public sealed class FolderWalkTests
{
    private string _root = "";

    [TestInitialize]
    public void MakeTree()
    {
        _root = Directory.CreateTempSubdirectory("policykb-walk-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "pages", "a"));
        File.WriteAllText(Path.Combine(_root, "pages", "one.html"), "<html></html>");
        File.WriteAllText(Path.Combine(_root, "pages", "a", "two.html"), "<html></html>");
        File.WriteAllText(Path.Combine(_root, "secret.html"), "<html>outside</html>");
    }

    [TestCleanup]
    public void Remove() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void ASymlinkToTheParentFolderIsWalkedOnceAndTheImportEnds()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "pages", "a", "loop"), Path.Combine(_root, "pages"));
        var walk = FolderWalk.Files([Path.Combine(_root, "pages")], _ => true, 1000);
        CollectionAssert.AreEquivalent(new[] { "one.html", "two.html" }, walk.Files.Select(Path.GetFileName).ToArray(), "each page once");
    }

    [TestMethod]
    public void LinksThatLeadOutsideTheNamedFolderAreNotFollowed()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "pages", "up"), _root);
        File.CreateSymbolicLink(Path.Combine(_root, "pages", "memo.html"), Path.Combine(_root, "secret.html"));
        var walk = FolderWalk.Files([Path.Combine(_root, "pages")], _ => true, 1000);
        Assert.IsFalse(walk.Files.Any(f => f.Contains("secret") || f.EndsWith("memo.html", StringComparison.Ordinal)), string.Join(", ", walk.Files));
        Assert.HasCount(2, walk.LeftOutside, "and the user is told");
    }

    [TestMethod]
    public void AWalkStopsAtItsCapAndSaysSo()
    {
        var walk = FolderWalk.Files([_root], _ => true, 2);
        Assert.HasCount(2, walk.Files);
        Assert.AreEqual(2, walk.CappedAt);
    }

    [TestMethod]
    public void TheImporterReportsTheCapAndImportsEachPageOfALoopingFolderOnce()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "pages", "a", "loop"), Path.Combine(_root, "pages"));
        var sink = new MemorySink();
        var report = new DocumentImporter(sink, TestData.Parser, options: new ImportOptions { MaxFiles = 1 }).ImportPaths([Path.Combine(_root, "pages")]);
        Assert.AreEqual(1, report.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), string.Join("\n", report.Files));
        Assert.IsTrue(report.Files.Any(f => f.Status == ImportStatus.Failed && f.Error!.Contains("more than 1 files")), string.Join("\n", report.Files.Select(f => f.Error)));
    }
}
