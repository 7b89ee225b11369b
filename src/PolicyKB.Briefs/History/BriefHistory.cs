using System.Text.Json;
using PolicyKB.Model;

namespace PolicyKB.Briefs;

/// <summary>A brief once issued: its numbers, date and the documents it carried.</summary>
public sealed record IssuedBrief(int Number, int IssueOfYear, DateOnly Date, string Name, IReadOnlyList<string> ItemIds, DateTimeOffset IssuedAt);

/// <summary>
/// The issued briefs of one knowledge base, one JSON file each in DIR/briefs/ (brief-0024.json).
/// An issue number is written once: issuing the same number again is refused, so history is never overwritten.
/// </summary>
public sealed class BriefHistory
{
    public const string FolderName = "briefs";

    private readonly TimeProvider _clock;

    /// <param name="indexDirectory">The knowledge-base folder (the index's <c>Directory</c>).</param>
    public BriefHistory(string indexDirectory, TimeProvider? clock = null)
    {
        Folder = Path.Combine(indexDirectory, FolderName);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>DIR/briefs.</summary>
    public string Folder { get; }

    /// <summary>Every issued brief, by number. Files that cannot be read are skipped (see <see cref="Problems"/>).</summary>
    public IReadOnlyList<IssuedBrief> All() => Read().Briefs;

    /// <summary>Files in the folder that are not readable issued briefs.</summary>
    public IReadOnlyList<string> Problems() => Read().Problems;

    /// <summary>Document id → the number of the first issue that carried it.</summary>
    public IReadOnlyDictionary<string, int> UsedDocuments() => UsedIn(All());

    internal static IReadOnlyDictionary<string, int> UsedIn(IEnumerable<IssuedBrief> briefs)
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in briefs.OrderBy(b => b.Number))
            foreach (var id in b.ItemIds) used.TryAdd(id, b.Number);
        return used;
    }

    /// <summary>Saves an issued brief with the items it carries. Refuses a number already issued.</summary>
    public Parsed<IssuedBrief> Issue(Brief brief)
    {
        if (brief.Number < 1) return Parsed.Fail<IssuedBrief>("A brief needs a number of 1 or more to be issued.");
        var path = PathOf(brief.Number);
        var issued = new IssuedBrief(brief.Number, brief.IssueOfYear, brief.Date, brief.Name,
            brief.AllItems.Select(i => i.Id).ToList(), _clock.GetUtcNow());
        try
        {
            Directory.CreateDirectory(Folder);
            // CreateNew: an earlier issue with this number is never overwritten.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            JsonSerializer.Serialize(stream, issued, PolicyJson.Indented);
        }
        catch (IOException) when (File.Exists(path))
        {
            return Parsed.Fail<IssuedBrief>($"Brief number {brief.Number} was already issued ({path}); choose another number.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Parsed.Fail<IssuedBrief>($"Cannot save the brief in {Folder}: {e.Message}");
        }
        return Parsed.Of(issued);
    }

    private string PathOf(int number) => Path.Combine(Folder, $"brief-{number:D4}.json");

    private (IReadOnlyList<IssuedBrief> Briefs, IReadOnlyList<string> Problems) Read()
    {
        if (!Directory.Exists(Folder)) return ([], []);
        var briefs = new List<IssuedBrief>();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "brief-*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var b = JsonSerializer.Deserialize<IssuedBrief>(File.ReadAllText(file), PolicyJson.Options);
                if (b is null) problems.Add($"{file}: empty");
                else briefs.Add(b);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }
        return (briefs.OrderBy(b => b.Number).ToList(), problems);
    }
}
