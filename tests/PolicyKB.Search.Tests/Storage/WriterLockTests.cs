using PolicyKB.Search.Storage;

namespace PolicyKB.Search.Tests.Storage;

/// <summary>One writer per knowledge-base folder; readers never write and see the writer's commits.</summary>
[TestClass]
public sealed class WriterLockTests
{
    [TestMethod]
    public void ASecondWriterIsRefusedAtOnceWithTheHolderNamedAndTheFolderIsFreeAfterwards()
    {
        using var t = new TestIndex();
        var e = Assert.ThrowsExactly<KnowledgeBaseLockedException>(() => PolicyIndex.Open(t.Folder, TestData.IndexOptions));
        Assert.AreEqual(Environment.ProcessId, e.Holder?.ProcessId);
        StringAssert.Contains(e.Message, "--server");
        t.Index.Dispose();
        using var next = PolicyIndex.Open(t.Folder, TestData.IndexOptions);
        Assert.IsFalse(next.IsReadOnly);
    }

    [TestMethod]
    public void TheLockFileIsNeverDeletedSoNoSecondProcessCanLockANewFileOfTheSameName()
    {
        using var t = new TestIndex();
        var lockFile = Path.Combine(t.Folder, WriterLock.LockFileName);
        Assert.IsTrue(File.Exists(lockFile));
        t.Index.Dispose();
        Assert.IsTrue(File.Exists(lockFile), "released, not deleted");
    }

    [TestMethod]
    public void AReaderWritesNothingAndSeesTheWritersCommits()
    {
        using var t = new TestIndex();
        t.Index.Upsert(Docs.Make("a", "关于做好全国碳市场配额分配工作的通知", "配额分配方案") with { Url = "https://www.mee.gov.cn/a.html" });
        t.Index.Commit();
        var before = Snapshot(t.Folder);
        using (var reader = PolicyIndex.OpenReadOnly(t.Folder, TestData.IndexOptions with { RefreshInterval = TimeSpan.FromMilliseconds(50) }))
        {
            Assert.IsTrue(reader.IsReadOnly);
            Assert.AreEqual(1, reader.Search(new SearchRequest { Query = "配额" }).Total);
            Assert.ThrowsExactly<IndexReadOnlyException>(() => reader.Upsert(Docs.Make("b", "另一个通知", "正文")));
            Assert.ThrowsExactly<IndexReadOnlyException>(() => reader.Commit());

            t.Index.Upsert(Docs.Make("c", "关于开展碳达峰试点建设的通知", "碳达峰试点") with { Url = "https://www.ndrc.gov.cn/c.html" });
            t.Index.Commit();
            before = Snapshot(t.Folder);
            reader.Refresh();
            Assert.AreEqual(1, reader.Search(new SearchRequest { Query = "碳达峰试点" }).Total, "the writer's commit is seen");
        }
        CollectionAssert.AreEquivalent(before, Snapshot(t.Folder), "the reader changed no file");
    }

    [TestMethod]
    public void AReadOnlyOpenOfAFolderWithoutAnIndexSaysToImportFirst()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policykb-empty-" + Guid.NewGuid().ToString("N"));
        var e = Assert.ThrowsExactly<IndexMissingException>(() => PolicyIndex.OpenReadOnly(folder, TestData.IndexOptions));
        StringAssert.Contains(e.Message, "policykb import");
        Assert.IsFalse(Directory.Exists(folder), "nothing created");
    }

    private static List<string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not (WriterLock.HolderFileName or WriterLock.LockFileName))
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();
}
