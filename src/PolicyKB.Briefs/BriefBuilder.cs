using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Briefs;

/// <summary>
/// Builds briefs from the knowledge base: takes every hit of the request's search and the request's ids, runs the
/// template's rule queries, reads the history (DIR/briefs/), and composes the brief. Issuing saves it in the history.
/// </summary>
public sealed class BriefBuilder
{
    /// <summary>Hits taken per rule query (a rule query runs over the brief's own filters).</summary>
    private const int RuleQueryLimit = 5000;

    private readonly IPolicyIndex _index;
    private readonly BriefComposer _composer;
    private readonly BriefData _data;

    public BriefBuilder(IPolicyIndex index, TimeProvider clock, BriefData data, BriefHistory? history = null)
    {
        _index = index;
        _data = data;
        _composer = new BriefComposer(clock, data);
        History = history ?? new BriefHistory(index.Directory, clock);
    }

    /// <summary>The issued briefs of this knowledge base.</summary>
    public BriefHistory History { get; }

    /// <exception cref="RuleTimeoutException">a summary rule ran over its time limit twice on a document's text</exception>
    public Brief Build(BriefRequest request, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var documents = new List<PolicyDocument>();
        foreach (var id in request.Ids.Distinct(StringComparer.Ordinal))
        {
            if (_index.Get(id) is { } doc) documents.Add(doc);
            else warnings.Add($"文件 {id} 不在知识库中，已略过。");
        }

        if (request.Search is { } search && HasCriteria(search))
        {
            using var result = _index.Stream(WithoutSnippets(search), request.MaxItems, cancellationToken);
            warnings.AddRange(result.Warnings);
            if (result.Truncated)
                warnings.Add($"检索命中 {result.Found} 篇，只取前 {result.Count} 篇；请收窄检索条件。");
            documents.AddRange(result.Hits.Select(h => _index.Get(h.Id)).OfType<PolicyDocument>());
        }
        if (documents.Count == 0) warnings.Add("没有符合条件的文件。");

        var template = request.Template ?? _data.DefaultTemplate;
        var queryMatches = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var query in SectionRouter.Queries(template))
        {
            using var hits = _index.Stream(WithoutSnippets((request.Search ?? new SearchRequest()) with { Query = query }), RuleQueryLimit, cancellationToken);
            queryMatches[query] = hits.Hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        }

        var history = History.All();
        warnings.AddRange(History.Problems().Select(p => $"简报历史文件无法读取：{p}"));
        var brief = _data.SummaryRules.Guarded(() => _composer.Compose(request with { Template = template }, documents, history, queryMatches, warnings));
        return StatusLine.Apply(brief, _index.Status);
    }

    /// <summary>Saves the brief as issued (its number, date and items), so later briefs know what it carried.</summary>
    public Parsed<IssuedBrief> Issue(Brief brief) => History.Issue(brief);

    private static SearchRequest WithoutSnippets(SearchRequest search) => search with { WithSnippets = false };

    private static bool HasCriteria(SearchRequest s) =>
        !string.IsNullOrWhiteSpace(s.Query) || s.Issuers.Count + s.Themes.Count + s.Topics.Count + s.Types.Count + s.Sites.Count
            + s.Years.Count + s.Months.Count + s.Methodologies.Count > 0
        || s.PublishedFrom is not null || s.PublishedTo is not null || s.WrittenFrom is not null || s.WrittenTo is not null;
}
