using Microsoft.Extensions.Time.Testing;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests.Querying;

[TestClass]
public sealed class ThesaurusFileTests
{
    [TestMethod]
    public void EditsAreUsedWithoutRestartOrReindex()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "发改委 → 国家发展改革委\n");
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var file = new ThesaurusFile(path, clock);
            Assert.IsNull(file.Current.Lookup("生态部"));

            File.WriteAllText(path, "发改委 → 国家发展改革委\n生态部 → 生态环境部\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Assert.IsNull(file.Current.Lookup("生态部"), "not re-checked within a few seconds");
            clock.Advance(TimeSpan.FromSeconds(5));
            Assert.AreEqual("生态部 → 生态环境部", file.Current.Lookup("生态部")!.Describe());
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void ProjectThesaurusHoldsTheRequiredExpansions()
    {
        var t = Thesaurus.Load(TestData.Folder.Path("thesaurus.txt"));
        Assert.AreEqual("发改委 → 国家发展改革委 / 国家发展和改革委员会", t.Lookup("发改委")!.Describe());
        Assert.AreEqual("双碳 → 碳达峰 / 碳中和", t.Lookup("双碳")!.Describe());
        Assert.AreEqual("全国碳市场 → 全国碳排放权交易市场", t.Lookup("全国碳市场")!.Describe());
        Assert.AreEqual("CCER → 国家核证自愿减排量", t.Lookup("ccer")!.Describe());
    }
}
