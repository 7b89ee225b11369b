using Microsoft.Extensions.Time.Testing;
using PolicyKB.Import;
using PolicyKB.Search.Compare;

namespace PolicyKB.Search.Tests.Ingest;

/// <summary>A file imported again with another text keeps the text it replaces, as a crawled page does.</summary>
[TestClass]
public sealed class ReimportVersionsTests
{
    private const string Sample = "ndrc-tanda-feng-shidian.html";
    private const string Removed = "在资金、项目、改革等方面给予支持。";

    [TestMethod]
    public void AChangedFileImportedAgainKeepsTheTextItReplaces()
    {
        var samples = Docs.SamplesFolder() ?? throw new AssertInconclusiveException("samples/ not found");
        using var test = new TestIndex();
        var folder = Directory.CreateTempSubdirectory("policykb-reimport-").FullName;
        try
        {
            var file = Path.Combine(folder, Sample);
            var page = File.ReadAllText(Path.Combine(samples, Sample));
            StringAssert.Contains(page, Removed, "the fixture sentence is in the sample");
            File.WriteAllText(file, page);
            var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 6, 8, 0, 0, TimeSpan.Zero));

            var first = new DocumentImporter(test.Index, TestData.Parser, clock: clock).ImportPaths([file]);
            Assert.AreEqual(1, first.Imported);
            var id = first.Files[0].DocumentId!;

            // The same file again: nothing changes, no version is added.
            clock.Advance(TimeSpan.FromDays(1));
            Assert.AreEqual(0, new DocumentImporter(test.Index, TestData.Parser, clock: clock).ImportPaths([file]).Updated);
            Assert.AreEqual(1, test.Index.Get(id)!.Versions.Count);

            // The file corrected: the stored text stays as version 1.
            clock.Advance(TimeSpan.FromDays(1));
            File.WriteAllText(file, page.Replace(Removed, "在资金、项目等方面给予支持。", StringComparison.Ordinal));
            Assert.AreEqual(1, new DocumentImporter(test.Index, TestData.Parser, clock: clock).ImportPaths([file]).Updated);

            var document = test.Index.Get(id)!;
            Assert.AreEqual(2, document.Versions.Count);
            Assert.AreEqual(new DateTimeOffset(2023, 11, 6, 8, 0, 0, TimeSpan.Zero), document.Versions[0].FetchedAt);
            var earlier = DocumentVersions.TextOf(document, 1);
            Assert.IsNotNull(earlier, "the replaced text is kept");
            StringAssert.Contains(PolicyKB.Model.PolicyDocument.TextOf(earlier.Body), Removed);
            Assert.IsFalse(PolicyKB.Model.PolicyDocument.TextOf(document.Body).Contains(Removed, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void ARepostReadAgainAddsNoVersionToItsNotice()
    {
        var samples = Docs.SamplesFolder() ?? throw new AssertInconclusiveException("samples/ not found");
        using var test = new TestIndex();
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 6, 8, 0, 0, TimeSpan.Zero));
        var first = new DocumentImporter(test.Index, TestData.Parser, clock: clock).ImportPaths([samples]);

        clock.Advance(TimeSpan.FromDays(1));
        var again = new DocumentImporter(test.Index, TestData.Parser, clock: clock).ImportPaths([samples]);

        Assert.AreEqual(0, again.Updated, "nothing changed");
        foreach (var file in first.Files.Where(f => f.DocumentId is not null))
        {
            var document = test.Index.Get(file.DocumentId!)!;
            Assert.AreEqual(1, document.Versions.Count, $"{document.Title}: one reading of its own page, whatever its reposts");
        }
    }
}
