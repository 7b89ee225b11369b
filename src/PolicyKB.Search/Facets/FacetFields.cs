using PolicyKB.Model;

namespace PolicyKB.Search.Facets;

/// <summary>
/// What a document contributes to each facet. Topic: the source's first path segment and, for deeper paths,
/// the whole path joined with "/" (财政、金融、审计 and 财政、金融、审计/其他), so either level can be selected.
/// Site: every site the document was published on. Year and month: of the published date, else the written date.
/// </summary>
internal static class FacetFields
{
    public static string DocValuesField(string facet) => "f_" + facet;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ValuesOf(PolicyDocument d)
    {
        var date = d.PublishedDate ?? d.WrittenDate;
        return new Dictionary<string, IReadOnlyList<string>>
        {
            [FacetNames.Issuer] = Clean(d.Issuers),
            [FacetNames.Theme] = Clean(d.Themes),
            [FacetNames.Topic] = Clean(TopicValues(d.Topics)),
            [FacetNames.Type] = Clean([d.DocumentType]),
            [FacetNames.Site] = Clean(d.Sources.Select(s => s.Site.ToCode()).Prepend(d.Site.ToCode())),
            [FacetNames.Year] = date is { } y ? [y.Year.ToString(CultureInfo.InvariantCulture)] : [],
            [FacetNames.Month] = date is { } m ? [m.ToString("yyyy-MM", CultureInfo.InvariantCulture)] : [],
        };
    }

    private static IEnumerable<string> TopicValues(IReadOnlyList<string> topics)
    {
        var path = topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (path.Count == 0) yield break;
        yield return path[0];
        if (path.Count > 1) yield return string.Join('/', path);
    }

    private static List<string> Clean(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
