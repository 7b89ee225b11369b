namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class SiteEndpointTests
{
    private static readonly SiteEndpoint Real = new(TestData.Sites.Profiles["ndrc"]);
    private static readonly SiteEndpoint Mirror = new(TestData.Sites.Profiles["ndrc"], "http://127.0.0.1:5000/");

    [TestMethod]
    public void CanonicalisesLinksSoOnePageIsFetchedOnce()
    {
        var page = new Uri("https://www.ndrc.gov.cn/xxgk/zcfb/tz/index.html");

        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", Real.ToFetchUrl("./202606/t20260625_1406079.html#content", page));
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", Real.ToFetchUrl("../tz/./202606/t20260625_1406079_ext.html", page));
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", Real.ToFetchUrl("HTTPS://WWW.NDRC.GOV.CN/xxgk/zcfb/tz/202606/t20260625_1406079.html"));
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", Real.ToFetchUrl("http://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html"));
    }

    [TestMethod]
    public void RefusesHostsOffTheAllowlist()
    {
        Assert.IsNull(Real.ToFetchUrl("https://www.example.com/xxgk/zcfb/tz/202606/t20260625_1406079.html"));
        Assert.IsNull(Real.ToFetchUrl("ftp://www.ndrc.gov.cn/file.pdf"));
        Assert.IsNull(Real.ToFetchUrl("javascript:void(0)"));
        Assert.IsFalse(Mirror.IsAllowed(new Uri("https://www.ndrc.gov.cn/")), "a mirror crawl never touches the real site");
    }

    [TestMethod]
    public void MovesSiteLinksOntoTheMirrorAndBack()
    {
        var fetched = Mirror.ToFetchUrl("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html");

        Assert.AreEqual("http://127.0.0.1:5000/xxgk/zcfb/tz/202606/t20260625_1406079.html", fetched);
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", Mirror.ToSiteUrl(fetched!));
        Assert.AreEqual(LinkKind.Detail, Mirror.Classify(fetched!));
    }

    [TestMethod]
    public void AMirrorBelowAPathKeepsTheSitesPaths()
    {
        var nested = new SiteEndpoint(TestData.Sites.Profiles["ndrc"], "http://mirror.local/ndrc");

        var fetched = nested.ToFetchUrl("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html");

        Assert.AreEqual("http://mirror.local/ndrc/xxgk/zcfb/tz/202606/t20260625_1406079.html", fetched);
        Assert.AreEqual(LinkKind.Detail, nested.Classify(fetched!));
        Assert.AreEqual("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html", nested.ToSiteUrl(fetched!));
    }

    [TestMethod]
    public void RejectsABaseUrlThatIsNotAnAddress()
    {
        var error = new CrawlOptions { Sites = ["ndrc"], BaseUrls = new Dictionary<string, string> { ["ndrc"] = "not a url" } }.Resolve(TestData.Sites.Profiles).Error;
        StringAssert.Contains(error, "not an absolute http(s) URL");
        error = new CrawlOptions { Sites = ["nope"] }.Resolve(TestData.Sites.Profiles).Error;
        StringAssert.Contains(error, "unknown site 'nope'");
    }
}
