using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PolicyKB.Search.Compare;

[JsonConverter(typeof(JsonStringEnumConverter<DiffKind>))]
public enum DiffKind
{
    [JsonStringEnumMemberName("equal")] Equal,
    [JsonStringEnumMemberName("inserted")] Inserted,
    [JsonStringEnumMemberName("deleted")] Deleted,
}

/// <summary>A run of text that is in both versions, only in the new one, or only in the old one.</summary>
public sealed record DiffRun(DiffKind Kind, string Text);

/// <summary>
/// One row of a side-by-side comparison, aligned by paragraph: an unchanged paragraph (<see cref="Changed"/> false, one
/// paragraph a side), or the old paragraphs and the new ones that took their place, each a list of runs (the old side
/// holds equal and deleted runs, the new side equal and inserted ones). A side may be empty (paragraphs added or removed).
/// </summary>
public sealed record DiffRow(bool Changed, IReadOnlyList<IReadOnlyList<DiffRun>> Old, IReadOnlyList<IReadOnlyList<DiffRun>> New);

/// <summary>A comparison of two texts: its rows, and how many characters were inserted and deleted.</summary>
public sealed record TextComparison(IReadOnlyList<DiffRow> Rows, int Inserted, int Deleted)
{
    public bool Same => Inserted == 0 && Deleted == 0;
}

/// <summary>
/// Compares two Chinese texts given as paragraphs. Chinese has no spaces between words, so a whitespace-word diff
/// would see a changed paragraph as one changed word: the comparison aligns paragraphs first (longest common
/// subsequence of whole paragraphs), then, inside each stretch of changed paragraphs, aligns sentences (split after
/// 。！？；), and marks the characters that changed inside each pair of changed sentences.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Above this many cells an alignment table is not built: the stretch is shown as removed and added whole.</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>Two sentences sharing less than this share of characters are shown as one removed and one added, not as edits.</summary>
    private const double MinSharedForEdit = 0.4;

    [GeneratedRegex(@"[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)》]*)?|[。！？；!?;]+[”’」』）)》]*")] private static partial Regex Sentence();

    public static TextComparison Compare(IReadOnlyList<string> oldParagraphs, IReadOnlyList<string> newParagraphs)
    {
        var rows = new List<DiffRow>();
        var script = Align(oldParagraphs, newParagraphs, string.Equals);
        var pendingOld = new List<string>();
        var pendingNew = new List<string>();
        void Flush()
        {
            if (pendingOld.Count + pendingNew.Count > 0) rows.Add(ChangedRow(pendingOld, pendingNew));
            pendingOld.Clear();
            pendingNew.Clear();
        }
        foreach (var (kind, i, j) in script)
        {
            switch (kind)
            {
                case DiffKind.Equal:
                    Flush();
                    rows.Add(new DiffRow(false, [[new DiffRun(DiffKind.Equal, oldParagraphs[i])]], [[new DiffRun(DiffKind.Equal, newParagraphs[j])]]));
                    break;
                case DiffKind.Deleted: pendingOld.Add(oldParagraphs[i]); break;
                default: pendingNew.Add(newParagraphs[j]); break;
            }
        }
        Flush();
        var runs = rows.Where(r => r.Changed).SelectMany(r => r.Old.Concat(r.New)).SelectMany(p => p).ToList();
        return new TextComparison(rows, runs.Where(r => r.Kind == DiffKind.Inserted).Sum(r => r.Text.Length),
            runs.Where(r => r.Kind == DiffKind.Deleted).Sum(r => r.Text.Length));
    }

    /// <summary>The sentences of a paragraph, each with its closing punctuation (and a closing quote or bracket after it).</summary>
    public static IReadOnlyList<string> Sentences(string paragraph) => Sentence().Matches(paragraph).Select(m => m.Value).ToList();

    /// <summary>Changed paragraphs, aligned sentence by sentence, each sentence kept in its own paragraph.</summary>
    private static DiffRow ChangedRow(IReadOnlyList<string> oldParagraphs, IReadOnlyList<string> newParagraphs)
    {
        var oldSentences = Split(oldParagraphs);
        var newSentences = Split(newParagraphs);
        var oldSide = oldParagraphs.Select(_ => new List<DiffRun>()).ToList();
        var newSide = newParagraphs.Select(_ => new List<DiffRun>()).ToList();
        var deleted = new List<int>();
        var inserted = new List<int>();
        void Pair()
        {
            var pairs = Math.Min(deleted.Count, inserted.Count);
            for (var k = 0; k < pairs; k++)
            {
                var (o, n) = (oldSentences[deleted[k]], newSentences[inserted[k]]);
                var (oldRuns, newRuns) = Characters(o.Text, n.Text);
                oldSide[o.Paragraph].AddRange(oldRuns);
                newSide[n.Paragraph].AddRange(newRuns);
            }
            foreach (var d in deleted.Skip(pairs)) oldSide[oldSentences[d].Paragraph].Add(new DiffRun(DiffKind.Deleted, oldSentences[d].Text));
            foreach (var n in inserted.Skip(pairs)) newSide[newSentences[n].Paragraph].Add(new DiffRun(DiffKind.Inserted, newSentences[n].Text));
            deleted.Clear();
            inserted.Clear();
        }
        foreach (var (kind, i, j) in Align(oldSentences.Select(s => s.Text).ToList(), newSentences.Select(s => s.Text).ToList(), string.Equals))
        {
            switch (kind)
            {
                case DiffKind.Equal:
                    Pair();
                    oldSide[oldSentences[i].Paragraph].Add(new DiffRun(DiffKind.Equal, oldSentences[i].Text));
                    newSide[newSentences[j].Paragraph].Add(new DiffRun(DiffKind.Equal, newSentences[j].Text));
                    break;
                case DiffKind.Deleted: deleted.Add(i); break;
                default: inserted.Add(j); break;
            }
        }
        Pair();
        return new DiffRow(true, oldSide.Select(Merged).ToList(), newSide.Select(Merged).ToList());
    }

    private static List<(string Text, int Paragraph)> Split(IReadOnlyList<string> paragraphs) =>
        paragraphs.SelectMany((p, i) => Sentences(p).Select(s => (s, i))).ToList();

    /// <summary>A changed sentence pair marked character by character, or as removed and added whole when they share too little.</summary>
    private static (List<DiffRun> Old, List<DiffRun> New) Characters(string oldText, string newText)
    {
        var script = Align(oldText.ToCharArray(), newText.ToCharArray(), (a, b) => a == b);
        var shared = script.Count(s => s.Kind == DiffKind.Equal);
        if (shared < MinSharedForEdit * Math.Min(oldText.Length, newText.Length))
            return ([new DiffRun(DiffKind.Deleted, oldText)], [new DiffRun(DiffKind.Inserted, newText)]);
        var oldRuns = new List<DiffRun>();
        var newRuns = new List<DiffRun>();
        foreach (var (kind, i, j) in script)
        {
            if (kind != DiffKind.Inserted) oldRuns.Add(new DiffRun(kind, oldText[i].ToString()));
            if (kind != DiffKind.Deleted) newRuns.Add(new DiffRun(kind, newText[j].ToString()));
        }
        return (oldRuns, newRuns);
    }

    /// <summary>Adjacent runs of one kind joined.</summary>
    private static IReadOnlyList<DiffRun> Merged(List<DiffRun> runs)
    {
        var merged = new List<DiffRun>();
        foreach (var r in runs)
        {
            if (merged.Count > 0 && merged[^1].Kind == r.Kind) merged[^1] = r with { Text = merged[^1].Text + r.Text };
            else if (r.Text.Length > 0) merged.Add(r);
        }
        return merged;
    }

    /// <summary>
    /// The edit script turning <paramref name="a"/> into <paramref name="b"/> by a longest common subsequence (the common
    /// head and tail taken off first): each step is an equal pair (i, j), a deletion of a[i] or an insertion of b[j]; within
    /// a changed stretch, deletions come before insertions.
    /// </summary>
    internal static List<(DiffKind Kind, int I, int J)> Align<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> equal)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && equal(a[head], b[head])) head++;
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && equal(a[a.Count - 1 - tail], b[b.Count - 1 - tail])) tail++;
        var (n, m) = (a.Count - head - tail, b.Count - head - tail);

        var script = new List<(DiffKind, int, int)>();
        for (var k = 0; k < head; k++) script.Add((DiffKind.Equal, k, k));
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = 0; i < n; i++) script.Add((DiffKind.Deleted, head + i, -1));
            for (var j = 0; j < m; j++) script.Add((DiffKind.Inserted, -1, head + j));
        }
        else
        {
            // lcs[i, j]: the longest common subsequence of a's middle from i and b's middle from j.
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = equal(a[head + i], b[head + j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            var (x, y) = (0, 0);
            var inserts = new List<(DiffKind, int, int)>();
            while (x < n || y < m)
            {
                if (x < n && y < m && equal(a[head + x], b[head + y]))
                {
                    script.AddRange(inserts);
                    inserts.Clear();
                    script.Add((DiffKind.Equal, head + x++, head + y++));
                }
                else if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1])) script.Add((DiffKind.Deleted, head + x++, -1));
                else inserts.Add((DiffKind.Inserted, -1, head + y++));
            }
            script.AddRange(inserts);
        }
        for (var k = tail; k > 0; k--) script.Add((DiffKind.Equal, a.Count - k, b.Count - k));
        return script;
    }
}
