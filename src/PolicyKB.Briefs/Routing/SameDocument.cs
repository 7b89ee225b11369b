using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// One item per decision: the same notice reposted on two sites (same 文号, or the same item title and date, so an
/// announcement and the news of it count as one) is kept once, as the copy with the fullest text; an attachment is dropped when the notice that issues it (its parent, or a
/// title that 印发 《its title》) is in the brief.
/// </summary>
internal static class SameDocument
{
    public static IReadOnlyList<PolicyDocument> Collapse(IReadOnlyList<PolicyDocument> documents, Func<PolicyDocument, string> itemTitle, out int dropped)
    {
        // Either key joins two documents, and joins chain (an announcement with a 文号, its repost, the news of it).
        var group = Enumerable.Range(0, documents.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            foreach (var key in new[] { d.DocumentNumber is { } n ? "no:" + n.Normalized : null, $"title:{itemTitle(d)}|{d.PublishedDate}" })
            {
                if (key is null) continue;
                if (firstWithKey.TryGetValue(key, out var j)) group[Root(i)] = Root(j);
                else firstWithKey[key] = i;
            }
        }
        var kept = Enumerable.Range(0, documents.Count)
            .GroupBy(Root)
            .Select(g => g.Select(i => documents[i]).OrderByDescending(d => d.BodyText.Length).First())   // stable: ties keep the first copy
            .ToList();
        var ids = kept.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        kept.RemoveAll(d => (d.ParentId is { } parent && ids.Contains(parent))
                            || kept.Any(n => n != d && n.Title.Contains("印发", StringComparison.Ordinal)
                                                 && n.Title.Contains($"《{d.Title.Trim()}》", StringComparison.Ordinal)));
        dropped = documents.Count - kept.Count;
        return kept;
    }
}
