using PolicyKB.Corpus;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests.Crash;

/// <summary>
/// An import killed with SIGKILL at a random point (while parsing, while indexing, around the final commit)
/// must never cost a committed document, damage the index or leave a duplicate behind.
/// </summary>
[TestClass]
public sealed class KilledImportTests
{
    private const int Rounds = 3;
    private const int PagesPerRound = 30;
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void KilledImportsKeepEveryCommittedDocumentAndTheNextImportCompletes()
    {
        using var temp = new TempFolder("crash");
        var pagesDir = temp.Sub("pages");
        var indexDir = Path.Combine(temp.Path, "index");
        var pages = SmallCorpus.Pages(Rounds * PagesPerRound);
        var titles = pages.Select(p => p.Title).ToHashSet();
        var random = new Random(4242);
        var committed = new HashSet<string>();

        for (var round = 1; round <= Rounds; round++)
        {
            // New pages arrive, so each killed run has work that is not yet committed.
            SmallCorpus.Write(pagesDir, pages.Take(round * PagesPerRound).Skip((round - 1) * PagesPerRound));
            var total = round * PagesPerRound;
            // Round 2 is killed once every file is reported: inside or just after the final commit. The others mid-run.
            var killAfter = round == 2 ? total : random.Next(1, total);
            var extraDelay = random.Next(0, 400);
            using (var import = Policykb.Start("import", pagesDir, "--index", indexDir, "--json"))
            {
                for (var seen = 0; seen < killAfter && import.ReadLine() is not null; seen++) { }
                Thread.Sleep(extraDelay);
                import.Kill();
                TestContext.WriteLine($"round {round}: killed after {killAfter} of {total} results (+{extraDelay} ms)");
            }

            var afterKill = AssertIntact(indexDir, titles, total);
            Assert.IsTrue(committed.IsSubsetOf(afterKill), $"round {round}: a committed document was lost by the kill");

            var (exit, lines, errors) = Policykb.Run(ImportTimeout, "import", pagesDir, "--index", indexDir, "--json");
            Assert.AreEqual(0, exit, $"round {round}: the import after the kill failed: {errors}");
            Assert.AreEqual(total, lines.Count, "one result a file");
            committed = AssertIntact(indexDir, titles, total);
            Assert.AreEqual(total, committed.Count, $"round {round}: every page is there once after a completed import");
            Assert.IsTrue(afterKill.IsSubsetOf(committed));
        }
    }

    /// <summary>The index passes CheckIndex, opens, holds only whole documents of this corpus, none twice; returns the ids.</summary>
    private static HashSet<string> AssertIntact(string indexDir, IReadOnlyCollection<string> titles, int files)
    {
        var check = PolicyIndex.Check(indexDir);
        if (check.Exists)
            Assert.IsTrue(check.Clean, "CheckIndex: " + string.Join("; ", check.Problems));
        using var index = PolicyIndex.Open(indexDir, TestData.IndexOptions);
        var docs = index.All().ToList();
        var ids = docs.Select(d => d.Id).ToHashSet();
        Assert.AreEqual(docs.Count, ids.Count, "no document is stored twice");
        Assert.AreEqual(index.Count, docs.Count);
        Assert.IsTrue(docs.Count <= files, $"{docs.Count} documents from {files} files: duplicates");
        foreach (var d in docs)
        {
            // StartsWith: the parser may keep a 文号 printed after the title; what matters here is that the document is whole.
            Assert.IsTrue(titles.Any(t => d.Title.StartsWith(t, StringComparison.Ordinal)), $"a document with an unknown or damaged title: {d.Title}");
            Assert.IsTrue(d.Body.Count > 0, $"{d.Title}: stored without its body");
        }
        return ids;
    }
}
