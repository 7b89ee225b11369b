namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class RobotsRulesTests
{
    [TestMethod]
    public void TheGroupNamingTheCrawlerWinsOverTheStarGroup()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: PolicyKB\nDisallow: /private/\nCrawl-delay: 2\n", "PolicyKB");

        Assert.IsTrue(rules.IsAllowed("/xxgk/index.html"));
        Assert.IsFalse(rules.IsAllowed("/private/a.html"));
        Assert.AreEqual(TimeSpan.FromSeconds(2), rules.CrawlDelay);
    }

    [TestMethod]
    public void TheLongestMatchingRuleDecidesAndWildcardsWork()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /xxgk/\nAllow: /xxgk/zcfb/\nDisallow: /*.pdf$\n# comment\n", "PolicyKB");

        Assert.IsFalse(rules.IsAllowed("/xxgk/jd/a.html"));
        Assert.IsTrue(rules.IsAllowed("/xxgk/zcfb/tz/a.html"));
        Assert.IsFalse(rules.IsAllowed("/files/a.pdf"));
        Assert.IsTrue(rules.IsAllowed("/files/a.pdf.html"));
        Assert.IsNull(rules.CrawlDelay);
    }

    [TestMethod]
    public void AnEmptyDisallowAllowsEverything()
    {
        Assert.IsTrue(RobotsRules.Parse("User-agent: *\nDisallow:\n", "PolicyKB").IsAllowed("/any"));
    }
}
