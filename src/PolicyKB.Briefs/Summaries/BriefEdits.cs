using System.Text.Json;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>The editor's hand-written summaries: a JSON object of document id → text (paragraphs on separate lines).</summary>
public static class BriefEdits
{
    public static Parsed<IReadOnlyDictionary<string, string>> Load(string path)
    {
        if (!File.Exists(path)) return Failed($"Edits file '{path}' does not exist.");
        try { return Parse(File.ReadAllText(path), path); }
        catch (IOException e) { return Failed($"Edits file '{path}' cannot be read: {e.Message}"); }
    }

    public static Parsed<IReadOnlyDictionary<string, string>> Parse(string json, string origin = "edits")
    {
        try
        {
            var edits = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            if (edits is null) return Failed($"{origin}: expected an object of document id → summary text.");
            var blank = edits.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
            return blank.Count == 0
                ? Parsed.Of<IReadOnlyDictionary<string, string>>(edits)
                : Failed($"{origin}: empty text for {string.Join(", ", blank)}.");
        }
        catch (JsonException e)
        {
            return Failed($"{origin}: expected an object of document id → summary text ({e.Message}).");
        }
    }

    private static Parsed<IReadOnlyDictionary<string, string>> Failed(string error) => Parsed.Fail<IReadOnlyDictionary<string, string>>(error);

    /// <summary>The editor's text as paragraphs: one a line, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
