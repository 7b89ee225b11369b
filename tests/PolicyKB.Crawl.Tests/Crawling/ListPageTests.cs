namespace PolicyKB.Crawl.Tests;

/// <summary>List-page reading on the real pages in ../shared/reference/real-pages (inconclusive when absent).</summary>
[TestClass]
public sealed class ListPageTests
{
    private static byte[] RealPage(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, "shared", "reference", "real-pages", name);
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }
        Assert.Inconclusive($"real page {name} not found (../shared is absent)");
        return [];
    }

    [TestMethod]
    public void ReadsTheNoticesAndPagingOfTheRealNdrcList()
    {
        var ndrc = new SiteEndpoint(TestData.Sites.Profiles["ndrc"]);
        var page = ListPage.Read(RealPage("ndrc_xxgk_zcfb_tz_list_index.html"), "text/html", ndrc.Profile).Value;

        Assert.AreEqual(20, page.TotalPages);
        Assert.AreEqual(("index", "html"), (page.PageName, page.PageExtension));
        var from = new Uri("https://www.ndrc.gov.cn/xxgk/zcfb/tz/");
        var details = page.Links.Select(l => ndrc.ToFetchUrl(l.Href, from)).OfType<string>()
            .Where(u => ndrc.Classify(u) == LinkKind.Detail).Distinct().ToList();
        Assert.IsTrue(details.Count >= 20, $"{details.Count} notices");
        CollectionAssert.Contains(details, "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html");
        Assert.IsFalse(details.Any(u => u.Contains("/jd/")));
    }

    [TestMethod]
    public void ReadsTheCountPagePagingOfTheRealMeeList()
    {
        var news = TestData.Sites.Profiles["mee"] with { DetailPattern = @"^/ywdt/spxw/\d{6}/t\d{8}_\d+\.shtml$" };
        var mee = new SiteEndpoint(news);
        var page = ListPage.Read(RealPage("mee_ywdt_spxw_list_index.html"), null, news).Value;

        Assert.AreEqual(56, page.TotalPages);
        Assert.AreEqual(("index", "shtml"), (page.PageName, page.PageExtension), "name and extension from the commented-out createPageHTML");
        var from = new Uri("https://www.mee.gov.cn/ywdt/spxw/");
        var details = page.Links.Select(l => mee.ToFetchUrl(l.Href, from)).OfType<string>().Where(u => mee.Classify(u) == LinkKind.Detail).Distinct().ToList();
        CollectionAssert.Contains(details, "https://www.mee.gov.cn/ywdt/spxw/202607/t20260705_1160959.shtml");
    }

    [TestMethod]
    public void AJsonListThatIsNotJsonIsAnError()
    {
        var read = ListPage.Read("<html>maintenance</html>"u8.ToArray(), "text/html", TestData.Sites.Profiles["govcn"]);

        Assert.IsFalse(read.Success);
        StringAssert.Contains(read.Error, "not JSON");
    }
}
