using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>
/// The import's data files of one data folder: issuers, themes, document types and methodology sectors, each read once,
/// when first needed, and the parser over them. One per program (the service registers it as a singleton), so the parser,
/// the briefs and the field-health report share the same issuers.
/// </summary>
public sealed class ImportData
{
    public const string IssuersFile = "issuers.json";
    public const string ThemesFile = "themes.json";
    public const string DocumentTypesFile = "document-types.json";
    public const string MethodologySectorsFile = "methodology-sectors.json";

    private readonly Lazy<IssuerRegistry> _issuers;
    private readonly Lazy<ThemeRules> _themes;
    private readonly Lazy<DocumentTypes> _types;
    private readonly Lazy<Methodologies> _methodologies;
    private readonly Lazy<DocumentParser> _parser;

    public ImportData(PolicyData folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        _issuers = new(() => folder.Load(IssuersFile, IssuerRegistry.Load));
        _themes = new(() => folder.Load(ThemesFile, ThemeRules.Load));
        _types = new(() => folder.Load(DocumentTypesFile, DocumentTypes.Load));
        _methodologies = new(() => folder.Load(MethodologySectorsFile, Methodologies.Load));
        _parser = new(() => new DocumentParser(Issuers, Themes, DocumentTypes, Methodologies));
    }

    public PolicyData Folder { get; }
    public IssuerRegistry Issuers => _issuers.Value;
    public ThemeRules Themes => _themes.Value;
    public DocumentTypes DocumentTypes => _types.Value;
    public Methodologies Methodologies => _methodologies.Value;
    /// <summary>The parser over these files (reads all four on first use).</summary>
    public DocumentParser Parser => _parser.Value;
}
