using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
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

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        private readonly NumericDocValues? _dates = context.AtomicReader.GetNumericDocValues(Schema.DateValue);
        private readonly IBits? _hasDate = context.AtomicReader.GetDocsWithField(Schema.DateValue);

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore)
        {
            if (_dates is null || _hasDate is null || !_hasDate.Get(doc)) return subQueryScore;
            var position = Math.Clamp((float)(_dates.Get(doc) - From) / (To - From), 0f, 1f);
            return subQueryScore * (1f + MaxBoost * position);
        }
    }
}
