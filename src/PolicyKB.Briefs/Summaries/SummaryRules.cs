using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>
/// What a summary never quotes and how its lead is worded, from data/briefs/summary-rules.json: the openings cut from
/// a paragraph (masthead, 文号, addressees), the boilerplate sentences left out (现提出以下意见, 印发给你们 …), the lead's
/// verb by 公文种类, and whether a ministry's 办公厅 is named as the ministry.
/// </summary>
public sealed class SummaryRules
{
    public const string DefaultFile = "briefs/summary-rules.json";

    public IReadOnlyList<TextPattern> Openings { get; }
    public IReadOnlyList<TextPattern> Boilerplate { get; }
    public IReadOnlyDictionary<string, string> Verbs { get; }
    public bool MinistryForItsOffice { get; }

    private SummaryRules(IReadOnlyList<TextPattern> openings, IReadOnlyList<TextPattern> boilerplate,
        IReadOnlyDictionary<string, string> verbs, bool ministryForItsOffice)
    {
        Openings = openings;
        Boilerplate = boilerplate;
        Verbs = verbs;
        MinistryForItsOffice = ministryForItsOffice;
    }

    /// <summary>The verb a lead uses for a document of this 公文种类 (印发 when the file names no other).</summary>
    public string VerbFor(string? documentType) =>
        documentType is not null && Verbs.TryGetValue(documentType, out var verb) ? verb : Verbs.GetValueOrDefault("default", "印发");

    /// <summary>The boilerplate entry a sentence matches, or null.</summary>
    public TextPattern? BoilerplateOf(string sentence) => Boilerplate.FirstOrDefault(b => b.Pattern.IsMatch(sentence));

    /// <summary>The text after every opening at its start (cut again and again), and the issuers a masthead ran together.</summary>
    public string CutOpenings(string text, out string? issuers)
    {
        issuers = null;
        for (var cut = true; cut;)
        {
            cut = false;
            foreach (var o in Openings)
            {
                var m = o.Pattern.Match(text);
                if (!m.Success || m.Index != 0 || m.Length == 0) continue;
                if (m.Groups["issuers"] is { Success: true } g) issuers ??= g.Value;
                text = text[m.Length..].TrimStart();
                cut = true;
            }
        }
        return text;
    }

    /// <summary>
    /// A brief's reading of its documents by these rules (they run under a time limit), read again once; a rule too
    /// slow for a text twice is a <see cref="RuleTimeoutException"/> naming the rule, the file and the text.
    /// </summary>
    public T Guarded<T>(Func<T> read) => TextPatterns.ReadTwice(read, e => new RuleTimeoutException(
        $"摘要规则 {TextPatterns.NameOf(Openings.Concat(Boilerplate), e.Pattern)}（data/{DefaultFile}）在文字“{InvisibleText.Excerpt(e.Input)}”上两次超过 " +
        $"{e.MatchTimeout.TotalSeconds:0.#} 秒的时限，简报未生成：请简化该模式（嵌套的重复最易失控）。", e));

    /// <summary>A rules file read for <see cref="BriefData"/>: its error as an exception (the data folder names the file).</summary>
    internal static SummaryRules LoadOrThrow(string path)
    {
        var loaded = Load(path);
        return loaded.TryGetValue(out var rules) ? rules : throw new InvalidDataException(loaded.Error);
    }

    public static Parsed<SummaryRules> Load(string path)
    {
        if (!File.Exists(path)) return Parsed.Fail<SummaryRules>($"Summary rules file '{path}' does not exist.");
        try { return Parse(File.ReadAllText(path), path); }
        catch (IOException e) { return Parsed.Fail<SummaryRules>($"Summary rules file '{path}' cannot be read: {e.Message}"); }
    }

    /// <summary>Reads the rules from JSON; every pattern must compile, match its examples and none of its keeps.</summary>
    public static Parsed<SummaryRules> Parse(string json, string origin = "summary rules")
    {
        RulesFile? file;
        try { file = JsonSerializer.Deserialize<RulesFile>(json, FileOptions); }
        catch (JsonException e) { return Parsed.Fail<SummaryRules>($"{origin}: not a valid summary rules file ({e.Message})"); }
        if (file is null) return Parsed.Fail<SummaryRules>($"{origin}: empty file.");

        var problems = new List<string>();
        var openings = TextPatterns.Compile(file.Openings, "openings", anchored: true, problems);
        var boilerplate = TextPatterns.Compile(file.Boilerplate, "boilerplate", anchored: false, problems);
        var verbs = file.Verbs ?? new Dictionary<string, string>();
        foreach (var (type, verb) in verbs.Where(v => string.IsNullOrWhiteSpace(v.Value)))
            problems.Add($"verbs: no verb for '{type}'");
        return problems.Count == 0
            ? Parsed.Of(new SummaryRules(openings, boilerplate, verbs, file.MinistryForItsOffice ?? true))
            : Parsed.Fail<SummaryRules>($"{origin}: {string.Join("; ", problems)}");
    }

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record RulesFile(Dictionary<string, string>? Verbs, bool? MinistryForItsOffice, List<PatternEntry>? Openings, List<PatternEntry>? Boilerplate);
}
