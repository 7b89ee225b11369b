using System.Text;
using PolicyKB.Corpus;
using PolicyKB.Model;

namespace PolicyKB.Reliability.Tests.Corpus;

[TestClass]
public sealed class CorpusGeneratorTests
{
    private static readonly IReadOnlyList<GeneratedPage> Sample = new CorpusGenerator(11).Generate(2000).ToList();

    [TestMethod]
    public void SameSeedGivesByteIdenticalPages()
    {
        var again = new CorpusGenerator(11).Generate(200).ToList();
        for (var i = 0; i < again.Count; i++)
            CollectionAssert.AreEqual(Sample[i].Html, again[i].Html, $"page {i}");
    }

    [TestMethod]
    public void PageAtAnIndexIsTheSameAsInTheSequence()
    {
        CollectionAssert.AreEqual(Sample[1234].Html, new CorpusGenerator(11).Page(1234).Html);
    }

    [TestMethod]
    public void DifferentSeedsGiveDifferentPages()
    {
        var other = new CorpusGenerator(12).Generate(50).ToList();
        Assert.IsTrue(other.Zip(Sample).All(p => p.First.Title != p.Second.Title || !p.First.Html.SequenceEqual(p.Second.Html)));
    }

    [TestMethod]
    public void BodyLengthsSpreadFromHundredsToThirtyThousandWithAMedianNearThreeThousand()
    {
        var lengths = Sample.Select(p => p.BodyText.Length).Order().ToList();
        var median = lengths[lengths.Count / 2];
        Assert.IsTrue(median is > 2000 and < 4500, $"median {median}");
        Assert.IsTrue(lengths[0] >= 300, $"min {lengths[0]}");
        Assert.IsTrue(lengths[^1] is > 15000 and < 34000, $"max {lengths[^1]}");
    }

    [TestMethod]
    public void EverySiteAppearsWithItsUrlScheme()
    {
        var bySite = Sample.GroupBy(p => p.Site).ToDictionary(g => g.Key, g => g.ToList());
        Assert.IsTrue(bySite[Site.GovCn].All(p => p.Url.StartsWith("https://www.gov.cn/zhengce/", StringComparison.Ordinal) && p.Url.Contains("/content_") && p.Url.EndsWith(".htm", StringComparison.Ordinal)));
        Assert.IsTrue(bySite[Site.Ndrc].All(p => p.Url.StartsWith("https://www.ndrc.gov.cn/xxgk/zcfb/", StringComparison.Ordinal) && p.Url.EndsWith(".html", StringComparison.Ordinal)));
        Assert.IsTrue(bySite[Site.Mee].All(p => p.Url.StartsWith("https://www.mee.gov.cn/xxgk2018/xxgk/xxgk0", StringComparison.Ordinal) && p.Url.EndsWith(".html", StringComparison.Ordinal)));
        Assert.AreEqual(Sample.Count, Sample.Select(p => p.Url).Distinct().Count(), "URLs are unique");
        Assert.AreEqual(Sample.Count, Sample.Select(p => p.FileName).Distinct().Count(), "file names are unique");
    }

    [TestMethod]
    public void GovCnPagesRepeatTheBodyForMobileOutsideUcapContent()
    {
        var page = Sample.First(p => p.Site == Site.GovCn && p.PublishedDate.Year >= 2018);
        var html = Encoding.UTF8.GetString(page.Html);
        StringAssert.Contains(html, "id=\"UCAP-CONTENT\"");
        StringAssert.Contains(html, "policyLibraryOverview_content");
        StringAssert.Contains(html, "标&nbsp;&nbsp;题：");
        var firstParagraph = System.Net.WebUtility.HtmlEncode(page.Body[^1].Text);
        Assert.AreEqual(2, Occurrences(html, firstParagraph), "the body is printed twice (desktop and mobile)");
    }

    [TestMethod]
    public void NdrcPagesPutTheDocumentNumberInParenthesesAfterTheTitle()
    {
        var page = Sample.First(p => p.Site == Site.Ndrc && p.DocumentNumberAsPrinted is not null);
        var html = Encoding.UTF8.GetString(page.Html);
        StringAssert.Contains(html, $"<h2 class=\"article_title\">{System.Net.WebUtility.HtmlEncode(page.Title)}({page.DocumentNumberAsPrinted})</h2>");
        StringAssert.Contains(html, "<div class=TRS_Editor>");
        StringAssert.Contains(html, "<!--endprint-->");
    }

    [TestMethod]
    public void MeePagesCarryLabelledMetadataAndTheLeavingSiteTrap()
    {
        var page = Sample.First(p => p.Site == Site.Mee);
        var html = Encoding.UTF8.GetString(page.Html);
        StringAssert.Contains(html, "content_top_box");
        StringAssert.Contains(html, "content_body_box");
        StringAssert.Contains(html, $"<i>{string.Join(' ', page.Issuers)}</i>");
        StringAssert.Contains(html, "link-url-wrapper");
        StringAssert.Contains(html, "（此件社会公开）");
    }

    [TestMethod]
    public void PrintedDocumentNumbersNormaliseToTheTruth()
    {
        var numbered = Sample.Where(p => p.DocumentNumberAsPrinted is not null).ToList();
        Assert.IsTrue(numbered.Count > Sample.Count * 0.8);
        foreach (var p in numbered)
            Assert.AreEqual(p.DocumentNumber, DocumentNumber.Parse(p.DocumentNumberAsPrinted)?.Normalized, p.DocumentNumberAsPrinted);
        Assert.IsTrue(numbered.Any(p => p.DocumentNumberAsPrinted != p.DocumentNumber), "some pages print odd brackets");
    }

    [TestMethod]
    public void IssuersAreManyAndSomeDocumentsAreJoint()
    {
        Assert.IsTrue(Sample.SelectMany(p => p.Issuers).Distinct().Count() >= 40);
        Assert.IsTrue(Sample.Count(p => p.Issuers.Count > 1) > Sample.Count / 20);
        Assert.IsTrue(Sample.Any(p => p.Issuers.Contains("环境保护部")), "old pages use the old names");
    }

    [TestMethod]
    public void DatesCoverTwoThousandToTwentyTwentySix()
    {
        var years = Sample.Select(p => p.WrittenDate.Year).ToHashSet();
        Assert.IsTrue(years.Min() <= 2003 && years.Max() == 2026, $"{years.Min()}–{years.Max()}");
        Assert.IsTrue(Sample.All(p => p.PublishedDate >= p.WrittenDate && p.PublishedDate <= CorpusGenerator.LatestDate));
    }

    [TestMethod]
    public void TitlesFollowTheRealPatterns()
    {
        Assert.IsTrue(Sample.Any(p => p.Title.StartsWith("关于印发《", StringComparison.Ordinal) && p.Title.EndsWith("》的通知", StringComparison.Ordinal)));
        Assert.IsTrue(Sample.Any(p => p.Title.EndsWith("的意见", StringComparison.Ordinal)));
        Assert.IsTrue(Sample.Any(p => p.Title.StartsWith("关于", StringComparison.Ordinal) && p.Title.EndsWith("的公告", StringComparison.Ordinal)));
        Assert.IsTrue(Sample.All(p => p.Title.EndsWith(p.DocumentType, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void LegacyPagesAreEncodedInGbkAndDeclareIt()
    {
        var legacy = Sample.Where(p => p.Charset == "gb2312").ToList();
        Assert.IsTrue(legacy.Count > 0);
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        foreach (var p in legacy)
        {
            var html = gbk.GetString(p.Html);
            StringAssert.Contains(html, "charset=gb2312");
            StringAssert.Contains(html, System.Net.WebUtility.HtmlEncode(p.Title));
            foreach (var block in p.Body)
                StringAssert.Contains(html, System.Net.WebUtility.HtmlEncode(block.Text), "every character survives the round trip");
        }
    }

    [TestMethod]
    public void WriteToWritesEveryPageAndAManifest()
    {
        var dir = Path.Combine(Path.GetTempPath(), "policykb-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = new CorpusGenerator(11).WriteTo(dir, 120);
            Assert.AreEqual(120, summary.Pages);
            var entries = ManifestEntry.Read(dir).ToList();
            Assert.AreEqual(120, entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                Assert.AreEqual(Sample[i].Url, entries[i].Url);
                CollectionAssert.AreEqual(Sample[i].Html, File.ReadAllBytes(Path.Combine(dir, entries[i].File)));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [TestMethod]
    public void ToDocumentGivesTheGroundTruthWithAnIdFromTheUrl()
    {
        var page = Sample.First(p => p.Attachments.Count > 0 && p.DocumentNumber is not null);
        var doc = page.ToDocument();
        Assert.AreEqual(DocumentId.FromUrl(page.Url), doc.Id);
        Assert.AreEqual(page.DocumentNumber, doc.DocumentNumber!.Normalized);
        Assert.AreEqual(page.BodyText, doc.BodyText);
        Assert.IsTrue(doc.Attachments.All(a => a.Url!.StartsWith("https://", StringComparison.Ordinal)));
        Assert.AreEqual(64, doc.ContentHash.Length);
    }

    private static int Occurrences(string s, string part)
    {
        var n = 0;
        for (var i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
