namespace PolicyKB.Search.Analysis;

/// <summary>
/// Policy terms (碳达峰, 减排 …) that the word tokenizer keeps whole where SmartCn's segmentation splits them.
/// File format: one term a line; blank lines and lines starting with # are ignored.
/// </summary>
internal sealed class UserDictionary
{
    private readonly HashSet<string> _terms;

    public UserDictionary(IEnumerable<string> terms)
    {
        _terms = new HashSet<string>(terms.Select(t => TextFold.Fold(t.Trim())).Where(t => t.Length > 1), StringComparer.Ordinal);
        MaxLength = _terms.Count == 0 ? 0 : _terms.Max(t => t.Length);
    }

    public static UserDictionary Empty { get; } = new([]);

    public int MaxLength { get; }

    public bool Contains(ReadOnlySpan<char> term) => _terms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(term);

    public static UserDictionary Load(string path) =>
        new(File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')));
}
