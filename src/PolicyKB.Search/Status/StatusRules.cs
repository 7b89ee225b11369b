using System.Text.RegularExpressions;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Status;

/// <summary>
/// Decides a document's <see cref="DocumentStatus"/> from the texts: its own words (施行, 有效期, 征求意见稿) and
/// the sentences of other documents that name it (同时废止, 作如下修改). Pure: the caller supplies the documents
/// that may change it (those citing it, and a draft's possible final texts) and the clock.
/// Order: 已废止, 已修订, 征求意见稿, 已失效, 现行有效, else 未知.
/// </summary>
internal sealed partial class StatusRules(TimeProvider clock, StatusPhrases phrases)
{
    /// <summary>Policy dates are days in China: 有效期至2025年12月31日 ends at midnight Beijing time.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    // Structural patterns (a quoted title, the 文号 after it, sentence and clause ends) stay here; the phrases are data.
    [GeneratedRegex(@"《(?<t>[^《》]{2,120})》")] private static partial Regex QuotedTitle();
    [GeneratedRegex(@"^\s*[（(](?<n>[^（）()]{2,40})[）)]")] private static partial Regex FollowingNumber();
    [GeneratedRegex(@"[。！？!?\n]+")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"[，,；;：:]")] private static partial Regex ClauseEnd();

    // The phrases, from data/status-rules.json (StatusPhrases): a clause that repeals or revises what it names (plans
    // such as 加快修订 do not count), a document's own words (施行, 印发, 有效期) and a draft's markers.
    private Regex RepealVerb() => phrases["repeal"];
    private Regex ReviseVerb() => phrases["revise"];
    private Regex Plan() => phrases["plan"];
    private Regex FromDate() => phrases["fromDate"];
    private Regex OwnEffect() => phrases["ownEffect"];
    private Regex Issued() => phrases["issued"];
    private Regex IssuingTitle() => phrases["issuingTitle"];
    private Regex PrintLine() => phrases["printLine"];
    private Regex ValidUntil() => phrases["validUntil"];
    private Regex ValidYears() => phrases["validYears"];
    private Regex OwnValidity() => phrases["ownValidity"];
    private Regex WrappedDraft() => phrases["wrappedDraft"];
    private Regex QuotedThenMarker() => phrases["quotedThenMarker"];
    private Regex DraftMarker() => phrases["draftMarker"];
    private Regex AsksForComments() => phrases["asksForComments"];

    /// <summary>
    /// Runs a reading of a text (the <paramref name="kind"/> <paramref name="name"/>) by the phrases, which come from a
    /// file the user edits and so run under a time limit, read again once (<see cref="TextPatterns.ReadTwice"/>); a
    /// pattern too slow for this text refuses the document, naming the pattern.
    /// </summary>
    private T Guarded<T>(string kind, string name, Func<T> read) => TextPatterns.ReadTwice(read, e =>
    {
        var pattern = phrases.NameOf(e.Pattern) is { } n ? $"'{n}'" : $"“{e.Pattern}”";
        return new DocumentRejectedException(
            $"状态规则 {pattern}（data/{StatusPhrases.DefaultFile}）在{kind}“{name}”上两次超过 {e.MatchTimeout.TotalSeconds:0.#} 秒的时限：请简化该模式（嵌套的重复最易失控）。", e);
    });

    /// <summary>Today in China, by the injected clock.</summary>
    public DateOnly Today => ChinaToday(clock);

    /// <summary>Today in China by <paramref name="clock"/>; needs no phrases (a search resolves stored 效力 values with it).</summary>
    public static DateOnly ChinaToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    /// <summary>The status of <paramref name="document"/>, given the other documents that may change it (any order; unrelated ones are ignored).</summary>
    public DocumentStatus Decide(PolicyDocument document, IEnumerable<PolicyDocument> others) => Guarded("文件", document.Id, () => DecideNow(document, others));

    private DocumentStatus DecideNow(PolicyDocument document, IEnumerable<PolicyDocument> others)
    {
        var candidates = others.Where(o => o.Id != document.Id).DistinctBy(o => o.Id).OrderBy(o => DateOf(o) ?? DateOnly.MaxValue).ToList();
        // A draft's sentences are proposals: a draft repeals or revises nothing.
        var acts = candidates.Where(o => DraftSubject(o) is null && !Earlier(o, document)).ToList();
        return Changed(document, acts, RepealVerb(), StatusStates.Repealed)
            ?? Changed(document, acts, ReviseVerb(), StatusStates.Revised)
            ?? Draft(document, candidates)
            ?? Validity(document)
            ?? InForce(document)
            ?? DocumentStatus.Unknown;
    }

    /// <summary>
    /// The 文号 (normalised) and title keys a document names in a clause that repeals or revises (none for a draft): the
    /// documents whose status it may change, which the ingest asks the index to revisit.
    /// </summary>
    public NamedActs NamedInActs(PolicyDocument document) => Guarded("文件", document.Id, () => NamedInActsNow(document));

    private NamedActs NamedInActsNow(PolicyDocument document)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        if (DraftSubject(document) is not null) return new(numbers, titles);
        foreach (var clause in Sentences(document.Title + "\n" + document.BodyText).SelectMany(Clauses))
        {
            if (!(RepealVerb().IsMatch(clause) || ReviseVerb().IsMatch(clause)) || Plan().IsMatch(clause)) continue;
            foreach (var n in DocumentNumber.FindAll(clause)) numbers.Add(n.Normalized);
            foreach (Match m in QuotedTitle().Matches(clause)) titles.Add(DocumentKeys.TitleKey(m.Groups["t"].Value));
        }
        if (document.DocumentNumber?.Normalized is { } own) numbers.Remove(own);
        titles.Remove("");
        return new(numbers, titles);
    }

    /// <summary>What a draft asks comments on (《Y（征求意见稿）》 → Y), or null when the document is no draft.</summary>
    public string? DraftSubject(PolicyDocument document) => Guarded("文件", document.Id, () => DraftSubjectNow(document));

    private string? DraftSubjectNow(PolicyDocument document)
    {
        if (WrappedDraft().Match(document.Title) is { Success: true } wrapped) return wrapped.Groups["y"].Value.Trim();
        if (QuotedThenMarker().Match(document.Title) is { Success: true } quoted) return quoted.Groups["y"].Value.Trim();
        if (document.Title.Contains("征求意见稿", StringComparison.Ordinal)) return DraftMarker().Replace(document.Title, "").Trim();
        if (AsksForComments().IsMatch(document.Title) && WrappedDraft().Match(document.BodyText) is { Success: true } inBody)
            return inBody.Groups["y"].Value.Trim();
        return null;
    }

    private DocumentStatus? Changed(PolicyDocument document, IReadOnlyList<PolicyDocument> acts, Regex verb, string state)
    {
        var names = TitleKeys(document.Title);
        var found = new List<(PolicyDocument By, string Sentence, DateOnly? Since)>();
        foreach (var act in acts)
        {
            var sentence = Sentences(act.Title + "\n" + act.BodyText)
                .FirstOrDefault(s => Clauses(s).Any(c => verb.IsMatch(c) && !Plan().IsMatch(c) && Names(c, document, names)));
            if (sentence is not null) found.Add((act, sentence, SinceOf(sentence) ?? DateOf(act)));
        }
        if (found.Count == 0) return null;
        var first = found.MinBy(f => f.Since ?? DateOnly.MaxValue);
        return new DocumentStatus(state, first.Since, found.Select(f => Source(f.By)).ToList(), first.Sentence);
    }

    private DocumentStatus? Draft(PolicyDocument document, IReadOnlyList<PolicyDocument> candidates)
    {
        if (DraftSubject(document) is not { } subject) return null;
        var key = DocumentKeys.TitleKey(subject);
        var finals = candidates
            .Where(o => DraftSubject(o) is null && DateOf(o) > DateOf(document)
                        && (DocumentKeys.TitleKey(o.Title) == key || (IssuingTitle().IsMatch(o.Title) && TitleKeys(o.Title).Contains(key))))
            .Select(Source).ToList();
        var evidence = document.Title.Contains("征求意见稿", StringComparison.Ordinal)
            ? document.Title
            : Sentences(document.BodyText).First(s => WrappedDraft().IsMatch(s));
        return new DocumentStatus(StatusStates.Draft, DateOf(document), finals, evidence);
    }

    /// <summary>已失效 after the last day of a 有效期 the document gives itself; 现行有效 until then.</summary>
    private DocumentStatus? Validity(PolicyDocument document)
    {
        foreach (var sentence in Sentences(document.BodyText))
        {
            if (!sentence.Contains("有效期", StringComparison.Ordinal) || !OwnValidity().IsMatch(sentence)) continue;
            DateOnly? start = SinceOf(sentence) ?? DateOf(document);
            DateOnly? end = null;
            if (ValidUntil().Match(sentence) is { Success: true } until) end = DateIn(until);
            else if (ValidYears().Match(sentence) is { Success: true } years && start is { } s) end = s.AddYears(Numeral(years.Groups["n"].Value)).AddDays(-1);
            if (end is not { } last) continue;
            return Today > last
                ? new DocumentStatus(StatusStates.Expired, last.AddDays(1), [], sentence) { Until = last }
                : new DocumentStatus(StatusStates.InForce, start, [], sentence) { Until = last };
        }
        return null;
    }

    private DocumentStatus? InForce(PolicyDocument document)
    {
        var sentences = Sentences(document.BodyText).ToList();
        var own = sentences.FirstOrDefault(s => Clauses(s).Any(c => OwnEffect().IsMatch(c)))
                  ?? sentences.FirstOrDefault(s => Issued().IsMatch(s));
        if (own is not null) return new DocumentStatus(StatusStates.InForce, SinceOf(own) ?? DateOf(document), [], own);
        if (IssuingTitle().IsMatch(document.Title)) return new DocumentStatus(StatusStates.InForce, DateOf(document), [], document.Title);
        foreach (var sentence in sentences)
            if (Clauses(sentence).Select(c => PrintLine().Match(c)).FirstOrDefault(m => m.Success) is { } printed)
                return new DocumentStatus(StatusStates.InForce, DateIn(printed), [], sentence);
        return null;
    }

    /// <summary>
    /// Whether a clause names the document: by its 文号 first; else by 《title》, unless the 文号 written after
    /// that title is another one (a later text of the same name).
    /// </summary>
    private static bool Names(string clause, PolicyDocument document, IReadOnlySet<string> titleKeys)
    {
        var own = document.DocumentNumber?.Normalized;
        if (own is not null && DocumentNumber.FindAll(clause).Any(n => n.Normalized == own)) return true;
        foreach (Match m in QuotedTitle().Matches(clause))
        {
            if (!titleKeys.Contains(DocumentKeys.TitleKey(m.Groups["t"].Value))) continue;
            var written = FollowingNumber().Match(clause[(m.Index + m.Length)..]);
            if (own is not null && written.Success && DocumentNumber.Parse(written.Groups["n"].Value) is { } other && other.Normalized != own) continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The keys a text may name a document by: its title, and for a notice that issues 《Y》 (关于印发《Y》的通知) also Y,
    /// since later texts repeal the issued text by its own name.
    /// </summary>
    public IReadOnlySet<string> TitleKeys(string title) => Guarded("标题", title, () => TitleKeysNow(title));

    private HashSet<string> TitleKeysNow(string title)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { DocumentKeys.TitleKey(title) };
        if (IssuingTitle().IsMatch(title))
            foreach (Match m in QuotedTitle().Matches(title)) keys.Add(DocumentKeys.TitleKey(m.Groups["t"].Value));
        keys.Remove("");
        return keys;
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(DocumentNumber.FoldDigits(text)).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static IEnumerable<string> Clauses(string sentence) => ClauseEnd().Split(sentence).Select(c => c.Trim());

    private DateOnly? SinceOf(string sentence) => FromDate().Match(sentence) is { Success: true } m ? DateIn(m) : null;

    private static DateOnly? DateIn(Match m)
    {
        var (y, mo, d) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>A count of years as written: 5, 五, 十, 十二.</summary>
    private static int Numeral(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "零一二三四五六七八九";
        int Digit(char c) => c == '两' ? 2 : digits.IndexOf(c);
        var ten = text.IndexOf('十');
        if (ten < 0) return Digit(text[0]);
        var tens = ten == 0 ? 1 : Digit(text[0]);
        return tens * 10 + (ten + 1 < text.Length ? Digit(text[ten + 1]) : 0);
    }

    private static DateOnly? DateOf(PolicyDocument d) => d.PublishedDate ?? d.WrittenDate;

    /// <summary>An act dated before the document cannot change it; an undated one may (its sentence names the document).</summary>
    private static bool Earlier(PolicyDocument act, PolicyDocument document) => DateOf(act) < DateOf(document);

    private static StatusSource Source(PolicyDocument d) => new(d.Id, d.Title, DateOf(d));
}

/// <summary>The 文号 (normalised) and title keys a document names in clauses that repeal or revise (<see cref="StatusRules.NamedInActs"/>).</summary>
internal sealed record NamedActs(IReadOnlySet<string> Numbers, IReadOnlySet<string> TitleKeys);

/// <summary>What the status phrases read in one text: what it repeals or revises, and the 效力 value its own words give.</summary>
internal sealed record StatusReading(NamedActs Acts, string OwnValue);
