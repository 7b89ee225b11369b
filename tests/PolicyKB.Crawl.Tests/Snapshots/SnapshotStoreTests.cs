namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class SnapshotStoreTests
{
    [TestMethod]
    public void StoresBytesUnderTheirHashWithTheirHeaders()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var store = new SnapshotStore(folder);
            var bytes = "<html>通知</html>"u8.ToArray();
            var headers = new SnapshotHeaders("http://x/a.html", DateTimeOffset.UnixEpoch, 200, new Dictionary<string, string> { ["Content-Type"] = "text/html" });

            var hash = store.Save(bytes, headers);

            Assert.AreEqual(SnapshotStore.Hash(bytes), hash);
            Assert.AreEqual(hash, store.Save(bytes, headers), "same bytes, same snapshot");
            CollectionAssert.AreEqual(bytes, store.Read(hash));
            Assert.AreEqual("text/html", store.ReadHeaders(hash)!.Headers["Content-Type"]);
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void ADamagedSnapshotReadsAsMissing()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var store = new SnapshotStore(folder);
            var hash = store.Save([1, 2, 3], new SnapshotHeaders("http://x/", DateTimeOffset.UnixEpoch, 200, new Dictionary<string, string>()));
            File.WriteAllBytes(Directory.GetFiles(folder, "*.bin", SearchOption.AllDirectories).Single(), [9]);

            Assert.IsNull(store.Read(hash));
            Assert.IsNull(store.Read("00" + new string('0', 62)));
        }
        finally { Directory.Delete(folder, true); }
    }
}
