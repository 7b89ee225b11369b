namespace PolicyKB.Briefs;

/// <summary>The reading order shared by the renderers: sections depth-first, the unclassified list last.</summary>
internal static class BriefOutline
{
    public static IEnumerable<BriefSection> Sections(Brief brief)
    {
        foreach (var s in brief.Sections)
            foreach (var x in Flatten(s)) yield return x;
        if (brief.Unclassified is { } u) yield return u;
    }

    private static IEnumerable<BriefSection> Flatten(BriefSection s)
    {
        yield return s;
        foreach (var sub in s.Sections)
            foreach (var x in Flatten(sub)) yield return x;
    }
}

/// <summary>The lines under the brief's name: subtitle, organisation, issue, date.</summary>
internal static class TitleBlock
{
    public static IEnumerable<string> Lines(Brief brief)
    {
        if (!string.IsNullOrWhiteSpace(brief.Subtitle)) yield return brief.Subtitle;
        if (!string.IsNullOrWhiteSpace(brief.Organisation)) yield return brief.Organisation;
        yield return brief.IssueLine;
        yield return brief.DateLine;
    }
}

/// <summary>Only http(s) urls become links; anything else (javascript:, data:) is left out.</summary>
internal static class SafeUrl
{
    public static string? For(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null;
}
