using System.Text.RegularExpressions;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// The first sentence of a summary in the bulletin's register, composed from the metadata: "2023年10月11日，国务院印发
/// 《关于推进普惠金融高质量发展的实施意见》（以下简称《实施意见》）。" — the date the template names (近日 when only the
/// other date is known), the issuers by their short names (A、B、C等三部门联合 for joint documents), the verb of the
/// title or of the 公文种类, the document in 《》, and the short name the body uses for it. A news page (no 文号, no
/// 公文种类) keeps its own first sentence when that already says who did what.
/// </summary>
internal sealed partial class LeadSentence(SummaryRules rules, IssuerRegistry registry, LeadDate leadDate)
{
    private const string OfficeSuffix = "办公厅";
    /// <summary>The 公文种类 under which the rules give the verb for rules issued by an order (部令): whatever the title's type.</summary>
    private const string OrderType = "令";

    // What a news page's first sentence does when it reports a decision or an event.
    [GeneratedRegex(@"印发|发布|出台|公布|批复|召开|举行|举办|启动|签署|审议通过|部署|开展")]
    private static partial Regex NewsAct();

    [GeneratedRegex(@"^（以下简称[“《「](?<name>[^”》」]{1,12})[”》」]）")]
    private static partial Regex DeclaredShortName();

    [GeneratedRegex(@"等[一二三四五六七八九十\d]+(?:个)?(?:部门|单位)$")]
    private static partial Regex GroupInTitle();

    [GeneratedRegex(@"^(?<who>.+?)(?=关于)")]
    private static partial Regex TitleIssuers();

    private readonly Lazy<string[]> _issuerNames = new(() => registry.Issuers
        .SelectMany(i => new[] { i.Name, i.ShortName }.Concat(i.Aliases)).Where(n => n.Length >= 2).Distinct().ToArray());

    /// <summary>A news page's own first sentence when it names an issuer and what was done; else null.</summary>
    public Sentence? OwnLead(PolicyDocument doc, IReadOnlyList<Sentence> sentences)
    {
        if (doc.DocumentNumber is not null || doc.DocumentType is not null) return null;
        var first = sentences.FirstOrDefault(s => !s.FromAttachment);
        if (first is null || rules.BoilerplateOf(first.Text) is not null) return null;
        // The subject stands at the start of the sentence: an issuer named further on is an object, not the doer.
        var opening = first.Text[..Math.Min(first.Text.Length, 30)];
        var namesIssuer = doc.Issuers.Select(ShortName).Concat(_issuerNames.Value).Any(n => opening.Contains(n, StringComparison.Ordinal));
        return namesIssuer && NewsAct().IsMatch(first.Text) ? first : null;
    }

    /// <summary>The composed lead, or null for a page that is no 公文 or names no issuer (the summary then opens with the
    /// document's own words).</summary>
    public string? Compose(PolicyDocument doc, DateOnly? asOf)
    {
        var act = ItemTitles.ActOf(doc, rules);
        // A news headline (生态环境部发布《X》) is no document title to quote: only 公文 get a composed lead.
        if (act is null && doc.DocumentNumber is null && doc.DocumentType is null) return null;
        var who = Who(doc, act?.WhoInTitle);
        if (who is null) return null;
        var what = act?.Act ?? $"{rules.VerbFor(IsOrder(doc) ? OrderType : doc.DocumentType)}《{TitleWithoutIssuers(doc.Title.Trim())}》";
        var date = When(doc, asOf);
        var shortName = ShortNameInBody(doc, what);
        return $"{(date is null ? "" : date + "，")}{who}{what}{(shortName is null ? "" : $"（以下简称《{shortName}》）")}。";
    }

    /// <summary>"国务院", "国家发展改革委、国家能源局联合", "工业和信息化部、中央网信办、…等六部门联合".</summary>
    private string? Who(PolicyDocument doc, string? whoInTitle)
    {
        // A title's "工业和信息化部等六部门" says more than the one name it spells out.
        if (doc.Issuers.Count == 0 && whoInTitle is not null && GroupInTitle().IsMatch(whoInTitle)) return whoInTitle.Trim() + "联合";
        var issuers = doc.Issuers.Count > 0 ? doc.Issuers : registry.IssuersOf(doc);
        if (issuers.Count == 0) issuers = TextIssuers(doc);
        var names = issuers.Select(ShortName).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return string.IsNullOrWhiteSpace(whoInTitle) ? null : whoInTitle.Trim();
        return names.Count switch
        {
            1 => names[0],
            2 => $"{names[0]}、{names[1]}联合",
            _ => $"{string.Join("、", names)}等{Numbering.Chinese(names.Count)}部门联合",
        };
    }

    // A date as a signature ends with it (not one a sentence goes on from: 3月22日起, 3月22日发布了).
    [GeneratedRegex(@"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!起|前|后|至|以来|到|发布|印发|召开|举行)")]
    private static partial Regex SigningDate();

    /// <summary>Flat text without metadata: the masthead's names, else the first signature's (the longest run of known
    /// issuers right before a date), when every name is a known issuer.</summary>
    private IReadOnlyList<string> TextIssuers(PolicyDocument doc)
    {
        var text = Sentences.OpenedBody(doc, rules, out var masthead);
        if (masthead is not null && AllKnown(masthead) is { } named) return named;
        foreach (Match m in SigningDate().Matches(text))
        {
            // The names run together before the date, back to the last sentence mark.
            var from = Math.Max(0, m.Index - 200);
            var pre = text[from..m.Index].TrimEnd();
            var mark = pre.LastIndexOfAny(['。', '！', '？']);
            if (mark >= 0) pre = pre[(mark + 1)..];
            // Most dates in a text follow no issuer: look closer only where a known name ends right before the date.
            if (!_issuerNames.Value.Any(n => pre.EndsWith(n, StringComparison.Ordinal) || pre.EndsWith(n + OfficeSuffix, StringComparison.Ordinal))) continue;
            // A signature's names fit in 160 characters (17 joint issuers take about 120).
            for (var start = Math.Max(0, pre.Length - 160); start <= pre.Length - 2; start++)
                if (AllKnown(pre[start..]) is { } signed) return signed;
        }
        return [];
    }

    private IReadOnlyList<string>? AllKnown(string names) =>
        registry.Split(names) is { Count: > 0 } split && split.All(registry.IsKnown) ? split : null;

    private string ShortName(string issuer)
    {
        if (registry.Find(issuer) is { } known) return known.ShortName;
        // A ministry's 办公厅 (known by rule, not by name) issues for the ministry.
        if (rules.MinistryForItsOffice && issuer.EndsWith(OfficeSuffix, StringComparison.Ordinal)
            && registry.Find(issuer[..^OfficeSuffix.Length]) is { Level: IssuerLevel.Ministry } ministry)
            return ministry.ShortName;
        return issuer;
    }

    /// <summary>A regulation issued by an order (生态环境部 市场监管总局令第31号) is published, not 印发-ed, whatever its title's type.</summary>
    private static bool IsOrder(PolicyDocument doc) =>
        doc.DocumentNumber is { Year: 0 } n && n.IssuerCode.EndsWith(OrderType, StringComparison.Ordinal);

    /// <summary>"国家发展改革委 国家能源局关于…的指导意见" → "关于…的指导意见", when all before 关于 are issuers.</summary>
    private string TitleWithoutIssuers(string title)
    {
        var m = TitleIssuers().Match(title);
        return m.Success && registry.Split(m.Groups["who"].Value) is { Count: > 0 } names && names.All(registry.IsKnown)
            ? title[m.Length..] : title;
    }

    /// <summary>The template's date as the bulletin writes it (the year only when it is not the brief's), 近日 when only
    /// the other date is known, null when neither is.</summary>
    private string? When(PolicyDocument doc, DateOnly? asOf)
    {
        var (chosen, other) = leadDate == LeadDate.Written ? (doc.WrittenDate, doc.PublishedDate) : (doc.PublishedDate, doc.WrittenDate);
        if (chosen is not { } d) return other is null ? null : "近日";
        return asOf?.Year == d.Year ? $"{d.Month}月{d.Day}日" : $"{d.Year}年{d.Month}月{d.Day}日";
    }

    /// <summary>The short name the body gives the document: one it declares right after the name (《X》（以下简称《Y》）),
    /// else the longest ending of the name that the body quotes as 《Y》 (《实施意见》 for 《关于…的实施意见》).</summary>
    private static string? ShortNameInBody(PolicyDocument doc, string act)
    {
        var open = act.IndexOf('《');
        var close = act.IndexOf('》');
        if (open < 0 || close < open) return null;
        var name = act[(open + 1)..close];
        var text = string.Concat(doc.Body.Select(b => b.Text)) + string.Concat(doc.Attachments.Select(a => a.Text));
        var named = text.IndexOf($"《{name}》", StringComparison.Ordinal);
        if (named >= 0 && DeclaredShortName().Match(text[(named + name.Length + 2)..]) is { Success: true } declared)
            return declared.Groups["name"].Value;
        for (var length = Math.Min(name.Length - 1, 12); length >= 2; length--)
            if (text.Contains($"《{name[^length..]}》", StringComparison.Ordinal)) return name[^length..];
        return null;
    }
}
