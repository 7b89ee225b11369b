using PolicyKB.Corpus;
using PolicyKB.Model;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests.Concurrency;

/// <summary>
/// Searches running while documents are added, revised and committed never fail, and every hit and every stored
/// document they see is one whole version of a document: never the title of one version with the body of another.
/// </summary>
[TestClass]
public sealed class SearchDuringImportTests
{
    private const int Documents = 120;
    private const int Batch = 15;
    private static readonly string[] Queries = ["通知", "生态环境", "碳排放权", "风电 光伏发电", "\"重点任务\"", "修订", "高质量发展", "能源安全", "title:意见", "本文件已修订"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public void SearchesWhileImportCommitsNeverFailAndSeeWholeDocuments()
    {
        using var temp = new TempFolder("concurrency");
        var originals = SmallCorpus.Pages(Documents).Select(p => p.ToDocument()).ToList();
        var versions = originals.ToDictionary(d => d.Id, d => new[] { d, Revised(d) });
        using var index = PolicyIndex.Open(temp.Path, TestData.IndexOptions with { RefreshInterval = TimeSpan.FromMilliseconds(50) });

        var done = 0;
        var searches = 0;
        var hitsChecked = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        void Search(int seed)
        {
            var random = new Random(seed);
            while (Volatile.Read(ref done) == 0 && !TestContext.CancellationToken.IsCancellationRequested)
            {
                try
                {
                    var result = index.Search(new SearchRequest { Query = Queries[random.Next(Queries.Length)], Size = 20, WithFacets = random.Next(2) == 0, WithSnippets = true });
                    Interlocked.Increment(ref searches);
                    foreach (var hit in result.Hits)
                    {
                        if (!versions.TryGetValue(hit.Id, out var known)) { failures.Enqueue($"unknown id {hit.Id}"); continue; }
                        if (!known.Any(v => v.Title == hit.Title)) failures.Enqueue($"hit title '{hit.Title}' is no version of {hit.Id}");
                        var stored = index.Get(hit.Id);
                        if (stored is null) continue; // deleted between search and fetch cannot happen here, but a miss is not a torn document
                        if (!known.Any(v => v.Title == stored.Title && v.BodyText == stored.BodyText))
                            failures.Enqueue($"stored document {hit.Id} mixes versions: '{stored.Title}'");
                        Interlocked.Increment(ref hitsChecked);
                    }
                }
                catch (Exception e) { failures.Enqueue($"search threw {e.GetType().Name}: {e.Message}"); }
            }
        }

        var searchers = Enumerable.Range(0, 2).Select(i => Task.Run(() => Search(i))).ToArray();
        try
        {
            // Add every document, then revise every one, committing every batch as the importer does.
            foreach (var pass in new[] { 0, 1 })
                foreach (var chunk in originals.Chunk(Batch))
                {
                    foreach (var d in chunk) index.Upsert(versions[d.Id][pass]);
                    index.Commit();
                }
        }
        finally
        {
            Volatile.Write(ref done, 1);
            Task.WaitAll(searchers);
        }

        TestContext.WriteLine($"{searches} searches, {hitsChecked} hits checked during {2 * Documents / Batch} commits");
        Assert.IsTrue(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.IsTrue(searches > 0 && hitsChecked > 0, "the searches ran while importing");
        Assert.AreEqual(Documents, index.Count, "revisions replaced documents instead of adding them");
        Assert.IsTrue(index.All().All(d => d.Title.EndsWith("（修订）", StringComparison.Ordinal)));
    }

    private static PolicyDocument Revised(PolicyDocument d) => d with
    {
        Title = d.Title + "（修订）",
        Body = [.. d.Body, BodyBlock.Paragraph("本文件已修订，原文件同时废止。")],
        ContentHash = d.ContentHash + "-revised",
    };
}
