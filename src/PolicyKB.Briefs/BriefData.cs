using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// What briefs read from the data folder: the summary rules and the default template, each read once when first needed,
/// and the issuers (the import's, so the parser and the briefs share one registry). One per program.
/// </summary>
public sealed class BriefData
{
    private readonly Lazy<SummaryRules> _rules;
    private readonly Lazy<BriefTemplate> _template;

    public BriefData(PolicyData folder, IssuerRegistry issuers)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Issuers = issuers;
        _rules = new(() => folder.Load(SummaryRules.DefaultFile, SummaryRules.LoadOrThrow));
        _template = new(() => folder.Load(BriefTemplate.DefaultFile, BriefTemplate.LoadOrThrow));
    }

    public IssuerRegistry Issuers { get; }
    /// <summary>data/briefs/summary-rules.json.</summary>
    public SummaryRules SummaryRules => _rules.Value;
    /// <summary>data/briefs/default.json (长三角绿色发展观察): the template of a request that names none.</summary>
    public BriefTemplate DefaultTemplate => _template.Value;
}
