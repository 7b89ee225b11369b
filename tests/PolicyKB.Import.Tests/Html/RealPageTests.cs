using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Html;

/// <summary>The real pages of ../shared/reference/real-pages parse right (skipped where that folder is absent).</summary>
[TestClass]
public sealed class RealPageTests
{
    private static ParseResult ParseReal(string file, string? url = null)
    {
        var dir = RepoPaths.RealPages;
        if (dir is null) Assert.Inconclusive("../shared/reference/real-pages is not on this machine");
        var path = Path.Combine(dir!, file);
        return TestData.Parser.Parse(File.ReadAllBytes(path), new PageSource(url, path));
    }

    [TestMethod]
    [DataRow(null, DisplayName = "by structure")]
    [DataRow("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", DisplayName = "by URL")]
    public void Ndrc_notice_gives_joint_issuers_from_heading_and_number_from_title(string? url)
    {
        var d = ParseReal("ndrc_xxgk_zcfb_tz_t20260625_1406079.html", url).Document!;
        Assert.AreEqual(Site.Ndrc, d.Site);
        Assert.AreEqual("关于印发《新型能源体系建设“十五五”规划》的通知", d.Title);
        CollectionAssert.AreEqual(new[] { "国家发展和改革委员会", "国家能源局" }, d.Issuers.ToArray());
        Assert.AreEqual("发改能源〔2026〕884号", d.DocumentNumber?.Normalized);
        Assert.AreEqual(new DateOnly(2026, 6, 13), d.WrittenDate);
        Assert.AreEqual(new DateOnly(2026, 6, 25), d.PublishedDate);
        Assert.AreEqual("通知", d.DocumentType);
        Assert.AreEqual(2, d.Attachments.Count);
        Assert.AreEqual("pdf", d.Attachments[0].Kind);
        Assert.AreEqual("《新型能源体系建设“十五五”规划》.pdf", d.Attachments[0].Name);
        StringAssert.Contains(d.BodyText, "现印发给你们，请认真贯彻实施。");
        Assert.AreEqual(1, Occurrences(d.BodyText, "现印发给你们"), "body text is doubled");
        Assert.IsFalse(d.BodyText.Contains("排行榜") || d.BodyText.Contains("打印") || d.BodyText.Contains("首页"), "navigation in the body");
        Assert.IsFalse(d.Issuers.Contains("能源局") || d.IssuersRaw == "能源局", "ContentSource is not the issuer");
        if (url is not null)
        {
            Assert.AreEqual(DocumentId.FromUrl(url), d.Id);
            Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/P020260625612978907651.pdf", d.Attachments[0].Url);
        }
    }

    [TestMethod]
    public void Mee_video_news_page_gives_title_date_and_no_footer_or_exit_dialog()
    {
        var result = ParseReal("mee_ywdt_spxw_t20260705_1160959.html");
        var d = result.Document!;
        Assert.AreEqual(Site.Mee, d.Site);
        Assert.AreEqual("视频丨践行绿色发展理念 绘就生态中国壮美画卷（央视《新闻联播》）", d.Title);
        Assert.AreEqual(new DateOnly(2026, 7, 5), d.PublishedDate);
        Assert.AreEqual("http://www.mee.gov.cn/ywdt/spxw/202607/t20260705_1160959.shtml", d.Url, "the page's meta Url is its address");
        Assert.IsFalse(d.BodyText.Contains("您访问的链接即将离开"));
        Assert.IsFalse(d.BodyText.Contains("版权所有") || d.BodyText.Contains("相关阅读推荐"));
        Assert.AreEqual(0, d.Issuers.Count, "央视《新闻联播》 is a source, not an issuer");
        Assert.IsTrue(result.Warnings.Contains("no body text found"), "a video page has no text body");
    }

    [TestMethod]
    [DataRow("ndrc_xxgk_zcfb_tz_list_index.html")]
    [DataRow("mee_ywdt_spxw_list_index.html")]
    public void List_pages_are_refused_as_not_documents(string file)
    {
        var result = ParseReal(file);
        StringAssert.StartsWith(result.Error, "not a document page");
    }

    private static int Occurrences(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
