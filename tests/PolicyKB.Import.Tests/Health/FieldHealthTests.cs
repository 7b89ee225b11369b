using PolicyKB.Import.Health;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Health;

/// <summary>The field-health report, pinned on the sample pages.</summary>
[TestClass]
public sealed class FieldHealthTests
{
    private static readonly Lazy<FieldHealthReport> SampleReport = new(() => FieldHealth.Compute(
        Directory.EnumerateFiles(RepoPaths.Samples)
            .Where(f => Path.GetExtension(f) is ".html" or ".shtml")
            .Select(f => TestData.Parser.Parse(File.ReadAllBytes(f), new PageSource(FilePath: f)).Document!),
        TestData.Issuers));

    private static SiteFieldHealth Site(string site) => SampleReport.Value.Sites.Single(s => s.Site == site);

    private static double Share(string site, string field) => Site(site).Fields.Single(f => f.Field == field).Share;

    [TestMethod]
    public void Report_counts_the_sample_pages_per_site_and_in_all()
    {
        var r = SampleReport.Value;
        CollectionAssert.AreEqual(new[] { "govcn", "mee", "ndrc", "other", "all" }, r.Sites.Select(s => s.Site).ToArray());
        CollectionAssert.AreEqual(new[] { 7, 15, 2, 3, 27 }, r.Sites.Select(s => s.Documents).ToArray());
        Assert.AreEqual(27, r.Documents);
    }

    [TestMethod]
    public void Report_gives_the_share_of_documents_with_each_field()
    {
        Assert.AreEqual(1.0, Share("govcn", "issuers"));
        Assert.AreEqual(1.0, Share("govcn", "documentNumber"));
        Assert.AreEqual(0.867, Share("mee", "issuers"), "13 of 15: the two news pages name no issuer");
        Assert.AreEqual(0.467, Share("mee", "documentNumber"), "7 of 15");
        Assert.AreEqual(0.867, Share("mee", "writtenDate"), "13 of 15");
        Assert.AreEqual(0.333, Share("other", "issuers"));
        Assert.AreEqual(1.0, Share("mee", "publishedDate"));
        Assert.AreEqual(0.0, Share("ndrc", "indexNumber"));
    }

    [TestMethod]
    public void Report_counts_warnings_by_kind()
    {
        var mee = Site("mee").Warnings.ToDictionary(w => w.Kind, w => w.Count);
        CollectionAssert.AreEqual(new[] { "document number: junk trimmed" }, mee.Keys.ToArray());
        Assert.AreEqual(1, mee["document number: junk trimmed"]);
        var other = Site("other").Warnings.ToDictionary(w => w.Kind, w => w.Count);
        Assert.AreEqual(3, other["no site profile for this page"]);
        Assert.AreEqual(Site("all").Warnings.Sum(w => w.Count), SampleReport.Value.Sites.Where(s => s.Site != "all").Sum(s => s.Warnings.Sum(w => w.Count)));
    }

    [TestMethod]
    public void Every_issuer_of_the_samples_resolves_in_issuers_json()
        => Assert.IsEmpty(Site("all").UnresolvedIssuers, string.Join(", ", Site("all").UnresolvedIssuers));

    [TestMethod]
    public void Unresolved_issuers_are_the_twenty_most_frequent()
    {
        var docs = Enumerable.Range(0, 30).SelectMany(i => Enumerable.Repeat(new PolicyDocument { Id = $"{i}", Title = "t", Issuers = [$"某市第{i}局"] }, i + 1));
        var report = FieldHealth.Compute(docs.Append(new PolicyDocument { Id = "x", Title = "t", Issuers = ["生态环境部"] }), TestData.Issuers);
        var top = report.Sites.Single(s => s.Site == FieldHealth.AllSites).UnresolvedIssuers;
        Assert.HasCount(20, top);
        Assert.AreEqual(new IssuerCount("某市第29局", 30), top[0]);
        Assert.AreEqual(new IssuerCount("某市第10局", 11), top[^1]);
    }

    [TestMethod]
    public void Empty_knowledge_base_gives_an_all_row_of_zeros()
    {
        var report = FieldHealth.Compute([], TestData.Issuers);
        Assert.AreEqual(0, report.Documents);
        var all = report.Sites.Single();
        Assert.AreEqual(FieldHealth.AllSites, all.Site);
        Assert.IsTrue(all.Fields.All(f => f.Share == 0));
    }

    [TestMethod]
    [DataRow("issuer: missing (no field, heading or signature names one)", "issuer: missing")]
    [DataRow("document number: junk trimmed ('件国核安发〔2020〕298号' → '国核安发〔2020〕298号')", "document number: junk trimmed")]
    [DataRow("no site profile for this page: read with the generic parser; could not find: issuers", "no site profile for this page")]
    [DataRow("the page looks truncated (no closing </html>)", "the page looks truncated")]
    [DataRow("no body text found", "no body text found")]
    public void Warning_kind_is_the_warning_without_its_details(string warning, string kind)
        => Assert.AreEqual(kind, FieldHealth.KindOf(warning));
}
