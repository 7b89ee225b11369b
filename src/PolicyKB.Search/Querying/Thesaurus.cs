using PolicyKB.Search.Analysis;

namespace PolicyKB.Search.Querying;

/// <summary>
/// Query-time synonyms: a query term equal to an entry also matches its alternatives, so editing the file
/// needs no re-index. File format, one entry a line: <c>发改委 → 国家发展改革委 / 国家发展和改革委员会</c>
/// (<c>=&gt;</c> may stand for the arrow); lines starting with # are comments.
/// </summary>
internal sealed class Thesaurus
{
    private static readonly string[] Arrows = ["→", "=>"];
    private readonly Dictionary<string, Entry> _entries;

    public sealed record Entry(string Term, IReadOnlyList<string> Alternatives)
    {
        /// <summary>How a result reports the expansion: 发改委 → 国家发展改革委 / 国家发展和改革委员会.</summary>
        public string Describe() => $"{Term} → {string.Join(" / ", Alternatives)}";
    }

    public Thesaurus(IEnumerable<Entry> entries)
    {
        _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var e in entries) _entries[TextFold.Fold(e.Term)] = e;
    }

    public static Thesaurus Empty { get; } = new([]);

    public IEnumerable<string> Terms => _entries.Values.Select(e => e.Term);

    public Entry? Lookup(string term) => _entries.GetValueOrDefault(TextFold.Fold(term.Trim()));

    public static Thesaurus Parse(IEnumerable<string> lines)
    {
        var entries = new List<Entry>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(Arrows, 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0) continue;
            var alternatives = parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (alternatives.Length > 0) entries.Add(new Entry(parts[0], alternatives));
        }
        return new Thesaurus(entries);
    }

    public static Thesaurus Load(string path) => Parse(File.ReadLines(path));
}
