using PolicyKB.Search;

namespace PolicyKB.Benchmarks.Relevance;

/// <summary>
/// The benchmark's --judged run: the real MEE texts imported into PolicyKB (HTML pages through DocumentParser, as
/// `policykb import` does) and into SQLite FTS5, the judged query set run through both, MRR@10 and nDCG@10 printed
/// side by side. Everything is written to a temporary folder and deleted after.
/// </summary>
public static class JudgedRun
{
    public static int Run(string root, TextWriter log)
    {
        var set = JudgedSet.Load(Path.Combine(root, JudgedSet.RelativePath));
        if (Workload.RealMee(BenchOptions.SharedCorpus(root), log) is not { } workload)
        {
            log.WriteLine("--judged needs ../shared/reference/corpus beside the checkout: the judged set is over the real MEE texts.");
            return 2;
        }
        try
        {
            var policyKbDir = Path.Combine(workload.Directory, "judged-policykb");
            var fts5Dir = Path.Combine(workload.Directory, "judged-fts5");
            var import = PolicyKbEngine.Import(workload, policyKbDir);
            Fts5Engine.Import(workload, fts5Dir);
            IReadOnlyList<RelevanceScore> policyKb;
            using (var index = PolicyIndex.Open(policyKbDir, BenchData.IndexOptions))
                policyKb = RankingMetrics.Evaluate(set, q => index.Search(new SearchRequest { Query = q, Size = RankingMetrics.Depth, WithSnippets = false, WithFacets = false })
                    .Hits.Select(h => h.Url ?? "").ToList());
            var fts5 = RankingMetrics.Evaluate(set, Fts5Engine.Ranker(fts5Dir, RankingMetrics.Depth));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            log.WriteLine($"Judged set: {set.Count} queries over {workload.Documents:N0} real MEE texts ({JudgedSet.RelativePath})");
            log.WriteLine(RankingMetrics.Table([(PolicyKbEngine.Name, policyKb), ("FTS5 bm25", fts5)]));
            // The word analysis is part of what a ranking choice costs: the import rate is printed beside the figures.
            log.WriteLine($"PolicyKB import of the same pages: {import.PagesPerSecond:0} pages/s ({import.Note}); load average {Report.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(workload.Directory, recursive: true);
        }
    }
}
