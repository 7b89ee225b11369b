using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// Places each document in exactly one section: the first, depth-first in template order, whose rule matches
/// (a section's sub-sections are tried before its own rule). Null means no section takes it.
/// </summary>
internal sealed class SectionRouter
{
    private readonly BriefTemplate _template;
    private readonly IssuerRegistry _issuers;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _queryMatches;

    /// <param name="issuers">Gives issuer levels, and the issuer a title begins with (the import's, <see cref="BriefData.Issuers"/>).</param>
    /// <param name="queryMatches">For each rule query, the ids the search returned; a query not listed matches nothing.</param>
    public SectionRouter(BriefTemplate template, IssuerRegistry issuers,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? queryMatches = null)
    {
        _template = template;
        _issuers = issuers;
        _queryMatches = queryMatches ?? new Dictionary<string, IReadOnlySet<string>>();
    }

    /// <summary>The section (or sub-section) that takes the document, or null.</summary>
    public TemplateSection? Place(PolicyDocument document) => First(_template.Sections, document);

    private TemplateSection? First(IReadOnlyList<TemplateSection> sections, PolicyDocument doc)
    {
        foreach (var s in sections)
        {
            if (First(s.Sections, doc) is { } sub) return sub;
            if (s.Rule is { } rule && Matches(rule, doc)) return s;
        }
        return null;
    }

    /// <summary>Every given criterion holds (AND), each by any of its values (OR); or any alternative matches.</summary>
    public bool Matches(SectionRule rule, PolicyDocument doc)
    {
        var criteria = new List<bool>();
        var issuers = _issuers.IssuersOf(doc);
        if (rule.Themes.Count > 0) criteria.Add(doc.Themes.Any(t => rule.Themes.Contains(t, StringComparer.Ordinal)));
        // The lead issuer decides the level: a regional plan co-signed by a ministry's agency stays regional.
        if (rule.IssuerLevels.Count > 0)
            criteria.Add(issuers.Count > 0 && rule.IssuerLevels.Contains(_issuers.Level(issuers[0]).ToString(), StringComparer.OrdinalIgnoreCase));
        if (rule.Issuers.Count > 0)
            criteria.Add(rule.Issuers.Any(r => issuers.Any(i => i.Contains(r, StringComparison.Ordinal))
                                               || (doc.IssuersRaw?.Contains(r, StringComparison.Ordinal) ?? false)));
        if (rule.Titles.Count > 0) criteria.Add(rule.Titles.Any(t => doc.Title.Contains(t, StringComparison.Ordinal)));
        if (rule.Sites.Count > 0) criteria.Add(rule.Sites.Contains(doc.Site.ToCode(), StringComparer.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(rule.Query))
            criteria.Add(_queryMatches.TryGetValue(rule.Query, out var ids) && ids.Contains(doc.Id));
        return (criteria.Count > 0 && criteria.All(c => c)) || rule.Or.Any(r => Matches(r, doc));
    }

    /// <summary>Every rule query of the template, each once (the builder runs them as searches).</summary>
    public static IReadOnlyList<string> Queries(BriefTemplate template)
    {
        static IEnumerable<string> Of(SectionRule r) =>
            (string.IsNullOrWhiteSpace(r.Query) ? [] : new[] { r.Query }).Concat(r.Or.SelectMany(Of));
        static IEnumerable<string> InSections(IEnumerable<TemplateSection> ss) =>
            ss.SelectMany(s => (s.Rule is null ? [] : Of(s.Rule)).Concat(InSections(s.Sections)));
        return InSections(template.Sections).Distinct(StringComparer.Ordinal).ToList();
    }
}

internal static class IssuerRegistryExtensions
{
    /// <summary>The document's issuers; when it names none (a news page), the known issuer its title begins with (生态环境部发布…).</summary>
    public static IReadOnlyList<string> IssuersOf(this IssuerRegistry registry, PolicyDocument doc)
    {
        if (doc.Issuers.Count > 0) return doc.Issuers;
        for (var length = Math.Min(doc.Title.Length, 30); length >= 2; length--)
            if (registry.Find(doc.Title[..length]) is { } issuer) return [issuer.Name];
        return [];
    }
}
