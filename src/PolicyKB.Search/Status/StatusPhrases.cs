using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Search.Status;

/// <summary>
/// The phrases the status rules read (同时废止, 作如下修改, 自…起施行, 有效期至…, 征求意见稿 …), from data/status-rules.json:
/// one named pattern each, with the examples it must match and the keeps it must not (<see cref="TextPatterns"/>).
/// </summary>
public sealed class StatusPhrases
{
    public const string DefaultFile = "status-rules.json";

    /// <summary>Every pattern the rules need, with the named groups they read from it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["repeal"] = [], ["revise"] = [], ["plan"] = [],
        ["fromDate"] = ["y", "m", "d"], ["ownEffect"] = [], ["issued"] = [], ["issuingTitle"] = [], ["printLine"] = ["y", "m", "d"],
        ["validUntil"] = ["y", "m", "d"], ["validYears"] = ["n"], ["ownValidity"] = [],
        ["wrappedDraft"] = ["y"], ["quotedThenMarker"] = ["y"], ["draftMarker"] = [], ["asksForComments"] = [],
    };

    private readonly IReadOnlyDictionary<string, Regex> _patterns;

    private StatusPhrases(IReadOnlyDictionary<string, Regex> patterns) => _patterns = patterns;

    /// <summary>The pattern of a required name.</summary>
    public Regex this[string name] => _patterns[name];

    /// <summary>The name of the pattern written as <paramref name="pattern"/>, or null when none is.</summary>
    public string? NameOf(string pattern) => _patterns.FirstOrDefault(p => p.Value.ToString() == pattern).Key;

    /// <summary>Reads a status rules file (<see cref="SearchData"/> reads data/status-rules.json with it).</summary>
    /// <exception cref="InvalidDataException">the file breaks a rule of <see cref="Parse"/></exception>
    public static StatusPhrases Load(string path)
    {
        var (phrases, error) = Parse(File.ReadAllText(path), path);
        return phrases ?? throw new InvalidDataException(error);
    }

    /// <summary>Reads the phrases from JSON; every pattern must hold for its examples and keeps, and every required one must be there with its groups.</summary>
    public static (StatusPhrases? Phrases, string? Error) Parse(string json, string origin = "status rules")
    {
        PhrasesFile? file;
        try { file = JsonSerializer.Deserialize<PhrasesFile>(json, FileOptions); }
        catch (JsonException e) { return (null, $"{origin}: not a valid status rules file ({e.Message})"); }
        var problems = new List<string>();
        var patterns = TextPatterns.Compile(file?.Patterns, "patterns", anchored: false, problems);
        var byName = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var p in patterns)
            if (!byName.TryAdd(p.Name, p.Pattern)) problems.Add($"patterns '{p.Name}': given twice");
        foreach (var (name, groups) in Required)
        {
            if (!byName.TryGetValue(name, out var regex)) { problems.Add($"patterns '{name}': missing"); continue; }
            foreach (var g in groups.Where(g => !regex.GetGroupNames().Contains(g)))
                problems.Add($"patterns '{name}': needs the group (?<{g}>…)");
        }
        foreach (var extra in byName.Keys.Where(n => !Required.ContainsKey(n))) problems.Add($"patterns '{extra}': not a phrase the rules read");
        return problems.Count == 0 ? (new StatusPhrases(byName), null) : (null, $"{origin}: {string.Join("; ", problems)}");
    }

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record PhrasesFile(List<PatternEntry>? Patterns);
}
