using PolicyKB.Search.Analysis;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search;

public sealed partial class PolicyIndex
{
    public IReadOnlyList<Suggestion> Suggest(string prefix, int max = 10)
    {
        var folded = TextFold.Fold(prefix?.Trim() ?? "");
        if (folded.Length == 0 || max <= 0) return [];
        var terms = _compiler.Thesaurus.Terms.Where(t => TextFold.Fold(t).StartsWith(folded, StringComparison.Ordinal)).Select(Suggestion.ForTerm);
        return WithSearcher(searcher =>
        {
            var issuers = FacetValues(searcher, FacetNames.Issuer).Where(v => TextFold.Fold(v).Contains(folded, StringComparison.Ordinal)).Select(Suggestion.ForIssuer);
            var documents = _compiler.Substring(Schema.Title, folded) is { } q
                ? searcher.Search(new RecencyBoostQuery(q), max).ScoreDocs.Select(sd => HitCard.Read(searcher.IndexReader, sd.Doc))
                    .Select(card => Suggestion.ForDocument(card.Id, card.Title))
                : [];
            return terms.Concat(issuers).Concat(documents).Distinct().Take(max).ToList();
        });
    }
}
