using System.Diagnostics;

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

    [TestMethod]
    public void APipeOrAnEmptyFileIsReportedAndNeverOpened()
    {
        var pipe = MakePipe(Path.Combine(_root, "pages", "a", "feed.html"));
        var empty = Path.Combine(_root, "pages", "blank.html");
        File.WriteAllText(empty, "");
        var walk = FolderWalk.Files([Path.Combine(_root, "pages"), empty], _ => true, 1000);
        CollectionAssert.AreEquivalent(new[] { "one.html", "two.html" }, walk.Files.Select(Path.GetFileName).ToArray());
        CollectionAssert.AreEquivalent(new[] { pipe, empty }, walk.NotRead.ToArray(), "and the user is told");
    }

    [TestMethod]
    public void AnImportOfAFolderWithAPipeEndsAndReportsIt()
    {
        var pipe = MakePipe(Path.Combine(_root, "pages", "a", "feed.html"));
        File.WriteAllText(Path.Combine(_root, "pages", "one.html"), Page("关于开展第一批试点的通知"));
        File.WriteAllText(Path.Combine(_root, "pages", "a", "two.html"), Page("关于开展第二批试点的通知"));
        var sink = new MemorySink();
        var importing = Task.Run(() => new DocumentImporter(sink, TestData.Parser).ImportPaths([Path.Combine(_root, "pages")]));
        if (!importing.Wait(TimeSpan.FromSeconds(60)))
        {
            // Opening the pipe for writing lets the blocked reader go, so the test run ends too.
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
            Assert.Fail("the import waited on the pipe for a writer");
        }
        var failed = importing.Result.Files.Single(f => f.Status == ImportStatus.Failed);
        Assert.AreEqual(pipe, failed.Path);
        StringAssert.Contains(failed.Error, "not a regular file");
        Assert.HasCount(2, sink.Committed, "the pages beside it are imported");
    }

    private static string Page(string title) =>
        $"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>各有关单位：现将试点工作安排通知如下，请认真组织实施。</p></body></html>";

    /// <summary>A named pipe: opening it to read waits until something opens it to write.</summary>
    private static string MakePipe(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Inconclusive("named pipes in folders are a Unix matter");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.AreEqual(0, mkfifo.ExitCode, mkfifo.StandardError.ReadToEnd());
        return path;
    }
}
