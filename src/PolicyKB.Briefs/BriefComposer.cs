using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// Makes a <see cref="Brief"/> from documents already chosen (in search or editor order): numbers and date,
/// routing to sections, summaries or the editor's text, source lines, and the "new since last issue" rule.
/// Pure: the same documents, request and history always give the same brief.
/// </summary>
internal sealed class BriefComposer
{
    private readonly TimeProvider _clock;
    private readonly IssuerRegistry _issuers;
    private readonly BriefData _data;

    /// <param name="data">Issuer levels and short names, the summary rules, the template of a request that names none.</param>
    public BriefComposer(TimeProvider clock, BriefData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _clock = clock;
        _data = data;
        _issuers = data.Issuers;
    }

    /// <param name="documents">The candidates in search / editor order (the request's ids first).</param>
    /// <param name="history">Briefs issued before.</param>
    /// <param name="queryMatches">For each rule query of the template, the ids its search returned.</param>
    /// <param name="warnings">Notes gathered before composing (unknown ids …), kept in the brief.</param>
    public Brief Compose(BriefRequest request, IReadOnlyList<PolicyDocument> documents,
        IReadOnlyList<IssuedBrief>? history = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? queryMatches = null,
        IReadOnlyList<string>? warnings = null)
    {
        var template = request.Template ?? _data.DefaultTemplate;
        var date = request.Date ?? DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var earlier = (history ?? []).Where(b => request.Number is null || b.Number != request.Number).ToList();
        var number = request.Number ?? (earlier.Count == 0 ? 1 : earlier.Max(b => b.Number) + 1);
        // Counting on from the last issue of the same year keeps the numbering right when the history starts mid-year.
        var issueOfYear = request.IssueOfYear
                          ?? earlier.Where(b => b.Date.Year == date.Year && b.Number < number).Select(b => b.IssueOfYear).DefaultIfEmpty(0).Max() + 1;
        var notes = new List<string>(warnings ?? []);

        var candidates = Candidates(request, documents, earlier, notes);

        var router = new SectionRouter(template, _issuers, queryMatches);
        var byKey = template.SectionsByKey();
        var keyOf = byKey.ToDictionary(s => s.Section, s => s.Key);
        var chosenSection = byKey.ToDictionary(s => s.Key, s => s.Section, StringComparer.Ordinal);
        foreach (var (id, key) in request.Placements.Where(p => !chosenSection.ContainsKey(p.Value)))
            notes.Add($"栏目“{key}”不在简报模板中，文件 {id} 仍按规则归类。");
        TemplateSection? Place(PolicyDocument doc) =>
            request.Placements.TryGetValue(doc.Id, out var key) && chosenSection.TryGetValue(key, out var section) ? section : router.Place(doc);
        var placed = candidates.Select((c, order) => (c.Doc, c.UsedIn, Order: order, Section: Place(c.Doc))).ToList();
        // The editor's order (the request's ids) wins within a section; the search's other hits follow in the template's order.
        var editorRank = request.Ids.Distinct(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var summarizer = new Summarizer(template.Summary, _data.SummaryRules, _issuers);
        var terms = QueryTerms.From(request.Search?.Query);

        IReadOnlyList<BriefItem> Items(IEnumerable<(PolicyDocument Doc, int? UsedIn, int Order, TemplateSection? Section)> docs, ItemOrder order)
        {
            var byEditor = docs.OrderBy(d => editorRank.TryGetValue(d.Doc.Id, out var rank) ? rank : int.MaxValue);
            var sorted = order == ItemOrder.Editor
                ? byEditor.ThenBy(d => d.Order)
                : byEditor.ThenBy(d => d.Doc.PublishedDate ?? DateOnly.MaxValue).ThenBy(d => d.Order);
            return sorted.Select((d, i) => Item(d.Doc, i + 1, d.UsedIn, request, date, summarizer, terms, notes)).ToList();
        }

        BriefSection? Section(TemplateSection t, int index, int level)
        {
            var children = new List<BriefSection>();
            foreach (var s in t.Sections)
                if (Section(s, children.Count, level + 1) is { } child) children.Add(child);
            var items = Items(placed.Where(p => ReferenceEquals(p.Section, t)), t.Order);
            if (items.Count == 0 && children.Count == 0) return null;
            return new BriefSection { Heading = Numbering.Heading(t.Title, index, level), Key = keyOf[t], Level = level, Items = items, Sections = children };
        }

        var sections = new List<BriefSection>();
        foreach (var t in template.Sections)
            if (Section(t, sections.Count, 1) is { } s) sections.Add(s);

        var unplaced = placed.Where(p => p.Section is null).ToList();
        if (unplaced.Count > 0) notes.Add($"{unplaced.Count} 篇文件未匹配任何栏目，列于“{template.UnclassifiedTitle}”。");
        var unclassified = unplaced.Count == 0 ? null
            : new BriefSection { Heading = template.UnclassifiedTitle, Level = 1, Items = Items(unplaced, ItemOrder.Date) };

        return new Brief
        {
            Name = template.Name,
            Subtitle = template.Subtitle,
            Organisation = template.Organisation,
            Number = number,
            IssueOfYear = issueOfYear,
            Date = date,
            Query = request.Search?.Query ?? "",
            Sections = sections,
            SectionChoices = [.. byKey.Select(s => new SectionChoice(s.Key, s.Section.Title))],
            Unclassified = unclassified,
            Warnings = notes,
        };
    }

    /// <summary>The documents to place, in input order: one per decision, without those an earlier issue carried
    /// (unless marking them, or the editor chose them by id).</summary>
    private List<(PolicyDocument Doc, int? UsedIn)> Candidates(BriefRequest request, IReadOnlyList<PolicyDocument> documents,
        IReadOnlyList<IssuedBrief> earlier, List<string> notes)
    {
        var distinct = SameDocument.Collapse(documents.DistinctBy(d => d.Id).ToList(), d => ItemTitles.Of(d, _issuers, _data.SummaryRules), out var merged);
        if (merged > 0) notes.Add($"{merged} 篇重复转载或附件文件已并入其通知。");

        var used = request.UsedDocuments == UsedDocuments.Include ? new Dictionary<string, int>() : BriefHistory.UsedIn(earlier);
        var chosen = request.Ids.ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(PolicyDocument Doc, int? UsedIn)>();
        var leftOut = 0;
        foreach (var doc in distinct)
        {
            int? usedIn = used.TryGetValue(doc.Id, out var n) ? n : null;
            if (usedIn is not null && request.UsedDocuments == UsedDocuments.LeaveOut && !chosen.Contains(doc.Id)) { leftOut++; continue; }
            candidates.Add((doc, usedIn));
        }
        if (leftOut > 0) notes.Add($"{leftOut} 篇文件已在此前各期简报中使用，未再列入。");
        return candidates;
    }

    private BriefItem Item(PolicyDocument doc, int ordinal, int? usedIn, BriefRequest request, DateOnly date, Summarizer summarizer,
        IReadOnlyList<string> terms, List<string> notes)
    {
        var edited = request.Edits.TryGetValue(doc.Id, out var text) && !string.IsNullOrWhiteSpace(text);
        var paragraphs = edited ? BriefEdits.Paragraphs(text!) : summarizer.Summarize(doc, terms, date);
        if (paragraphs.Count == 0) notes.Add($"“{doc.Title}”（{doc.Id}）没有可摘录的完整句子，请编辑补写摘要。");
        return new BriefItem
        {
            Id = doc.Id,
            Ordinal = ordinal,
            Title = ItemTitles.Of(doc, _issuers, _data.SummaryRules),
            Paragraphs = paragraphs,
            Source = new BriefSource(doc.Issuers, doc.DocumentNumber?.Normalized, doc.PublishedDate, doc.Url, SiteDisplayNames.Display(doc.Site)),
            Edited = edited,
            UsedInIssue = usedIn,
        };
    }
}
