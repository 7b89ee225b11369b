using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>公文种类 from data/document-types.json: a page's own value when it is a known type, else the title's last word.</summary>
public sealed partial class DocumentTypes
{
    private readonly HashSet<string> _types;
    private readonly KeyValuePair<string, string>[] _endings;

    public DocumentTypes(IEnumerable<string> types, IReadOnlyDictionary<string, string> endings)
    {
        _types = types.ToHashSet(StringComparer.Ordinal);
        _endings = endings.OrderByDescending(e => e.Key.Length).ToArray();
    }

    public static DocumentTypes Load(string path)
    {
        var file = JsonSerializer.Deserialize<TypesFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
                   ?? throw new InvalidDataException($"{path}: empty document-types file");
        return new DocumentTypes(file.Types, file.Endings);
    }

    /// <summary>
    /// The type the page's own field names when it is a known type; else the 文号's (…令第N号 → 令, 公告YYYY年第N号 → 公告);
    /// else the title's last word; else the hint of the page's column; else the page's unknown value.
    /// </summary>
    public string? Resolve(string? fromPage, string? title, DocumentNumber? number = null, string? hint = null)
    {
        var given = Text.Squeeze(fromPage);
        if (given.Length > 0 && _types.Contains(given)) return given;
        return OfNumber(number) ?? Infer(title) ?? NonEmpty(Text.Squeeze(hint)) ?? NonEmpty(given);
    }

    /// <summary>令 for an order's number (numbered without a year), 公告 for an announcement's; null for other numbers.</summary>
    public static string? OfNumber(DocumentNumber? number) => number switch
    {
        null => null,
        { Year: 0 } => "令",
        { IssuerCode: var code } when code.EndsWith("公告", StringComparison.Ordinal) => "公告",
        _ => null,
    };

    private static string? NonEmpty(string s) => s.Length > 0 ? s : null;

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
