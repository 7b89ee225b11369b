using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// Extractive summaries: whole sentences of the document, never cut, at most <see cref="SummaryOptions.MaxParagraphs"/>
/// paragraphs within <see cref="SummaryOptions.MaxChars"/>. The first paragraph is the sentence that states the
/// decision (印发 / 发布 / 提出 …), then the main requirements, then the quantitative targets (到2025年 …), each in the
/// document's order. Sentences are scored by position, cue phrases, the query's terms and the document's themes;
/// ties go to the earlier sentence, so the same input always gives the same summary.
/// </summary>
public sealed partial class Summarizer(SummaryOptions options)
{
    // A decision names what was decided: a 《title》, 本办法 / 本行动计划 …, or 以下意见.
    [GeneratedRegex(@"(?:印发|发布|出台|制定|修订|编制|批复|提出|审议通过|公布|征求)[^。]*?(?:《|本[^。，、]{0,6}?(?:意见|方案|办法|通知|计划|规划|标准|规定|细则|指南|决定)|(?:以下|如下)意见|现予)|(?:《|本[^。，、]{0,6}?(?:意见|方案|办法|规定|计划))[^。]*?(?:印发|发布|出台|制定|修订|编制|批复|提出|审议通过|公布|征求)")]
    private static partial Regex DecisionCue();

    [GeneratedRegex(@"(?:到|至|截至)\s*(?:20\d{2}\s*年|“?十[四五六]五”?(?:末|期间))|\d+(?:\.\d+)?\s*(?:%|％|万|亿|吨|千瓦|公里|平方公里|个百分点)|力争|主要目标|达到")]
    private static partial Regex TargetCue();

    [GeneratedRegex(@"要求|应当|必须|严禁|不得|鼓励|支持|推动|推进|加强|加快|建立|健全|完善|强化|提升|引导|实施|开展|优化|构建|部署|明确")]
    private static partial Regex RequirementCue();

    [GeneratedRegex(@"请认真|贯彻执行|遵照执行|贯彻落实。|特此通知|特此公告|联系人|联系电话|电话|传真|邮箱|附件[:：]|此件|抄送|负责解释|自.{0,12}起施行|印发给你们|现予公布|予以公布")]
    private static partial Regex Boilerplate();

    private sealed record Scored(Sentence Sentence, double Score, bool Decision, bool Target);

    public IReadOnlyList<string> Summarize(PolicyDocument document, IReadOnlyList<string> queryTerms)
    {
        var scored = Sentences.Of(document)
            .DistinctBy(s => s.Text)
            .Select(s => Score(s, document, queryTerms))
            .Where(s => s.Score > 0)
            .ToList();
        var budget = options.MaxChars;
        var perParagraph = Math.Max(1, options.MaxSentencesPerParagraph);

        var lead = Best(scored.Where(s => s.Decision), budget) ?? Best(scored, budget);
        if (lead is null) return [];
        budget -= lead.Sentence.Text.Length;

        var requirements = new List<Scored>();
        var targets = new List<Scored>();
        foreach (var s in scored.Where(s => s != lead).OrderByDescending(s => s.Score).ThenBy(s => s.Sentence.Position))
        {
            var group = s.Target ? targets : requirements;
            if (group.Count >= perParagraph || s.Sentence.Text.Length > budget) continue;
            group.Add(s);
            budget -= s.Sentence.Text.Length;
        }

        var paragraphs = new List<List<Scored>> { new() { lead }, requirements, targets }.Where(g => g.Count > 0).ToList();
        // Fewer paragraphs allowed than groups found: the later groups join the last paragraph allowed.
        while (paragraphs.Count > Math.Max(1, options.MaxParagraphs))
        {
            paragraphs[^2].AddRange(paragraphs[^1]);
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        return paragraphs
            .Select(g => string.Concat(g.OrderBy(s => s == lead ? -1 : s.Sentence.Position).Select(s => s.Sentence.Text)))
            .ToList();
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

    private static Scored Score(Sentence s, PolicyDocument document, IReadOnlyList<string> queryTerms)
    {
        var text = s.Text;
        if (Boilerplate().IsMatch(text)) return new Scored(s, 0, false, false);
        var decision = DecisionCue().IsMatch(text);
        var target = TargetCue().IsMatch(text);
        var score = 1.0
            + 3.0 / (1 + s.Paragraph) + 1.5 / (1 + s.Position / 3.0)   // the opening states what the document is
            + (decision ? 2.5 : 0)
            + (target ? 2.5 : 0)
            + Math.Min(2.0, 0.5 * RequirementCue().Matches(text).Count)
            + 3.0 * queryTerms.Count(t => text.Contains(t, StringComparison.OrdinalIgnoreCase))
            + 1.0 * document.Themes.Count(t => text.Contains(t, StringComparison.Ordinal))
            + (text.Contains('《') ? 0.5 : 0)
            + (TitleNames(document).Any(n => text.Contains(n, StringComparison.Ordinal)) ? 2.5 : 0);  // about this document, not one it cites
        if (text.Length < 20) score -= 2;
        if (text.Length > 160) score -= 1.5;
        return new Scored(s, Math.Max(0.01, score), decision, target && !decision);
    }
}

/// <summary>The words of a query that a summary should favour: quoted phrases and plain words, without operators or field names.</summary>
public static partial class QueryTerms
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
