using System.Text.Json;

namespace PolicyKB.Briefs;

public sealed record EditsLoadResult(IReadOnlyDictionary<string, string>? Edits, string? Error)
{
    public bool Succeeded => Edits is not null;
}

/// <summary>The editor's hand-written summaries: a JSON object of document id → text (paragraphs on separate lines).</summary>
public static class BriefEdits
{
    public static EditsLoadResult Load(string path)
    {
        if (!File.Exists(path)) return new(null, $"Edits file '{path}' does not exist.");
        try { return Parse(File.ReadAllText(path), path); }
        catch (IOException e) { return new(null, $"Edits file '{path}' cannot be read: {e.Message}"); }
    }

    public static EditsLoadResult Parse(string json, string origin = "edits")
    {
        try
        {
            var edits = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            if (edits is null) return new(null, $"{origin}: expected an object of document id → summary text.");
            var blank = edits.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
            return blank.Count == 0
                ? new(edits, null)
                : new(null, $"{origin}: empty text for {string.Join(", ", blank)}.");
        }
        catch (JsonException e)
        {
            return new(null, $"{origin}: expected an object of document id → summary text ({e.Message}).");
        }
    }

    /// <summary>The editor's text as paragraphs: one a line, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
