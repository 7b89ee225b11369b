using AngleSharp.Dom;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Html;

/// <summary>The rules of one site family: how to recognise its pages and where its fields live.</summary>
internal abstract class SiteProfile
{
    public abstract string Name { get; }
    public abstract Site Site { get; }

    /// <summary>True when the address belongs to this site family.</summary>
    public abstract bool MatchesUrl(Uri url);

    /// <summary>True when the page has this family's structure (used when no address is known).</summary>
    public abstract bool MatchesStructure(HtmlPage page);

    public abstract PageFields Extract(HtmlPage page);

    protected static HashSet<string> Labels(params string[] labels) => labels.ToHashSet(StringComparer.Ordinal);

    protected static bool HostIs(Uri url, string host)
        => url.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);

    protected static IReadOnlyList<string> SplitList(string? s)
        => string.IsNullOrWhiteSpace(s) ? [] : s.Split([';', '；', ',', '，', '、', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : Text.Clean(s);

    protected static IElement? ById(INode root, string id) => Dom.First(root, e => e.Id == id);
}
