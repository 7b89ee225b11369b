using System.Security.Cryptography;
using System.Text;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Tests.Highlighting;

/// <summary>
/// The snippets (and marked titles) of searches over the real MEE texts and the samples, pinned as digests per query:
/// a change to how snippets are read or cut must leave every one as it was (same passages, same marks). Digests, not
/// texts: the reference texts stay out of the project. POLICYKB_WRITE_SNIPPET_PINS=1 writes the fixtures anew (only
/// when a change of the snippets themselves is intended).
/// </summary>
[TestClass]
public sealed class SnippetPinTests
{
    [TestMethod]
    public void RealTextsKeepTheirSnippets()
    {
        if (MeeIndex.Get() is not { } shared) { Assert.Inconclusive("../shared/reference/corpus is not present"); return; }
        var (t, docs) = shared;
        AssertPinned("snippets-mee.tsv", t.Index, docs, ["碳排放权交易", "督办", "PM2.5", "vocs", "排污许可 管理", "核与辐射 安全"], 160);
    }

    [TestMethod]
    public void SamplesKeepTheirSnippets()
    {
        var samples = Docs.SamplesFolder() ?? throw new AssertInconclusiveException("samples/ not found");
        using var t = new TestIndex();
        new DocumentImporter(t.Index, TestData.Parser).ImportPaths(Directory.GetFiles(samples).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)));
        t.Index.Commit();
        var docs = t.Index.All().OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.IsTrue(docs.Count >= 10, $"{docs.Count} samples imported");
        AssertPinned("snippets-samples.tsv", t.Index, docs, ["碳达峰", "CCER", "ccer", "方法学", "附件", "通知", "碳达峰 试点"], 80);
    }

    /// <summary>
    /// The fixed queries, then random 2–5 character runs of Han text from the documents' searchable text (a quarter
    /// of them with a second run), each searched for all its hits with snippets when it has at most
    /// <see cref="MostHits"/>; one digest a query and hit. Hits of equal score may come in another order in an index
    /// built again (parallel upserts, merges), so every hit of a query is pinned, by its id.
    /// </summary>
    private static void AssertPinned(string fixture, PolicyIndex index, IReadOnlyList<PolicyDocument> docs, string[] fixedQueries, int count)
    {
        var queries = Queries(docs, fixedQueries, count);
        var corpus = Digest(docs.Select(d => d.Id + "\u0001" + d.Title + "\u0001" + d.BodyText + "\u0001" + string.Join("\u0002", d.Attachments.Select(a => a.Name + a.Text))));
        var actual = queries.SelectMany((q, n) => AllHits(index, q).Select(h => (Key: $"{n}\t{h.Id}", Digest: Digest([h.TitleHighlighted ?? "", .. h.Snippets])))).ToList();

        var path = Path.Combine(AppContext.BaseDirectory, "Highlighting", "Fixtures", fixture);
        if (Environment.GetEnvironmentVariable("POLICYKB_WRITE_SNIPPET_PINS") == "1")
        {
            var source = Path.Combine(Docs.SamplesFolder()!, "..", "tests", "PolicyKB.Search.Tests", "Highlighting", "Fixtures", fixture);
            File.WriteAllLines(source, actual.Select(a => $"{a.Key}\t{a.Digest}").Prepend($"corpus\t{corpus}"));
            Assert.Inconclusive($"{fixture} written");
        }
        var lines = File.ReadAllLines(path);
        if (lines[0] != $"corpus\t{corpus}") { Assert.Inconclusive($"the documents differ from those {fixture} was written for"); return; }
        var pinned = lines.Skip(1).Select(l => l.Split('\t')).ToDictionary(f => $"{f[0]}\t{f[1]}", f => f[2]);
        Assert.IsTrue(actual.Count >= count, $"{actual.Count} hits");
        CollectionAssert.AreEquivalent(pinned.Keys.ToList(), actual.Select(a => a.Key).ToList(), "the queries' hits");
        var changed = actual.Where(a => pinned[a.Key] != a.Digest).Select(a => a.Key.Split('\t') is [var n, var id] ? $"#{n} “{queries[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)]}” in {id}" : a.Key).ToList();
        Assert.AreEqual(0, changed.Count, "snippets changed for: " + string.Join(", ", changed.Take(20)));
    }

    private const int MostHits = 300;

    /// <summary>Every hit of a query with at most <see cref="MostHits"/> (none for a query with more), page by page.</summary>
    private static IEnumerable<SearchHit> AllHits(PolicyIndex index, string query)
    {
        var request = new SearchRequest { Query = query, Size = SearchLimits.MaxPageSize, WithFacets = false };
        var first = index.Search(request);
        if (first.Total > MostHits) return [];
        return first.Hits.Concat(Enumerable.Range(2, (first.Total - 1) / request.Size).SelectMany(p => index.Search(request with { Page = p }).Hits));
    }

    private static List<string> Queries(IReadOnlyList<PolicyDocument> docs, string[] fixedQueries, int count)
    {
        var rng = new Random(20);
        var queries = fixedQueries.ToList();
        while (queries.Count < count)
        {
            var d = docs[rng.Next(docs.Count)];
            var text = string.Join("\n", d.Attachments.Select(a => a.Text ?? "").Prepend(d.BodyText));
            if (text.Length < 20) continue;
            var q = HanRun(text, rng);
            if (q is null) continue;
            if (rng.Next(4) == 0 && HanRun(text, rng) is { } second) q += " " + second;
            queries.Add(q);
        }
        return queries;
    }

    private static string? HanRun(string text, Random rng)
    {
        var len = rng.Next(2, 6);
        var run = text.Substring(rng.Next(text.Length - len), len);
        return run.All(TextFold.IsHan) ? run : null;
    }

    private static string Digest(IEnumerable<string> parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0003", parts))))[..20];
}
