using PolicyKB.Import.Normalise;

namespace PolicyKB.Import.Tests.Normalise;

/// <summary>Normalisation over the real MEE texts of ../shared/reference/corpus (skipped where that folder is absent).</summary>
[TestClass]
public sealed class CorpusTests
{
    private static List<(string Title, string Content)> MeeTexts() => MeeCorpus.Texts().Select(t => (t.Title, t.Content)).ToList();

    [TestMethod]
    public void Document_type_is_inferred_for_nearly_every_real_title()
    {
        var texts = MeeTexts();
        var typed = texts.Count(t => TestData.Import.DocumentTypes.Infer(t.Title) is not null);
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
