using System.Text;
using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Highlighting;

/// <summary>
/// Marks query matches in stored text. Matches are found in the folded text (width, case) exactly as the recall
/// fields match, so what is marked is what matched; overlapping or touching matches become one run
/// (碳达峰, not 碳达+峰). Text is HTML-escaped before &lt;mark&gt; tags are added.
/// </summary>
internal static class SnippetHighlighter
{
    public const int PassageLength = 120;
    private const string Ellipsis = "…";

    /// <summary>The whole text, escaped, with every match marked.</summary>
    public static string Mark(string text, IReadOnlyList<string> marks) =>
        Render(text, 0, text.Length, Matches(text, marks));

    /// <summary>Match runs [start, end), sorted, overlapping and touching runs merged.</summary>
    public static List<(int Start, int End)> Matches(string text, IReadOnlyList<string> marks) => MatchesInFolded(TextFold.Fold(text), marks);

    /// <summary>
    /// Up to <paramref name="max"/> passages of about <see cref="PassageLength"/> characters, cut at sentence ends,
    /// chosen by how many different marks and how many matches they hold (earlier passages preferred on ties),
    /// returned in text order. Without any match: the lead, the text's first sentences after its addressees or
    /// salutation. The <paramref name="title"/> is shown, marked, above the snippets, so a snippet never repeats it:
    /// a text that opens with it (after a masthead and 文号, as MEE texts run them together) is read from after it,
    /// and a passage that only repeats it is never chosen.
    /// </summary>
    public static IReadOnlyList<string> Snippets(string text, IReadOnlyList<string> marks, int max = 3, string? title = null)
    {
        if (string.IsNullOrWhiteSpace(text) || max <= 0) return [];
        var (folded, sentenceEnds, own, lead) = Prepare(text, title);
        return Snippets(new SnippetSource(text, folded, sentenceEnds, own, lead), marks, max, title);
    }

    /// <summary>
    /// What a text's snippets need that no query changes, worked out once when it is indexed: the fold, where sentences
    /// close, where its own words start after the <paramref name="title"/> and where its lead starts.
    /// </summary>
    public static (string Folded, int[] SentenceEnds, int Own, int Lead) Prepare(string text, string? title)
    {
        var folded = TextFold.Fold(text);
        var own = OwnTextStart(folded, string.IsNullOrWhiteSpace(title) ? null : TextFold.Fold(title));
        var ends = new List<int>();
        // Folding keeps sentence ends and white space as they are (！ becomes !, both ends), so the fold serves for both.
        for (var i = 0; i < folded.Length; i++)
            if (IsSentenceEnd(folded[i]) || i == folded.Length - 1) ends.Add(i);
        return (folded, ends.ToArray(), own, LeadStart(folded, own));
    }

    /// <summary>
    /// <see cref="Snippets(string, IReadOnlyList{string}, int, string?)"/> of a prepared text (the <paramref name="title"/>
    /// it was prepared with): the marks are searched in the fold, passages are built from the sentence ends, and the
    /// text itself is read only where a passage is shown.
    /// </summary>
    public static IReadOnlyList<string> Snippets(SnippetSource source, IReadOnlyList<string> marks, int max = 3, string? title = null)
    {
        var text = source.Text;
        var folded = source.Folded;
        if (text.IsWhiteSpace() || max <= 0) return [];
        var foldedTitle = string.IsNullOrWhiteSpace(title) ? null : TextFold.Fold(title);
        var matches = MatchesInFolded(folded, marks);
        var passages = Passages(folded, source.SentenceEnds, matches, source.Own);
        if (foldedTitle is not null && passages.Count > 1)
        {
            var notTitle = new List<(int Start, int End)>(passages.Count);
            foreach (var p in passages)
                if (!foldedTitle.AsSpan().Contains(folded.Slice(p.Start, p.End - p.Start).Trim(), StringComparison.Ordinal)) notTitle.Add(p);
            if (notTitle.Count > 0) passages = notTitle;
        }
        var best = Scored(folded, passages, matches, marks)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(max).OrderBy(x => x.Passage.Start)
            .Select(x => x.Passage).ToList();
        var lead = -1;
        if (best.Count == 0)
        {
            lead = source.Lead;
            if (Passages(folded, source.SentenceEnds, matches, lead) is [var first, ..]) best.Add(first);
            else if (passages.Count > 0) best.Add(passages[0]);
        }
        // A passage opening where the title or the addressees were cut away starts the text's own words: no ellipsis.
        var snippets = new List<string>(best.Count);
        foreach (var p in best)
            snippets.Add((p.Start > 0 && p.Start != source.Own && p.Start != lead && !IsSentenceEnd(text[p.Start - 1]) ? Ellipsis : "")
                + Render(text, p.Start, p.End, matches)
                + (p.End < text.Length && !IsSentenceEnd(text[p.End - 1]) ? Ellipsis : ""));
        return snippets;
    }

    /// <summary>How far into the opening the title may stand after a masthead and 文号 run into it.</summary>
    private const int MastheadLength = 400;

    /// <summary>
    /// Where the text's own words start: after the title when the text opens with it, with nothing before it but a
    /// masthead (no sentence end, not inside 《》, where a sentence names it); else 0.
    /// </summary>
    private static int OwnTextStart(string folded, string? foldedTitle)
    {
        if (foldedTitle is null) return 0;
        var at = folded.AsSpan(0, Math.Min(folded.Length, MastheadLength + foldedTitle.Length)).IndexOf(foldedTitle, StringComparison.Ordinal);
        if (at < 0 || (at > 0 && folded[at - 1] == '《') || folded.AsSpan(0, at).IndexOfAny(SentenceEnds) >= 0) return 0;
        var own = at + foldedTitle.Length;
        while (own < folded.Length && char.IsWhiteSpace(folded[own])) own++;
        return own < folded.Length ? own : 0;
    }

    /// <summary>The longest addressee list or salutation skipped before the lead.</summary>
    private const int AddresseesLength = 200;

    /// <summary>
    /// Where the lead starts: after the addressees or the salutation (各省、自治区…：, 王明代表：), the words before the
    /// first colon when no sentence ends before it; a purpose sentence that ends at a colon (为…，现将有关事项通知如下：)
    /// names things (的) or announces (如下) and is the lead itself.
    /// </summary>
    private static int LeadStart(string folded, int from)
    {
        var rest = folded.AsSpan(from);
        var colon = rest.IndexOfAny('：', ':');
        if (colon <= 0 || colon > AddresseesLength) return from;
        var before = rest[..colon];
        if (before.IndexOfAny(SentenceEnds) >= 0 || before.Contains('的') || before.TrimEnd().EndsWith("如下", StringComparison.Ordinal)) return from;
        var lead = from + colon + 1;
        while (lead < folded.Length && char.IsWhiteSpace(folded[lead])) lead++;
        return lead < folded.Length ? lead : from;
    }

    private static List<(int Start, int End)> MatchesInFolded(ReadOnlySpan<char> folded, IReadOnlyList<string> marks)
    {
        var found = new List<(int Start, int End)>();
        foreach (var mark in marks)
        {
            if (mark.Length == 0) continue;
            for (var at = 0; at < folded.Length;)
            {
                var i = folded[at..].IndexOf(mark, StringComparison.Ordinal);
                if (i < 0) break;
                found.Add((at + i, at + i + mark.Length));
                at += i + 1;
            }
        }
        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var m in found)
        {
            if (merged.Count > 0 && m.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, m.End));
            else merged.Add(m);
        }
        return merged;
    }

    /// <summary>
    /// The passages holding a match, scored by how many different marks and how many matches they hold. Passages and
    /// matches are both in text order, so one walk through the matches serves every passage.
    /// </summary>
    private static List<(int Index, (int Start, int End) Passage, double Score)> Scored(
        ReadOnlySpan<char> folded, List<(int Start, int End)> passages, List<(int Start, int End)> matches, IReadOnlyList<string> marks)
    {
        var scored = new List<(int, (int, int), double)>();
        var first = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            while (first < matches.Count && matches[first].Start < p.Start) first++;
            var inside = 0;
            for (var k = first; k < matches.Count && matches[k].Start < p.End; k++)
                if (matches[k].End <= p.End) inside++;
            if (inside == 0) continue;
            var passage = folded.Slice(p.Start, p.End - p.Start);
            var distinct = 0;
            foreach (var m in marks)
                if (m.Length > 0 && passage.Contains(m, StringComparison.Ordinal)) distinct++;
            scored.Add((i, p, distinct + 0.1 * inside));
        }
        return scored;
    }

    /// <summary>
    /// Sentences from <paramref name="textStart"/> (ending at 。！？；!?; or a line end), short ones joined, long ones cut to
    /// a window around their first match; the <paramref name="text"/> is the fold, which keeps sentence ends and white space.
    /// </summary>
    private static List<(int Start, int End)> Passages(ReadOnlySpan<char> text, ReadOnlySpan<int> sentenceEnds, List<(int Start, int End)> matches, int textStart)
    {
        var sentences = new List<(int Start, int End)>();
        var start = textStart;
        var first = sentenceEnds.BinarySearch(textStart);
        foreach (var i in sentenceEnds[(first < 0 ? ~first : first)..])
        {
            var end = text[i] == '\n' ? i : i + 1;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            if (end > start) sentences.Add((start, end));
            start = i + 1;
        }

        var passages = new List<(int Start, int End)>();
        foreach (var s in sentences)
        {
            if (passages.Count > 0 && s.End - passages[^1].Start <= PassageLength && text[passages[^1].End - 1] != '\n'
                && !text.Slice(passages[^1].End, s.Start - passages[^1].End).Contains('\n'))
            {
                passages[^1] = (passages[^1].Start, s.End);
                continue;
            }
            if (s.End - s.Start <= PassageLength * 3 / 2)
            {
                passages.Add(s);
                continue;
            }
            // A long sentence: one window per match cluster, cut so that no match is split.
            var cursor = s.Start;
            foreach (var m in Within(matches, s.Start, s.End))
            {
                if (m.Start < cursor) continue;
                var from = Math.Max(s.Start, Math.Min(m.Start - PassageLength / 4, s.End - PassageLength));
                from = Math.Max(from, cursor);
                var to = Math.Min(s.End, from + PassageLength);
                (from, to) = AvoidSplitting(matches, from, to);
                passages.Add((from, to));
                cursor = to;
            }
            if (cursor == s.Start) passages.Add(AvoidSplitting(matches, s.Start, s.Start + PassageLength));
        }
        return passages;
    }

    /// <summary>The matches inside [from, to), found by binary search in the sorted runs.</summary>
    private static IEnumerable<(int Start, int End)> Within(List<(int Start, int End)> matches, int from, int to)
    {
        var lo = 0;
        var hi = matches.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (matches[mid].Start < from) lo = mid + 1;
            else hi = mid;
        }
        for (var k = lo; k < matches.Count && matches[k].Start < to; k++)
            if (matches[k].End <= to) yield return matches[k];
    }

    private static (int, int) AvoidSplitting(List<(int Start, int End)> matches, int from, int to)
    {
        foreach (var m in matches)
        {
            if (m.Start < from && m.End > from) from = m.Start;
            if (m.Start < to && m.End > to) to = m.End;
        }
        return (from, to);
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n';

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？；!?;\n");

    private static string Render(ReadOnlySpan<char> text, int from, int to, List<(int Start, int End)> matches)
    {
        var sb = new StringBuilder(to - from + 32);
        var at = from;
        foreach (var (s, e) in matches)
        {
            if (e <= from || s >= to) continue;
            var ms = Math.Max(s, from);
            var me = Math.Min(e, to);
            Escape(sb, text, at, ms);
            sb.Append("<mark>");
            Escape(sb, text, ms, me);
            sb.Append("</mark>");
            at = me;
        }
        Escape(sb, text, at, to);
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, ReadOnlySpan<char> text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            switch (text[i])
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(text[i]); break;
            }
        }
    }
}
