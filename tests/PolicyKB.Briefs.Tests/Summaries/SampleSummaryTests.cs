using System.Text.RegularExpressions;
using PolicyKB.Import;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>The summaries of the samples/ pages against the real December 2023 bulletin's own summaries.</summary>
[TestClass]
public sealed partial class SampleSummaryTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly BriefRequest October = new() { Number = 24, IssueOfYear = 12, Date = new DateOnly(2023, 10, 31) };

    private static BriefItem ItemOf(string file)
    {
        var doc = SampleDocuments.ByFile[file];
        return new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, [doc]).AllItems.Single();
    }

    [TestMethod]
    [DataRow(1, "govcn-puhui-jinrong.html")]
    [DataRow(2, "govcn-lianyou-lvse.html")]
    [DataRow(2, "ndrc-lianyou-lvse.html")]
    [DataRow(3, "ndrc-tanda-feng-shidian.html")]
    [DataRow(3, "govcn-tanda-feng-shidian.html")]
    [DataRow(4, "mee-ccer-fangfaxue.html")]
    [DataRow(5, "mee-news-qihou-nianbao.shtml")]
    [DataRow(6, "govcn-suanli-jichu-sheshi.html")]
    public void The_lead_names_the_same_issuers_document_and_date_as_the_bulletins(int item, string file)
    {
        if (BulletinLeads.Path() is not { } path) { Assert.Inconclusive("../shared/reference is not on this machine"); return; }
        var registry = TestData.Issuers;
        var theirs = BulletinLeads.Lead(File.ReadAllText(path), item);
        var summary = ItemOf(file).Paragraphs;
        Assert.IsTrue(summary.Count > 0, file);
        var ours = FirstSentence().Match(summary[0]).Value;
        TestContext.WriteLine($"bulletin: {theirs}\nours:     {ours}\nsummary:\n{string.Join("\n", summary)}");

        var expected = BulletinLeads.Facts(theirs, registry);
        var actual = BulletinLeads.Facts(ours, registry);
        CollectionAssert.AreEquivalent(expected.Issuers.ToList(), actual.Issuers.ToList(), ours);
        Assert.AreEqual(expected.Document, actual.Document, ours);
        if (expected.Recently)
        {
            // The bulletin says 近日 where the page gives the day: a lead may say either.
            var published = SampleDocuments.ByFile[file].PublishedDate;
            Assert.IsTrue(actual.Recently || (actual.Month == published?.Month && actual.Day == published?.Day), ours);
        }
        else
        {
            Assert.AreEqual((expected.Month, expected.Day), (actual.Month, actual.Day), ours);
            if (expected.Year is not null && actual.Year is not null) Assert.AreEqual(expected.Year, actual.Year, ours);
        }
    }

    [GeneratedRegex(@"^[^。]*。")]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@"[^。]+。")]
    private static partial Regex Sentence();

    [TestMethod]
    public void No_summary_of_a_sample_holds_a_boilerplate_sentence()
    {
        var brief = new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, SampleDocuments.All);
        var found = brief.AllItems.SelectMany(i => i.Paragraphs.SelectMany(p => Sentence().Matches(p)).Select(m => (i.Title, m.Value)))
            .Where(s => EditorDeletes.IsMatch(s.Value)).ToList();
        Assert.AreEqual(0, found.Count, string.Join("\n", found));
    }
}
