using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>
/// CCER methodologies named in a text: code CCER-SS-NNN-VNN, the name written before it
/// (《温室气体自愿减排项目方法学 造林碳汇（CCER-14-001-V01）》 → 造林碳汇), the sector from data/methodology-sectors.json.
/// </summary>
public sealed partial class Methodologies
{
    private const string Prefix = "温室气体自愿减排项目方法学";
    private readonly IReadOnlyDictionary<string, string> _sectors;

    public Methodologies(IReadOnlyDictionary<string, string> sectors) => _sectors = sectors;

    public static Methodologies Load(string path)
    {
        var file = JsonSerializer.Deserialize<SectorsFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
                   ?? throw new InvalidDataException($"{path}: empty methodology sectors file");
        return new Methodologies(file.Sectors);
    }

    public string? SectorName(string code) => _sectors.GetValueOrDefault(code);

    /// <summary>Every methodology in the texts, once per code, in order of first mention; a named mention wins over a bare code.</summary>
    public IReadOnlyList<Methodology> Find(IEnumerable<string> texts)
    {
        var found = new List<Methodology>();
        foreach (var text in texts)
        {
            var folded = DocumentNumber.FoldDigits(text).Replace('－', '-').Replace('—', '-');
            foreach (Match m in Code().Matches(folded))
            {
                var code = $"CCER-{m.Groups["s"].Value}-{m.Groups["n"].Value}-V{m.Groups["v"].Value}";
                var name = NameBefore(folded, m.Index);
                var index = found.FindIndex(x => x.Code == code);
                if (index >= 0)
                {
                    if (found[index].Name is null && name is not null) found[index] = found[index] with { Name = name };
                    continue;
                }
                found.Add(new Methodology(code, name, SectorName(m.Groups["s"].Value), "V" + m.Groups["v"].Value));
            }
        }
        return found;
    }

    /// <summary>The methodology's name: the words between "温室气体自愿减排项目方法学" and the code's opening parenthesis.</summary>
    private static string? NameBefore(string text, int codeIndex)
    {
        var open = codeIndex - 1;
        while (open >= 0 && Text.IsSpace(text[open])) open--;
        if (open < 0 || text[open] is not ('（' or '(')) return null;
        var start = text.LastIndexOf(Prefix, open, Math.Min(open + 1, 60), StringComparison.Ordinal);
        if (start < 0) return null;
        var name = Text.Clean(text[(start + Prefix.Length)..open]);
        return name.Length is > 0 and <= 30 && !name.Contains('《') && !name.Contains('》') ? name : null;
    }

    [GeneratedRegex(@"CCER\s*-\s*(?<s>\d{2})\s*-\s*(?<n>\d{3})\s*-\s*V\s*(?<v>\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex Code();

    private sealed record SectorsFile(Dictionary<string, string> Sectors);
}
