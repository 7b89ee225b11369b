using System.Text.RegularExpressions;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// Summaries an editor would keep: the lead sentence (composed from the metadata, see <see cref="LeadSentence"/>, or a
/// news page's own first sentence), then whole sentences of the document, never cut, that carry what it decides —
/// requirements, obligations and scope (适用于 …), counts (首批在15个省 …) in one paragraph, targets (到2025年 …,
/// 比…下降…%) in the next, each in the document's order, the notice's own text before its attachments'. At most
/// <see cref="SummaryOptions.MaxParagraphs"/> paragraphs within <see cref="SummaryOptions.MaxChars"/>; sentences that
/// <see cref="SummaryRules"/> marks as boilerplate are never chosen. Ties go to the earlier sentence, so the same input
/// always gives the same summary.
/// </summary>
internal sealed partial class Summarizer
{
    private readonly SummaryOptions _options;
    private readonly SummaryRules _rules;
    private readonly LeadSentence _lead;

    /// <param name="rules">Boilerplate and lead wording.</param>
    /// <param name="issuers">Short names of issuers.</param>
    public Summarizer(SummaryOptions options, SummaryRules rules, IssuerRegistry issuers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _rules = rules;
        _lead = new LeadSentence(_rules, issuers, options.LeadDate);
    }

    // A decision names what was decided: a 《title》, 本办法 / 本行动计划 …, or 以下意见.
    [GeneratedRegex(@"(?:印发|发布|出台|制定|修订|编制|批复|提出|审议通过|公布|征求)[^。]*?(?:《|本[^。，、]{0,6}?(?:意见|方案|办法|通知|计划|规划|标准|规定|细则|指南|决定)|(?:以下|如下)意见|现予)|(?:《|本[^。，、]{0,6}?(?:意见|方案|办法|规定|计划))[^。]*?(?:印发|发布|出台|制定|修订|编制|批复|提出|审议通过|公布|征求)")]
    private static partial Regex DecisionCue();

    // A target: a dated goal or a rate (到2025年 …, 比2020年下降18%, 占比达到35%).
    [GeneratedRegex(@"(?:到|至|截至)\s*(?:20\d{2}\s*年|“?十[四五六]五”?(?:末|期间))|比[^。]{1,30}?(?:下降|降低|减少|提高|增长|提升)\s*\d|\d+(?:\.\d+)?\s*(?:%|％|个百分点)|力争")]
    private static partial Regex TargetCue();

    // Obligations and scope: who must do what, and what the document covers.
    [GeneratedRegex(@"适用于|适用范围|范围包括|应当|必须|不得|严禁|须按|负责")]
    private static partial Regex ObligationCue();

    // Counts and quantities: how many places, projects, quotas, how much.
    [GeneratedRegex(@"首批|共计|名额|\d+(?:\.\d+)?\s*(?:个|项|家|批|座|类|条|名|所|套|万|亿|吨|千瓦|公里|平方公里)(?![月日])")]
    private static partial Regex CountCue();

    [GeneratedRegex(@"要求|应当|必须|严禁|不得|鼓励|支持|推动|推进|加强|加快|建立|健全|完善|强化|提升|引导|实施|开展|优化|构建|部署|明确")]
    private static partial Regex RequirementCue();

    private sealed record Scored(Sentence Sentence, double Score, bool Decision, bool Target);

    /// <param name="asOf">The brief's date: a lead dated in the same year leaves the year out.</param>
    public IReadOnlyList<string> Summarize(PolicyDocument document, IReadOnlyList<string> queryTerms, DateOnly? asOf = null)
    {
        var sentences = Sentences.Of(document, _rules).DistinctBy(s => s.Text)
            .Where(s => _rules.BoilerplateOf(s.Text) is null).ToList();
        var own = _lead.OwnLead(document, sentences);
        var composed = own is null ? _lead.Compose(document, asOf) : null;
        var scored = sentences.Where(s => s != own)
            .Select(s => Score(s, document, queryTerms, composed is not null))
            .Where(s => s.Score > 0)
            .ToList();
        var budget = _options.MaxChars;
        var perParagraph = Math.Max(1, _options.MaxSentencesPerParagraph);

        // The lead: the composed sentence or the page's own, else the document's best statement of its decision.
        string? leadText = composed ?? own?.Text;
        if (leadText is not null && leadText.Length > budget) leadText = null;
        var notice = scored.Where(s => !s.Sentence.FromAttachment).ToList();
        if (leadText is null && (Best(notice.Where(s => s.Decision), budget) ?? Best(notice, budget)
                                 ?? Best(scored.Where(s => s.Decision), budget) ?? Best(scored, budget)) is { } best)
        {
            leadText = best.Sentence.Text;
            scored.Remove(best);
        }
        if (leadText is null) return [];
        budget -= leadText.Length;

        var requirements = new List<Scored>();
        var targets = new List<Scored>();
        // The notice's own sentences are chosen first; its attachments' only fill what room they leave.
        foreach (var s in scored.OrderBy(s => s.Sentence.FromAttachment).ThenByDescending(s => s.Score).ThenBy(s => s.Sentence.Position))
        {
            var group = s.Target ? targets : requirements;
            if (group.Count >= perParagraph || s.Sentence.Text.Length > budget) continue;
            group.Add(s);
            budget -= s.Sentence.Text.Length;
        }

        var paragraphs = new List<string> { leadText };
        // A paragraph of the notice's own text comes before one made of its attachments' only.
        paragraphs.AddRange(new[] { requirements, targets }.Where(g => g.Count > 0).OrderBy(g => g.All(s => s.Sentence.FromAttachment))
            .Select(g => string.Concat(g.OrderBy(s => s.Sentence.Position).Select(s => s.Sentence.Text))));
        // Fewer paragraphs allowed than groups found: the later groups join the last paragraph allowed.
        while (paragraphs.Count > Math.Max(1, _options.MaxParagraphs))
        {
            paragraphs[^2] += paragraphs[^1];
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        return paragraphs;
    }

    [GeneratedRegex(@"《(?<name>[^《》]+)》")]
    private static partial Regex QuotedName();

    /// <summary>The names a sentence uses for this document: the 《》 names in its title, else the title itself.</summary>
    private static IEnumerable<string> TitleNames(PolicyDocument document)
    {
        var names = QuotedName().Matches(document.Title).Select(m => m.Groups["name"].Value).ToList();
        return names.Count > 0 ? names : [document.Title.Trim()];
    }

    private static Scored? Best(IEnumerable<Scored> candidates, int budget) =>
        candidates.Where(s => s.Sentence.Text.Length <= budget)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Sentence.Position).FirstOrDefault();

    /// <param name="leadComposed">True when the lead already states the decision: a sentence restating it adds little.</param>
    private static Scored Score(Sentence s, PolicyDocument document, IReadOnlyList<string> queryTerms, bool leadComposed)
    {
        var text = s.Text;
        var decision = DecisionCue().IsMatch(text);
        var target = TargetCue().IsMatch(text);
        var aboutThis = TitleNames(document).Any(n => text.Contains(n, StringComparison.Ordinal));  // not one it cites
        var score = 1.0
            + 3.0 / (1 + s.Paragraph) + 1.5 / (1 + s.Position / 3.0)   // the opening states what the document is
            + (decision ? (leadComposed ? (aboutThis ? -3.0 : -1.0) : 2.5) : 0)
            + (target ? 3.0 : 0)
            + (ObligationCue().IsMatch(text) ? 2.5 : 0)
            + (CountCue().IsMatch(text) ? 2.5 : 0)
            + Math.Min(2.0, 0.5 * RequirementCue().Count(text))
            + 3.0 * queryTerms.Count(t => text.Contains(t, StringComparison.OrdinalIgnoreCase))
            + 1.0 * document.Themes.Count(t => text.Contains(t, StringComparison.Ordinal))
            + (text.Contains('《') ? 0.5 : 0)
            + (aboutThis && !leadComposed ? 2.5 : 0)
            - (s.FromAttachment ? 3.0 : 0);   // a notice's own text first
        if (text.Length < 20) score -= 2;
        if (text.Length > 160) score -= 1.5;
        return new Scored(s, Math.Max(0.01, score), decision, target && !decision);
    }
}

/// <summary>The words of a query that a summary should favour: quoted phrases and plain words, without operators or field names.</summary>
internal static partial class QueryTerms
{
    [GeneratedRegex(@"""(?<t>[^""]+)""|(?:\w+:)?(?<t>[\p{L}\p{N}][\p{L}\p{N}\-]*)")]
    private static partial Regex Term();

    private static readonly HashSet<string> Operators = new(["AND", "OR", "NOT", "TO"], StringComparer.Ordinal);

    public static IReadOnlyList<string> From(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        return Term().Matches(query).Select(m => m.Groups["t"].Value.Trim())
            .Where(t => t.Length >= 2 && !Operators.Contains(t))
            .Distinct(StringComparer.Ordinal).ToList();
    }
}
