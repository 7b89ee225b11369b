using Lucene.Net.Analysis;

namespace PolicyKB.Search.Analysis;

/// <summary>
/// The recall analysis (title, body and the text forms of metadata), by <see cref="RecallTokenizer"/>: width folding,
/// lower case, CJK bigrams with the unigrams of each run's edges, Latin words and numbers as tokens. A Han run queried
/// as a phrase of its bigrams matches exactly where it occurs as a substring, which is what decides membership.
/// </summary>
internal sealed class RecallAnalyzer : Analyzer
{
    public const string DoubleType = RecallTokenizer.DoubleType;
    public const string SingleType = RecallTokenizer.SingleType;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new RecallTokenizer(reader));
}
