namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class SiteProfileTests
{
    [TestMethod]
    public void EverySiteHasAProfileInTheDataFolder()
    {
        CollectionAssert.AreEquivalent(new[] { "govcn", "ndrc", "mee", "ccer" }, TestData.Sites.Profiles.Keys.ToArray());
        foreach (var profile in TestData.Sites.Profiles.Values)
        {
            Assert.IsTrue(profile.StartUrls.Count > 0, profile.Code);
            Assert.IsTrue(profile.MaxListPages > 0, profile.Code);
        }
    }

    [TestMethod]
    public void AMalformedProfileIsAClearError()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ \"code\": \"x\", ");
            var e = Assert.ThrowsExactly<InvalidDataException>(() => SiteProfile.Load(path));
            StringAssert.Contains(e.Message, path);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void ClassifiesNdrcLinksByThePatternsOfItsProfile()
    {
        var ndrc = new SiteEndpoint(TestData.Sites.Profiles["ndrc"]);

        Assert.AreEqual(LinkKind.Detail, ndrc.Classify("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/t20260625_1406079.html"));
        Assert.AreEqual(LinkKind.List, ndrc.Classify("https://www.ndrc.gov.cn/xxgk/zcfb/tz/index_3.html"));
        Assert.AreEqual(LinkKind.Attachment, ndrc.Classify("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/P020260625612978907651.pdf"));
        Assert.AreEqual(LinkKind.Other, ndrc.Classify("https://www.ndrc.gov.cn/xxgk/jd/jd/202606/t20260615_1405864.html"), "interpretations are not notices");
        Assert.IsFalse(ndrc.IsReadableAttachment("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202606/P020260625613793458775.ofd"));
    }

    [TestMethod]
    public void CcerFollowsOnlyLinksWhoseTextNamesAMethodology()
    {
        var ccer = new SiteEndpoint(TestData.Sites.Profiles["ccer"]);
        const string url = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202310/t20231024_1043877.html";

        Assert.AreEqual(LinkKind.Detail, ccer.Classify(url, "关于印发《温室气体自愿减排项目方法学 造林碳汇（CCER-14-001-V01）》等4项方法学的通知"));
        Assert.AreEqual(LinkKind.Other, ccer.Classify(url, "关于开展排污许可证执行报告检查的通知"));
    }
}
