using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Querying;

/// <summary>
/// Multiplies relevance by 1 … 1.1 along the document's date (2000 → 2030), so among equally relevant documents the
/// newer comes first, without letting dates outweigh matches. Fixed scale: results do not change with the clock.
/// </summary>
internal sealed class RecencyBoostQuery(Query subQuery) : CustomScoreQuery(subQuery)
{
    private const float MaxBoost = 0.1f;
    private static readonly int From = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly int To = new DateOnly(2030, 1, 1).DayNumber;

    /// <summary>
    /// Each segment's factors, one a document, worked out once from the dates' doc values and kept with the segment's
    /// core (its doc values never change). Every hit is scored, and reading its date through the doc values was 3 % of
    /// a query's time at 100,000 pages; the array costs four bytes a document.
    /// </summary>
    private static readonly ConditionalWeakTable<object, float[]> Factors = new();

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    private static float[] FactorsOf(AtomicReader segment) => Factors.GetValue(segment.CoreCacheKey, _ =>
    {
        var factors = new float[segment.MaxDoc];
        Array.Fill(factors, 1f);
        var dates = segment.GetNumericDocValues(Schema.DateValue);
        var hasDate = segment.GetDocsWithField(Schema.DateValue);
        if (dates is null || hasDate is null) return factors;
        for (var doc = 0; doc < factors.Length; doc++)
        {
            if (!hasDate.Get(doc)) continue;
            var position = Math.Clamp((float)(dates.Get(doc) - From) / (To - From), 0f, 1f);
            factors[doc] = 1f + MaxBoost * position;
        }
        return factors;
    });

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        private readonly float[] _factors = FactorsOf(context.AtomicReader);

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) => subQueryScore * _factors[doc];
    }
}
