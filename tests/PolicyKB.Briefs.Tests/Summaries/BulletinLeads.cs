using System.Text.RegularExpressions;
using PolicyKB.Import;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>What a lead sentence says: who (canonical issuer names), which document (the first 《》 name), and when
/// (null for 近日 or no date; the year null when the sentence leaves it out).</summary>
internal sealed record LeadFacts(IReadOnlySet<string> Issuers, string? Document, int? Year, int? Month, int? Day, bool Recently);

/// <summary>
/// Reads the lead sentences of the 政策速递 items of the real December 2023 bulletin in ../shared/reference, and the
/// facts any lead sentence states, so a generated lead can be compared with the bulletin's own.
/// </summary>
internal static partial class BulletinLeads
{
    public static string? Path()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = System.IO.Path.Combine(d.FullName, "shared", "reference", "bulletin-2023-12.txt");
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The first paragraph under item <paramref name="number"/> of 一、政策速递 (the body, not the contents).</summary>
    public static string Lead(string bulletin, int number)
    {
        var lines = bulletin.Split('\n').Select(l => l.Trim()).ToList();
        // The section heading appears twice: in the contents and above the items.
        var start = lines.FindLastIndex(l => l == "一、政策速递");
        var end = lines.FindIndex(start, l => l == "二、长三角环发要闻");
        var heading = lines.FindIndex(start, end - start, l => l.StartsWith($"{number}. ", StringComparison.Ordinal));
        return lines.Skip(heading + 1).First(l => l.Length > 0);
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"《(?<name>[^《》]+)》")]
    private static partial Regex Quoted();

    public static LeadFacts Facts(string sentence, IssuerRegistry registry)
    {
        var quote = Quoted().Match(sentence);
        var before = quote.Success ? sentence[..quote.Index] : sentence;
        var date = LeadingDate().Match(sentence);
        return new LeadFacts(IssuersIn(before, registry), quote.Success ? quote.Groups["name"].Value : null,
            date.Success && date.Groups["y"].Success ? int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture) : null,
            date.Success ? int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture) : null,
            date.Success ? int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture) : null,
            before.Contains("近日", StringComparison.Ordinal));
    }

    /// <summary>Every known issuer named in the text (any of its names), longest names first, each place used once.</summary>
    private static HashSet<string> IssuersIn(string text, IssuerRegistry registry)
    {
        var names = registry.Issuers.SelectMany(i => new[] { i.Name, i.ShortName }.Concat(i.Aliases).Select(n => (Name: n, Issuer: i.Name)))
            .Where(n => n.Name.Length >= 2).OrderByDescending(n => n.Name.Length).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var rest = text;
        foreach (var (name, issuer) in names)
        {
            if (!rest.Contains(name, StringComparison.Ordinal)) continue;
            found.Add(issuer);
            rest = rest.Replace(name, "|", StringComparison.Ordinal);
        }
        return found;
    }
}
