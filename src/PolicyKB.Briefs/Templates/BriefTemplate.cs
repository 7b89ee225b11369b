using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// The shape of a brief, read from an editable JSON file (data/briefs/*.json): its name, its sections and
/// sub-sections with the rule that fills each, and the summary length limits.
/// </summary>
public sealed record BriefTemplate
{
    public required string Name { get; init; }
    /// <summary>The line under the name, e.g. the English name.</summary>
    public string? Subtitle { get; init; }
    public string? Organisation { get; init; }
    public IReadOnlyList<TemplateSection> Sections { get; init; } = [];
    /// <summary>Heading of the list of documents that no section's rule matched.</summary>
    public string UnclassifiedTitle { get; init; } = "未归类";
    public SummaryOptions Summary { get; init; } = new();

    /// <summary>The file name of the default template under data/.</summary>
    public const string DefaultFile = "briefs/default.json";

    /// <summary>A template file read for <see cref="BriefData"/>: its error as an exception (the data folder names the file).</summary>
    internal static BriefTemplate LoadOrThrow(string path)
    {
        var loaded = Load(path);
        return loaded.TryGetValue(out var template) ? template : throw new InvalidDataException(loaded.Error);
    }

    /// <summary>Reads a template file; a missing file or bad JSON gives an error, never an exception.</summary>
    public static Parsed<BriefTemplate> Load(string path)
    {
        if (!File.Exists(path)) return Parsed.Fail<BriefTemplate>($"Template file '{path}' does not exist.");
        try { return Parse(File.ReadAllText(path), path); }
        catch (IOException e) { return Parsed.Fail<BriefTemplate>($"Template file '{path}' cannot be read: {e.Message}"); }
    }

    /// <summary>Reads a template from JSON text; <paramref name="origin"/> names it in error messages.</summary>
    public static Parsed<BriefTemplate> Parse(string json, string origin = "template")
    {
        BriefTemplate? t;
        try { t = JsonSerializer.Deserialize<BriefTemplate>(json, TemplateJson.Options); }
        catch (JsonException e) { return Parsed.Fail<BriefTemplate>($"{origin}: not a valid brief template ({e.Message})"); }
        if (t is null) return Parsed.Fail<BriefTemplate>($"{origin}: empty template.");
        var problems = t.Validate().ToList();
        return problems.Count == 0
            ? Parsed.Of(t)
            : Parsed.Fail<BriefTemplate>($"{origin}: {string.Join("; ", problems)}");
    }

    /// <summary>Every section and sub-section by its key (the titles down to it, joined by /), in template order.</summary>
    public IReadOnlyList<(string Key, TemplateSection Section)> SectionsByKey()
    {
        static IEnumerable<(string, TemplateSection)> Walk(IEnumerable<TemplateSection> sections, string prefix) =>
            sections.SelectMany(s => Walk(s.Sections, prefix + s.Title + "/").Prepend((prefix + s.Title, s)));
        return Walk(Sections, "").ToList();
    }

    /// <summary>The template as JSON, in the file's shape.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TemplateJson.Options);

    private IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return "the brief needs a name";
        if (Sections.Count == 0) yield return "the brief needs at least one section";
        foreach (var p in Sections.SelectMany(s => s.Validate(1))) yield return p;
        // The editor moves an item by the section's key (its titles), so two sections may not share one.
        foreach (var key in SectionsByKey().GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"two sections are both '{key}': titles must differ within a section";
        if (Summary.MaxParagraphs is < 1 or > 10) yield return "summary.maxParagraphs must be between 1 and 10";
        if (Summary.MaxChars < 40) yield return "summary.maxChars must be at least 40";
    }
}

/// <summary>A section of the brief. A section holds either sub-sections, a rule, or both (sub-sections are tried first).</summary>
public sealed record TemplateSection
{
    public required string Title { get; init; }
    /// <summary>What lands here: null for a section that only groups its sub-sections.</summary>
    public SectionRule? Rule { get; init; }
    public ItemOrder Order { get; init; } = ItemOrder.Date;
    public IReadOnlyList<TemplateSection> Sections { get; init; } = [];

    internal IEnumerable<string> Validate(int depth)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return "every section needs a title";
        // Sections, sub-sections and items fill the three heading levels of the Word styles.
        if (depth >= 2 && Sections.Count > 0) yield return $"section '{Title}': sections nest at most two levels";
        if (Rule is null && Sections.Count == 0) yield return $"section '{Title}' has neither a rule nor sub-sections";
        if (Rule is { IsEmpty: true }) yield return $"section '{Title}': its rule names nothing to match";
        foreach (var p in Rule?.Validate(Title) ?? []) yield return p;
        foreach (var p in Sections.SelectMany(s => s.Validate(depth + 1))) yield return p;
    }
}

/// <summary>
/// What a section takes. Each list is "any of" (OR); the lists that are given must all hold (AND).
/// Issuers and sites match a document's issuers / site; issuers and titles match by containment (上海 matches
/// 上海市生态环境局). A document that names no issuer is taken as issued by the known issuer its title begins with.
/// <see cref="Query"/> is a search in the query language, run over the brief's own filters.
/// </summary>
public sealed record SectionRule
{
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>Issuer levels as the issuer registry gives them: StateCouncil, Ministry, Regional, Other.</summary>
    public IReadOnlyList<string> IssuerLevels { get; init; } = [];
    public IReadOnlyList<string> Issuers { get; init; } = [];
    /// <summary>Words of the title (any of, by containment).</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];
    /// <summary>Site codes: govcn, ndrc, mee, other.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];
    public string? Query { get; init; }
    /// <summary>Alternatives: the rule also matches when any of these rules matches.</summary>
    public IReadOnlyList<SectionRule> Or { get; init; } = [];

    internal IEnumerable<string> Validate(string section)
    {
        foreach (var level in IssuerLevels.Where(l => !Enum.TryParse<IssuerLevel>(l, ignoreCase: true, out _)))
            yield return $"section '{section}': unknown issuer level '{level}' (use {string.Join(", ", Enum.GetNames<IssuerLevel>())})";
        foreach (var site in Sites.Where(s => !SiteNames.TryParse(s, out _)))
            yield return $"section '{section}': unknown site '{site}' (use govcn, ndrc, mee, other)";
        foreach (var p in Or.SelectMany(r => r.Validate(section))) yield return p;
    }

    [JsonIgnore]
    public bool IsEmpty => Themes.Count == 0 && IssuerLevels.Count == 0 && Issuers.Count == 0 && Titles.Count == 0 && Sites.Count == 0
                           && string.IsNullOrWhiteSpace(Query) && Or.Count == 0;
}

[JsonConverter(typeof(JsonStringEnumConverter<ItemOrder>))]
public enum ItemOrder
{
    /// <summary>By 发布日期, oldest first, as a month's bulletin reads; undated documents last.</summary>
    [JsonStringEnumMemberName("date")] Date,
    /// <summary>As the editor placed them: the order of the request's ids, then the search's order.</summary>
    [JsonStringEnumMemberName("editor")] Editor,
}

/// <summary>Limits of the extractive summaries.</summary>
public sealed record SummaryOptions
{
    public int MaxParagraphs { get; init; } = 3;
    /// <summary>Characters over all paragraphs; a sentence that would cross it is left out, never cut.</summary>
    public int MaxChars { get; init; } = 420;
    public int MaxSentencesPerParagraph { get; init; } = 3;
    /// <summary>The date the lead sentence gives: 发布日期 (published) or 成文日期 (written).</summary>
    public LeadDate LeadDate { get; init; } = LeadDate.Published;
}

[JsonConverter(typeof(JsonStringEnumConverter<LeadDate>))]
public enum LeadDate
{
    /// <summary>发布日期, as the bulletin dates its items.</summary>
    [JsonStringEnumMemberName("published")] Published,
    /// <summary>成文日期.</summary>
    [JsonStringEnumMemberName("written")] Written,
}

internal static class TemplateJson
{
    public static readonly JsonSerializerOptions Options = new(PolicyJson.Indented)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
