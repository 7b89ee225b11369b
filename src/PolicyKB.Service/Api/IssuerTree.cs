using PolicyKB.Import;
using PolicyKB.Search;

namespace PolicyKB.Service.Api;

/// <summary>
/// The issuer facet as a tree (国务院 → 国务院办公厅 and the ministries → their 办公厅 and bureaus), from the parents in
/// data/issuers.json: each value names the nearest value above it that the facet also lists, so a page can indent it
/// there however many levels between have no documents.
/// </summary>
internal static class IssuerTree
{
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> WithParents(
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, IssuerRegistry issuers)
    {
        if (!facets.TryGetValue(FacetNames.Issuer, out var values)) return facets;
        var listed = values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        string? NearestListed(string value)
        {
            // Parents in the data file are checked for circles when loaded; the guard bounds names the file does not know.
            var seen = new HashSet<string>(StringComparer.Ordinal) { value };
            for (var up = issuers.Parent(value); up is not null && seen.Add(up); up = issuers.Parent(up))
                if (listed.Contains(up)) return up;
            return null;
        }
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(facets)
        {
            [FacetNames.Issuer] = values.Select(v => v with { Parent = NearestListed(v.Value) }).ToList(),
        };
        return result;
    }
}
