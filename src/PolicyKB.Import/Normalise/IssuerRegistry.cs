using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>How high an issuer stands: the State Council, a ministry or commission (and its 办公厅), a province or city, or anything else.</summary>
public enum IssuerLevel { StateCouncil, Ministry, Regional, Other }

/// <summary>A name an issuer used until a rename (环境保护部 until 2018-03).</summary>
public sealed record IssuerRename(string Name, DateOnly Until);

/// <summary>One canonical issuer of data/issuers.json.</summary>
public sealed record Issuer(string Name, string ShortName, IssuerLevel Level, IReadOnlyList<string> Aliases, IReadOnlyList<IssuerRename> FormerNames)
{
    /// <summary>The canonical name of the issuer it stands under (国务院 for a ministry), or null at the top.</summary>
    public string? Parent { get; init; }
}

/// <summary>
/// Canonical issuer names from data/issuers.json: aliases and short names (国家发展改革委 = 国家发展和改革委员会 = 发改委),
/// former names with the date of the rename, joint issuers split, spaced-out signatures (国 家 能 源 局) resolved.
/// </summary>
public sealed partial class IssuerRegistry
{
    private const string OfficeSuffix = "办公厅";
    private const string StatePrefix = "中华人民共和国";

    private readonly Dictionary<string, Issuer> _byName = new(StringComparer.Ordinal);
    private readonly string[] _regions;

    public IReadOnlyList<Issuer> Issuers { get; }

    public IssuerRegistry(IEnumerable<Issuer> issuers, IEnumerable<string> regions)
    {
        Issuers = issuers.ToList();
        _regions = regions.OrderByDescending(r => r.Length).ToArray();
        foreach (var issuer in Issuers)
        {
            foreach (var name in new[] { issuer.Name, issuer.ShortName }.Concat(issuer.Aliases).Concat(issuer.FormerNames.Select(f => f.Name)))
                _byName.TryAdd(Text.Squeeze(name), issuer);
        }
    }

    public static IssuerRegistry Load(string path)
    {
        var file = JsonSerializer.Deserialize<IssuersFile>(File.ReadAllText(path), FileOptions)
                   ?? throw new InvalidDataException($"{path}: empty issuers file");
        var issuers = file.Issuers.Select(i => new Issuer(
            i.Name,
            i.ShortName ?? i.Name,
            Enum.TryParse<IssuerLevel>(i.Level, ignoreCase: true, out var level) ? level : IssuerLevel.Other,
            i.Aliases ?? [],
            (i.FormerNames ?? []).Select(f => new IssuerRename(f.Name, ParseMonth(f.Until, path))).OrderBy(f => f.Until).ToList())
        { Parent = i.Parent }).ToList();
        CheckParents(issuers, path);
        return new IssuerRegistry(issuers, file.Regions ?? []);
    }

    /// <summary>Every parent names an issuer of the file by its canonical name, and no chain of parents comes back to where it began.</summary>
    private static void CheckParents(List<Issuer> issuers, string path)
    {
        var byName = issuers.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var issuer in issuers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { issuer.Name };
            for (var parent = issuer.Parent; parent is not null; parent = byName[parent].Parent)
            {
                if (!byName.ContainsKey(parent)) throw new InvalidDataException($"{path}: the parent '{parent}' of '{issuer.Name}' is not the name of an issuer in the file");
                if (!seen.Add(parent)) throw new InvalidDataException($"{path}: the parents of '{issuer.Name}' run in a circle through '{parent}'");
            }
        }
    }

    /// <summary>The issuer a name denotes (any alias, short or former name, white space ignored), or null when unknown.</summary>
    public Issuer? Find(string? name)
    {
        var key = Text.Squeeze(name);
        if (key.Length == 0) return null;
        if (_byName.GetValueOrDefault(key) is { } issuer) return issuer;
        // Orders and gazettes name ministries in full: 中华人民共和国环境保护部 is 环境保护部.
        return key.StartsWith(StatePrefix, StringComparison.Ordinal) && key.Length > StatePrefix.Length ? _byName.GetValueOrDefault(key[StatePrefix.Length..]) : null;
    }

    /// <summary>The canonical name: a known issuer's name, a known ministry's 办公厅, or the cleaned name itself.</summary>
    public string Resolve(string name)
    {
        var key = Text.Squeeze(name);
        if (Find(key) is { } issuer) return issuer.Name;
        if (OfficeOf(key) is { } ministry) return ministry.Name + OfficeSuffix;
        return key;
    }

    /// <summary>True when the name resolves to a known issuer or the 办公厅 of one.</summary>
    public bool IsKnown(string name) => Find(name) is not null || OfficeOf(Text.Squeeze(name)) is not null;

    public IssuerLevel Level(string name)
    {
        var key = Text.Squeeze(name);
        if (Find(key) is { } issuer) return issuer.Level;
        if (OfficeOf(key) is { } parent) return parent.Level;
        return _regions.Any(r => key.StartsWith(r, StringComparison.Ordinal)) ? IssuerLevel.Regional : IssuerLevel.Other;
    }

    /// <summary>
    /// The canonical name of the issuer a canonical name stands under: the file's parent of a known issuer, the ministry
    /// of a ministry's 办公厅; null at the top and for names the registry does not know.
    /// </summary>
    public string? Parent(string name)
    {
        var key = Text.Squeeze(name);
        if (Find(key) is { } issuer) return issuer.Parent;
        return OfficeOf(key)?.Name;
    }

    /// <summary>The name the issuer bore on a date: 生态环境部 on 2017-05-01 was 环境保护部.</summary>
    public string NameAt(string name, DateOnly date)
    {
        var issuer = Find(name);
        if (issuer is null) return Resolve(name);
        return issuer.FormerNames.FirstOrDefault(f => date < f.Until)?.Name ?? issuer.Name;
    }

    /// <summary>
    /// Splits a joint-issuer text ("国家发展改革委 国家能源局、工业和信息化部", one issuer a line in a signature,
    /// "国 家 能 源 局") into canonical names, in order, without duplicates.
    /// </summary>
    public IReadOnlyList<string> Split(string? raw)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(raw)) return result;
        var tokens = Separators().Split(GroupSuffix().Replace(raw, "")).Where(t => t.Length > 0).ToList();
        for (var i = 0; i < tokens.Count;)
        {
            var taken = TakeKnown(tokens, i, result);
            if (taken > 0) { i += taken; continue; }
            // Unknown name: a run of single characters is one spaced-out name.
            var j = i;
            while (j < tokens.Count && tokens[j].Length == 1) j++;
            var name = j > i + 1 ? string.Concat(tokens.Skip(i).Take(j - i)) : tokens[i];
            i = j > i + 1 ? j : i + 1;
            AddDistinct(result, Resolve(name));
        }
        return result;
    }

    /// <summary>Known names starting at token i: the longest run of tokens whose concatenation is one issuer, or a token made of several.</summary>
    private int TakeKnown(List<string> tokens, int i, List<string> result)
    {
        for (var j = tokens.Count - 1; j >= i; j--)
        {
            var joined = string.Concat(tokens.Skip(i).Take(j - i + 1));
            if (IsKnown(joined)) { AddDistinct(result, Resolve(joined)); return j - i + 1; }
        }
        if (Segment(tokens[i]) is { } parts)
        {
            foreach (var p in parts) AddDistinct(result, Resolve(p));
            return 1;
        }
        return 0;
    }

    /// <summary>Cuts text with no separators ("国家发展改革委国家能源局") into known names, or null when it cannot.</summary>
    private List<string>? Segment(string text)
    {
        var parts = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.Length;
            while (end > start && !IsKnown(text[start..end])) end--;
            if (end == start) return null;
            parts.Add(text[start..end]);
            start = end;
        }
        return parts.Count > 1 ? parts : null;
    }

    private Issuer? OfficeOf(string key)
        => key.EndsWith(OfficeSuffix, StringComparison.Ordinal) && key.Length > OfficeSuffix.Length && Find(key[..^OfficeSuffix.Length]) is { } parent && parent.Level != IssuerLevel.Other
            ? parent : null;

    private static void AddDistinct(List<string> list, string name)
    {
        if (name.Length > 0 && !list.Contains(name)) list.Add(name);
    }

    private static DateOnly ParseMonth(string until, string path)
        => DateOnly.TryParseExact(until + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new InvalidDataException($"{path}: rename date '{until}' is not yyyy-MM");

    [GeneratedRegex(@"[\s\u00A0\u3000、，,;；/|]+")]
    private static partial Regex Separators();

    /// <summary>"工业和信息化部等六部门" → the named lead issuer; the others come from the page's issuer field.</summary>
    [GeneratedRegex(@"等[一二三四五六七八九十\d]+(个)?(部门|单位)$")]
    private static partial Regex GroupSuffix();

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record IssuersFile(List<IssuerEntry> Issuers, List<string>? Regions);
    private sealed record IssuerEntry(string Name, string? ShortName, string? Level, List<string>? Aliases, List<RenameEntry>? FormerNames, string? Parent);
    private sealed record RenameEntry(string Name, string Until);
}
