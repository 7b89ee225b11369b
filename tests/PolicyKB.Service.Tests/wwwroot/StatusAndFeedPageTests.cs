using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyKB.Service.Tests.Api;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

[TestClass]
public sealed class StatusAndFeedPageTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ARepealedDocumentShowsItsBadgeTheSentenceAndALinkToTheRepealingText()
    {
        await using var service = await RunningService.StartAsync(withSamples: false);
        await DocumentStatusApiTests.UploadAsync(service, "first-notice.html");
        await DocumentStatusApiTests.UploadAsync(service, "later-notice.html");
        var first = (await service.SearchAsync("q=" + Uri.EscapeDataString("核查试点") + "&sort=oldest")).Hits[0];

        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(service.Address + "?q=" + Uri.EscapeDataString("核查") + "&sort=oldest");
        await Expect(page.Locator($"#hits li.hit[data-id='{first.Id}'] .status-tag")).ToHaveTextAsync("已废止");
        await Expect(page.Locator("#hits .status-tag")).ToHaveTextAsync(["已废止", "现行有效"]);
        await session.ScreenshotAsync("hit-badges");

        await page.GotoAsync(service.Address + "?doc=" + Uri.EscapeDataString(first.Id));

        var status = page.Locator("#doc-status");
        await Expect(status.Locator(".status-badge")).ToHaveTextAsync("已废止");
        await Expect(status.Locator(".status-evidence")).ToContainTextAsync("同时废止");
        await session.ScreenshotAsync("status-repealed");
        await status.Locator(".status-by a").ClickAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("关于做好全国碳市场企业温室气体排放报告核查工作的通知");
        await Expect(page.Locator("#doc-status .status-badge")).ToHaveTextAsync("现行有效");
    }

    [TestMethod]
    public async Task The订阅ButtonShowsTheFeedOfTheSearchOnThePage()
    {
        var service = SharedService.Instance;
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(service.Address + "?q=" + Uri.EscapeDataString("碳") + "&site=mee&sort=oldest&page=1");

        await Expect(page.Locator("#feed-box")).ToBeHiddenAsync();
        await page.ClickAsync("#feed-toggle");
        await Expect(page.Locator("#feed-box")).ToBeVisibleAsync();
        var address = await page.InputValueAsync("#feed-url");
        StringAssert.Matches(address, new Regex("^http://127\\.0\\.0\\.1:\\d+/feeds/search\\.atom\\?q=%E7%A2%B3&site=mee$"));
        await session.ScreenshotAsync("feed-box");

        var feed = XDocument.Parse(await service.Client.GetStringAsync(address));
        Assert.IsGreaterThan(0, feed.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());
    }
}
