using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Import;
using PolicyKB.Import.Normalise;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>Summaries of the 1,260 real MEE texts of ../shared/reference/corpus (inconclusive where that folder is absent).
/// Each text is flat: masthead, 文号, title, addressees and body run together without line breaks.</summary>
[TestClass]
public sealed partial class MeeCorpusSummaryTests
{
    public TestContext TestContext { get; set; } = null!;

    [GeneratedRegex(@"/t(?<d>\d{8})_")]
    private static partial Regex UrlDate();

    // A masthead as the issue describes it: issuers run together, then 文件 and the 文号.
    [GeneratedRegex(@"^(?<who>\p{IsCJKUnifiedIdeographs}{2,300}?)文件\p{IsCJKUnifiedIdeographs}{1,16}〔\d{4}〕\d+号")]
    private static partial Regex Masthead();

    [GeneratedRegex(@"^[^。]*。")]
    private static partial Regex FirstSentence();

    /// <summary>A corpus text as the importer would hold it without the page's metadata table: title, url, 发布日期 from
    /// the url, 公文种类 from the title, the text as one paragraph.</summary>
    private static List<PolicyDocument>? Corpus()
    {
        var path = BulletinLeads.Path() is { } bulletin ? Path.Combine(Path.GetDirectoryName(bulletin)!, "corpus", "mee-xxgk2018.jsonl") : null;
        if (path is null || !File.Exists(path)) return null;
        return File.ReadLines(path).Select(line =>
        {
            var r = JsonDocument.Parse(line).RootElement;
            var url = r.GetProperty("url").GetString()!;
            var title = r.GetProperty("title").GetString()!;
            var d = UrlDate().Match(url);
            return new PolicyDocument
            {
                Id = DocumentId.FromUrl(url),
                Title = title,
                Url = url,
                Site = Site.Mee,
                DocumentType = TestData.Import.DocumentTypes.Infer(title),
                PublishedDate = d.Success ? DateOnly.ParseExact(d.Groups["d"].Value, "yyyyMMdd", CultureInfo.InvariantCulture) : null,
                Body = [BodyBlock.Paragraph(r.GetProperty("content").GetString() ?? "")],
            };
        }).ToList();
    }

    [TestMethod]
    public void No_summary_opens_with_boilerplate_and_every_lead_that_can_name_issuer_and_title_does()
    {
        if (Corpus() is not { } docs) { Assert.Inconclusive("../shared/reference/corpus is not on this machine"); return; }
        var registry = TestData.Issuers;
        var summarizer = new Summarizer(TestData.Briefs.DefaultTemplate.Summary, TestData.Briefs.SummaryRules, TestData.Issuers);

        int summarised = 0, boilerplate = 0, documents = 0, withIssuer = 0, named = 0, namedAll = 0, mastheads = 0;
        var examples = new List<string>();
        foreach (var doc in docs)
        {
            var summary = summarizer.Summarize(doc, [], new DateOnly(2023, 10, 31));
            if (summary.Count == 0) continue;
            summarised++;
            var first = FirstSentence().Match(summary[0]).Value;
            if (EditorDeletes.IsMatch(first)) { boilerplate++; examples.Add($"boilerplate: {doc.Title}: {first}"); }
            // News pages keep their own first sentence; a lead naming issuer and title is asked of 公文.
            if (doc.DocumentType is null) continue;
            documents++;

            var facts = BulletinLeads.Facts(first, registry);
            var namesBoth = facts.Issuers.Count > 0 && facts.Document is { } d && doc.Title.Contains(d, StringComparison.Ordinal);
            if (namesBoth) namedAll++;
            else if (examples.Count(e => e.StartsWith("no issuer", StringComparison.Ordinal)) < 5) examples.Add($"no issuer: {doc.Title}: {first}");
            var masthead = Masthead().Match(doc.Body[0].Text);
            if (masthead.Success) mastheads++;
            // An issuer the text states where the issue looks for it: the title's own, or a masthead of known issuers.
            var known = registry.IssuersOf(doc).Count > 0
                        || (masthead.Success && registry.Split(masthead.Groups["who"].Value).All(registry.IsKnown));
            if (!known) continue;
            withIssuer++;
            if (namesBoth) named++;
            else examples.Add($"unnamed: {doc.Title}: {first}");
        }

        TestContext.WriteLine($"{docs.Count} texts, {summarised} summarised, {documents} of them 公文 (a type in the title), {mastheads} open with a masthead");
        TestContext.WriteLine($"first sentence boilerplate: {boilerplate} of {summarised} ({100.0 * boilerplate / Math.Max(1, summarised):F1}%)");
        TestContext.WriteLine($"lead names issuer and title: {named} of {withIssuer} 公文 with an issuer in title or masthead; {namedAll} of {documents} 公文 in all ({100.0 * namedAll / Math.Max(1, documents):F1}%, the rest: no issuer of data/issuers.json in title, masthead or signature)");
        foreach (var e in examples.Take(20)) TestContext.WriteLine(e);
        Assert.AreEqual(0, boilerplate, string.Join("\n", examples.Where(e => e.StartsWith("boilerplate", StringComparison.Ordinal))));
        Assert.AreEqual(withIssuer, named, string.Join("\n", examples.Where(e => e.StartsWith("unnamed", StringComparison.Ordinal))));
    }
}
