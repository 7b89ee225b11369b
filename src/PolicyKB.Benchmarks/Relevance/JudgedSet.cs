namespace PolicyKB.Benchmarks.Relevance;

/// <summary>One judged query: what a researcher types and the grade (1–3) of each document judged relevant, by corpus URL.</summary>
public sealed record JudgedQuery(string Kind, string Query, IReadOnlyDictionary<string, int> Grades)
{
    /// <summary>Grade of a document; unlisted documents are 0.</summary>
    public int Grade(string? url) => url is not null && Grades.TryGetValue(url, out var g) ? g : 0;
}

/// <summary>
/// The judged query set over the real MEE texts, kept with the search tests (queries and URLs, no document text).
/// Format: one query a line, <c>kind TAB query TAB url=grade url=grade …</c>; # starts a comment.
/// </summary>
public static class JudgedSet
{
    /// <summary>Where the set lives, relative to the repository root.</summary>
    public const string RelativePath = "tests/PolicyKB.Search.Tests/Fixtures/judged-queries.tsv";

    public static IReadOnlyList<JudgedQuery> Load(string path) => Parse(File.ReadLines(path));

    /// <exception cref="FormatException">a line that is not kind, query and judgements, naming the line</exception>
    public static IReadOnlyList<JudgedQuery> Parse(IEnumerable<string> lines)
    {
        var queries = new List<JudgedQuery>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                throw new FormatException($"Judged set line {number}: expected kind, query and judgements separated by tabs.");
            var grades = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var judgement in parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = judgement.LastIndexOf('=');
                if (eq <= 0 || !int.TryParse(judgement[(eq + 1)..], out var grade) || grade is < 1 or > 3)
                    throw new FormatException($"Judged set line {number}: '{judgement}' is not url=grade with a grade of 1 to 3.");
                if (!grades.TryAdd(judgement[..eq], grade))
                    throw new FormatException($"Judged set line {number}: {judgement[..eq]} is judged twice.");
            }
            if (!grades.Values.Any(g => g >= RankingMetrics.RelevantGrade))
                throw new FormatException($"Judged set line {number}: no document of grade {RankingMetrics.RelevantGrade} or more, so the query has no reciprocal rank.");
            queries.Add(new JudgedQuery(parts[0].Trim(), parts[1].Trim(), grades));
        }
        return queries;
    }
}
