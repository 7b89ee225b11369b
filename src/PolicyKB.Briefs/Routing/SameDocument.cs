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
        var kept = documents
            .GroupBy(d => d.DocumentNumber?.Normalized ?? $"{itemTitle(d)}|{d.PublishedDate}", StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.BodyText.Length).First())   // stable: ties keep the first copy
            .ToList();
        var ids = kept.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        kept.RemoveAll(d => (d.ParentId is { } parent && ids.Contains(parent))
                            || kept.Any(n => n != d && n.Title.Contains("印发", StringComparison.Ordinal)
                                                 && n.Title.Contains($"《{d.Title.Trim()}》", StringComparison.Ordinal)));
        dropped = documents.Count - kept.Count;
        return kept;
    }
}
