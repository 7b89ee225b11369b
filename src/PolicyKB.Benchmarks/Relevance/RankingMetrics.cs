namespace PolicyKB.Benchmarks.Relevance;

/// <summary>Figures for one kind of query (or "all"): the mean reciprocal rank and nDCG over its first 10 results.</summary>
public sealed record RelevanceScore(string Kind, int Queries, double Mrr, double Ndcg);

/// <summary>MRR@10 and nDCG@10 of an engine's ranked URLs against a judged set.</summary>
public static class RankingMetrics
{
    public const int Depth = 10;
    /// <summary>The reciprocal rank counts the first document of this grade or more (the one the query is after, or a close relative).</summary>
    public const int RelevantGrade = 2;
    public const string AllKinds = "all";

    public static double ReciprocalRank(JudgedQuery query, IReadOnlyList<string> ranked)
    {
        for (var i = 0; i < Math.Min(Depth, ranked.Count); i++)
            if (query.Grade(ranked[i]) >= RelevantGrade) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>Graded gain 2^grade − 1, discounted by log2(rank + 1), over the ideal order of the judged grades.</summary>
    public static double Ndcg(JudgedQuery query, IReadOnlyList<string> ranked)
    {
        var dcg = Dcg(ranked.Take(Depth).Select(query.Grade));
        var ideal = Dcg(query.Grades.Values.OrderDescending().Take(Depth));
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double Dcg(IEnumerable<int> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();

    /// <summary>Runs every query through <paramref name="search"/> (the top URLs, best first) and averages by kind and overall.</summary>
    public static IReadOnlyList<RelevanceScore> Evaluate(IReadOnlyList<JudgedQuery> set, Func<string, IReadOnlyList<string>> search) =>
        Summarise(PerQuery(set, search));

    /// <summary>Each query's reciprocal rank and nDCG, in the set's order.</summary>
    public static IReadOnlyList<(JudgedQuery Query, double Rr, double Ndcg)> PerQuery(IReadOnlyList<JudgedQuery> set, Func<string, IReadOnlyList<string>> search) =>
        set.Select(q =>
        {
            var ranked = search(q.Query);
            return (q, ReciprocalRank(q, ranked), Ndcg(q, ranked));
        }).ToList();

    public static IReadOnlyList<RelevanceScore> Summarise(IReadOnlyList<(JudgedQuery Query, double Rr, double Ndcg)> per) =>
        per.GroupBy(p => p.Query.Kind).Select(g => Score(g.Key, g.ToList())).Append(Score(AllKinds, per)).ToList();

    private static RelevanceScore Score(string kind, IReadOnlyList<(JudgedQuery Query, double Rr, double Ndcg)> rows) =>
        new(kind, rows.Count, rows.Average(r => r.Rr), rows.Average(r => r.Ndcg));

    /// <summary>A markdown table of engines' figures side by side, one row a kind.</summary>
    public static string Table(IReadOnlyList<(string Engine, IReadOnlyList<RelevanceScore> Scores)> engines)
    {
        var lines = new List<string>
        {
            "| queries | " + string.Join(" | ", engines.Select(e => $"{e.Engine} MRR@10 | {e.Engine} nDCG@10")) + " |",
            "|---|" + string.Concat(engines.Select(_ => "---:|---:|")),
        };
        foreach (var score in engines[0].Scores)
            lines.Add($"| {score.Kind} ({score.Queries}) | " + string.Join(" | ", engines.Select(e =>
            {
                var s = e.Scores.First(x => x.Kind == score.Kind);
                return $"{s.Mrr:0.000} | {s.Ndcg:0.000}";
            })) + " |");
        return string.Join('\n', lines);
    }
}
