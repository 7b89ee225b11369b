using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>公文种类 from data/document-types.json: a page's own value when it is a known type, else the title's last word.</summary>
public sealed partial class DocumentTypes
{
    private static readonly Lazy<DocumentTypes> LazyDefault = new(() => Load(PolicyData.Path("document-types.json")));
    private readonly HashSet<string> _types;
    private readonly KeyValuePair<string, string>[] _endings;

    public static DocumentTypes Default => LazyDefault.Value;

    public DocumentTypes(IEnumerable<string> types, IReadOnlyDictionary<string, string> endings)
    {
        _types = types.ToHashSet(StringComparer.Ordinal);
        _endings = endings.OrderByDescending(e => e.Key.Length).ToArray();
    }

    public static DocumentTypes Load(string path)
    {
        var file = JsonSerializer.Deserialize<TypesFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new InvalidDataException($"{path}: empty document-types file");
        return new DocumentTypes(file.Types, file.Endings);
    }

    /// <summary>The type given by the page when it names one, else inferred from the title.</summary>
    public string? Resolve(string? fromPage, string? title)
    {
        var given = Text.Squeeze(fromPage);
        if (given.Length > 0 && _types.Contains(given)) return given;
        return Infer(title) ?? (given.Length > 0 ? given : null);
    }

    /// <summary>The type from the title's last word, after removing the 文号 in parentheses, quotes and qualifiers such as （试行）.</summary>
    public string? Infer(string? title)
    {
        var t = Text.Squeeze(title);
        for (var previous = ""; previous != t;)
        {
            previous = t;
            t = TrailingNoise().Replace(t, "");
        }
        foreach (var (ending, type) in _endings)
            if (t.EndsWith(ending, StringComparison.Ordinal)) return type;
        return null;
    }

    [GeneratedRegex(@"([（(【\[][^（()）】\]]*[）)】\]]|[》”""'’」。.])$")]
    private static partial Regex TrailingNoise();

    private sealed record TypesFile(List<string> Types, Dictionary<string, string> Endings);
}
