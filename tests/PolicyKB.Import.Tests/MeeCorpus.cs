using System.Text.Json;

namespace PolicyKB.Import.Tests;

/// <summary>The 1,260 real MEE texts of ../shared/reference/corpus (tests are inconclusive where that folder is absent).</summary>
internal static class MeeCorpus
{
    private static readonly string CorpusPath = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "reference", "corpus", "mee-xxgk2018.jsonl"));

    private static readonly Lazy<List<MeeText>> Loaded = new(() => File.ReadLines(CorpusPath)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Select(o => new MeeText(o.GetProperty("title").GetString() ?? "", o.GetProperty("url").GetString() ?? "", o.GetProperty("content").GetString() ?? ""))
        .ToList());

    public static List<MeeText> Texts()
    {
        if (!File.Exists(CorpusPath)) Assert.Inconclusive("../shared/reference/corpus is not on this machine");
        return Loaded.Value;
    }
}

/// <summary>One real text: its title, its address on www.mee.gov.cn, and its content with the line breaks removed.</summary>
internal sealed record MeeText(string Title, string Url, string Content);
