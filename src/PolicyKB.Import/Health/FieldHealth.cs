using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import.Health;

/// <summary>How many documents of a site have a field, and their share of the site's documents.</summary>
public sealed record FieldShare(string Field, int Documents, double Share);

/// <summary>How many warnings of one kind ("issuer: missing", "document number: junk trimmed" …) the documents carry.</summary>
public sealed record WarningCount(string Kind, int Count);

/// <summary>An issuer value that does not resolve in data/issuers.json, and how many documents name it.</summary>
public sealed record IssuerCount(string Issuer, int Documents);

/// <summary>The field health of one site (or of all sites: site "all").</summary>
public sealed record SiteFieldHealth(string Site, int Documents, IReadOnlyList<FieldShare> Fields, IReadOnlyList<WarningCount> Warnings, IReadOnlyList<IssuerCount> UnresolvedIssuers);

/// <summary>The field health of a knowledge base: every site, then all sites together.</summary>
public sealed record FieldHealthReport(int Documents, IReadOnlyList<SiteFieldHealth> Sites);

/// <summary>
/// Whether a crawl or import was read right, at a glance: per site, the share of documents with each field, the
/// warnings by kind, and the issuer values most often seen that issuers.json does not know (a misread value, or a
/// new issuer to add). Computed in one pass over the documents (policykb check --fields, GET /api/health/fields).
/// </summary>
public static class FieldHealth
{
    public const int TopUnresolved = 20;
    public const string AllSites = "all";

    /// <summary>The fields counted, in the order reports list them, with the test of presence of each.</summary>
    private static readonly (string Field, Func<PolicyDocument, bool> Has)[] Fields =
    [
        ("issuers", d => d.Issuers.Count > 0),
        ("documentNumber", d => d.DocumentNumber is not null),
        ("documentType", d => d.DocumentType is not null),
        ("writtenDate", d => d.WrittenDate is not null),
        ("publishedDate", d => d.PublishedDate is not null),
        ("indexNumber", d => d.IndexNumber is not null),
        ("topics", d => d.Topics.Count > 0),
        ("themes", d => d.Themes.Count > 0),
        ("body", d => d.Body.Count > 0),
        ("attachments", d => d.Attachments.Count > 0),
    ];

    public static FieldHealthReport Compute(IEnumerable<PolicyDocument> documents, IssuerRegistry issuers)
    {
        var sites = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var all = new Tally();
        var total = 0;
        foreach (var d in documents)
        {
            total++;
            var site = d.Site.ToCode();
            if (!sites.TryGetValue(site, out var tally)) sites[site] = tally = new Tally();
            tally.Add(d, issuers);
            all.Add(d, issuers);
        }
        var rows = sites.Select(kv => kv.Value.Report(kv.Key)).ToList();
        rows.Add(all.Report(AllSites));
        return new FieldHealthReport(total, rows);
    }

    /// <summary>
    /// The kind of a warning: field warnings up to their detail ("issuer: not an organisation name, dropped ('…')" →
    /// "issuer: not an organisation name, dropped"), other warnings up to their first colon, semicolon or parenthesis.
    /// </summary>
    public static string KindOf(string warning)
    {
        var cut = warning.IndexOfAny(['(', ';', '；']);
        var head = (cut >= 0 ? warning[..cut] : warning).Trim();
        var colon = head.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && !FieldChecks.FieldNames.Contains(head[..colon])) head = head[..colon];
        return head.TrimEnd(':', ' ');
    }

    private sealed class Tally
    {
        private readonly int[] _fields = new int[Fields.Length];
        private readonly Dictionary<string, int> _warnings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _unresolved = new(StringComparer.Ordinal);
        private int _documents;

        public void Add(PolicyDocument d, IssuerRegistry issuers)
        {
            _documents++;
            for (var i = 0; i < Fields.Length; i++)
                if (Fields[i].Has(d)) _fields[i]++;
            foreach (var w in d.Warnings)
            {
                var kind = KindOf(w);
                _warnings[kind] = _warnings.GetValueOrDefault(kind) + 1;
            }
            foreach (var name in d.Issuers.Distinct())
                if (!issuers.IsKnown(name)) _unresolved[name] = _unresolved.GetValueOrDefault(name) + 1;
        }

        public SiteFieldHealth Report(string site) => new(
            site,
            _documents,
            Fields.Select((f, i) => new FieldShare(f.Field, _fields[i], _documents == 0 ? 0 : Math.Round((double)_fields[i] / _documents, 3))).ToList(),
            _warnings.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new WarningCount(kv.Key, kv.Value)).ToList(),
            _unresolved.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopUnresolved).Select(kv => new IssuerCount(kv.Key, kv.Value)).ToList());
    }
}
