using System.Text.Json;
using PolicyKB.Import.Normalise;

namespace PolicyKB.Import.Tests.Normalise;

/// <summary>Normalisation over the real MEE texts of ../shared/reference/corpus (skipped where that folder is absent).</summary>
[TestClass]
public sealed class CorpusTests
{
    private static readonly string CorpusPath = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "reference", "corpus", "mee-xxgk2018.jsonl"));

    private static readonly Lazy<List<(string Title, string Content)>> Texts = new(() => File.ReadLines(CorpusPath)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Select(o => (o.GetProperty("title").GetString() ?? "", o.GetProperty("content").GetString() ?? "")).ToList());

    private static List<(string Title, string Content)> MeeTexts()
    {
        if (!File.Exists(CorpusPath)) Assert.Inconclusive("../shared/reference/corpus is not on this machine");
        return Texts.Value;
    }

    [TestMethod]
    public void Document_type_is_inferred_for_nearly_every_real_title()
    {
        var texts = MeeTexts();
        var typed = texts.Count(t => DocumentTypes.Default.Infer(t.Title) is not null);
        Assert.IsGreaterThanOrEqualTo(0.98 * texts.Count, typed, $"{typed} of {texts.Count} titles typed");
    }

    [TestMethod]
    public void A_date_is_found_in_nearly_every_real_text()
    {
        var texts = MeeTexts();
        var dated = texts.Count(t => Dates.Find(t.Content) is not null);
        Assert.IsGreaterThanOrEqualTo(0.99 * texts.Count, dated, $"{dated} of {texts.Count} texts dated");
    }
}
