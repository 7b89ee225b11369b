using PolicyKB.Corpus;
using PolicyKB.Corpus.Vocabulary;
using PolicyKB.Search;

namespace PolicyKB.Benchmarks;

/// <summary>One benchmark query: its words (or one phrase) and an optional issuer or year filter.</summary>
public sealed record BenchQuery(string Kind, IReadOnlyList<string> Terms, bool Phrase = false, string? Issuer = null, int? Year = null)
{
    /// <summary>The query in PolicyKB's language: words AND-ed, a phrase in quotes.</summary>
    public string Text => Phrase ? $"\"{Terms[0]}\"" : string.Join(' ', Terms);

    /// <summary>PolicyKB's request for the query and its filter: the first page of ten, with the extras asked for.</summary>
    public SearchRequest Request(bool facets, IReadOnlyList<string>? counted, bool snippets) => new()
    {
        Query = Text,
        Issuers = Issuer is { } i ? [i] : [],
        Years = Year is { } y ? [y.ToString(CultureInfo.InvariantCulture)] : [],
        Size = 10,
        WithFacets = facets,
        CountFacets = counted,
        WithSnippets = snippets,
    };
}

/// <summary>
/// The fixed mix of 200 queries: 40 each of common words, rare words, several words, phrases and filtered words.
/// Drawn with a fixed seed, so every run and every engine sees the same queries.
/// </summary>
public static class QueryMix
{
    public const int PerKind = 40;

    public static IReadOnlyList<BenchQuery> ForGenerated(CorpusGenerator generator, int documents)
    {
        var random = new Random(20261124);
        var queries = new List<BenchQuery>();
        var common = Themes.All.SelectMany(t => t.Terms.Take(4)).Concat(Phrases.CommonTerms.Take(30)).ToList();
        var rareTail = Themes.All.SelectMany(t => t.Terms.TakeLast(3)).ToList();
        for (var i = 0; i < PerKind; i++)
            queries.Add(new("common word", [Pick(random, common)]));
        for (var i = 0; i < PerKind; i++)
            queries.Add(new("rare word", [i % 2 == 0 ? Pick(random, rareTail) : Pick(random, Phrases.RareStems) + Pick(random, Phrases.RareKinds)]));
        for (var i = 0; i < PerKind; i++)
        {
            var theme = Pick(random, Themes.All);
            var terms = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Pick(random, theme.Terms)).Distinct().ToList();
            queries.Add(new("several words", terms));
        }
        for (var i = 0; i < PerKind; i++)
        {
            var page = generator.Page(random.Next(documents));
            queries.Add(new("phrase", [PhraseFrom(random, page.BodyText)], Phrase: true));
        }
        for (var i = 0; i < PerKind; i++)
        {
            var page = generator.Page(random.Next(documents));
            var term = Pick(random, common);
            queries.Add(i % 2 == 0 ? new("filtered word", [term], Issuer: page.Issuers[0]) : new("filtered word", [term], Year: page.PublishedDate.Year));
        }
        return queries;
    }

    /// <summary>Queries drawn from real texts: frequent title n-grams as common words, n-grams of 2–5 documents as rare ones.</summary>
    public static IReadOnlyList<BenchQuery> FromTexts(IReadOnlyList<PlainDocument> docs)
    {
        var random = new Random(20261124);
        var df = new Dictionary<string, int>();
        foreach (var d in docs)
        {
            var seen = new HashSet<string>();
            foreach (var n in new[] { 2, 3, 4 })
                for (var i = 0; i + n <= d.Title.Length; i++)
                {
                    var gram = d.Title.Substring(i, n);
                    if (gram.All(IsHan) && seen.Add(gram)) df[gram] = df.GetValueOrDefault(gram) + 1;
                }
        }
        var ranked = df.Where(kv => kv.Key.Length >= 2).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var common = ranked.Take(150).ToList();
        var middle = ranked.Skip(150).Take(1000).ToList();
        var rare = df.Where(kv => kv.Value is >= 2 and <= 5 && kv.Key.Length >= 3).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var years = docs.Select(d => d.Year).Where(y => y > 0).Distinct().Order().ToList();
        var queries = new List<BenchQuery>();
        for (var i = 0; i < PerKind; i++) queries.Add(new("common word", [Pick(random, common)]));
        for (var i = 0; i < PerKind; i++) queries.Add(new("rare word", [Pick(random, rare)]));
        for (var i = 0; i < PerKind; i++) queries.Add(new("several words", [Pick(random, common), Pick(random, middle)]));
        for (var i = 0; i < PerKind; i++) queries.Add(new("phrase", [PhraseFrom(random, Pick(random, docs).Body)], Phrase: true));
        for (var i = 0; i < PerKind; i++)
            queries.Add(i % 2 == 0 || years.Count == 0 ? new("filtered word", [Pick(random, common)], Issuer: "生态环境部") : new("filtered word", [Pick(random, middle)], Year: Pick(random, years)));
        return queries;
    }

    /// <summary>A run of 5–9 Chinese characters from the text (no punctuation inside), as a user would paste it.</summary>
    private static string PhraseFrom(Random random, string text)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var length = random.Next(5, 10);
            if (text.Length <= length) break;
            var start = random.Next(text.Length - length);
            var candidate = text.Substring(start, length);
            if (candidate.All(IsHan)) return candidate;
        }
        return "生态环境保护";
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
