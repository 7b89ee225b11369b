namespace PolicyKB.Model.Tests;

[TestClass]
public sealed class DocumentIdTests
{
    private const string Url = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html";

    [TestMethod]
    public void Same_page_gives_the_same_id_whatever_host_case_fragment_or_print_copy()
    {
        var id = DocumentId.FromUrl(Url);
        Assert.AreEqual(id, DocumentId.FromUrl("https://WWW.NDRC.GOV.CN/xxgk/zcfb/tz/202606/t20260625_1406079.html#top"));
        Assert.AreEqual(id, DocumentId.FromUrl("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079_ext.html"));
        Assert.AreEqual(id, DocumentId.FromUrl("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/../202606/t20260625_1406079.html"));
        Assert.AreEqual(20, id.Length);
    }

    [TestMethod]
    public void Different_pages_and_files_give_different_ids()
    {
        Assert.AreNotEqual(DocumentId.FromUrl(Url), DocumentId.FromUrl(Url.Replace("1406079", "1406080")));
        Assert.AreNotEqual(DocumentId.FromFile("a/page.html"), DocumentId.FromFile("b/page.html"));
        Assert.AreEqual(DocumentId.FromFile("a/page.html"), DocumentId.FromFile(Path.GetFullPath("a/page.html")));
    }
}
