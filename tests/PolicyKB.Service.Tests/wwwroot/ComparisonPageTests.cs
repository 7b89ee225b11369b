using PolicyKB.Search;
using PolicyKB.Service.Tests.Api;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>The document page's comparisons (a draft with its final text, a version with the one before) and the 效力 facet, in Chromium.</summary>
[TestClass]
public sealed class ComparisonPageTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ADraftWithItsFinalTextInTheSamplesShowsThemSideBySideWithChangesMarked()
    {
        var service = SharedService.Instance;
        var draft = (await service.SearchAsync("q=" + Uri.EscapeDataString("公开征求 自愿减排"))).Hits.Single(h => h.Title.Contains("征求意见稿"));
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;

        await page.GotoAsync(service.Address + "?doc=" + Uri.EscapeDataString(draft.Id));

        var compare = page.Locator("#draft-compare");
        await Expect(compare.Locator("thead th").Nth(1)).ToContainTextAsync("温室气体自愿减排交易管理办法（试行）");
        await Expect(compare.Locator("tr.changed ins").First).ToBeVisibleAsync();
        await Expect(compare.Locator("ins", new() { HasText = "控制和减少人为活动产生的温室气体排放" })).ToHaveCountAsync(1);
        await Expect(compare.Locator("tr.changed").First.Locator("del")).ToContainTextAsync(["关于公开征求《", "》（征求意见稿）意见的通知"]);
        // Unchanged articles stay on one row each, side by side.
        await Expect(compare.Locator("tr.same", new() { HasText = "第二条" })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("draft-final-comparison");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task The效力FacetFiltersTheHitsToTheRepealedNotice()
    {
        var service = SharedService.Instance;
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(service.Address + "?q=" + Uri.EscapeDataString("产业园区规划环境影响评价"));
        await Expect(page.Locator("#hits li.hit")).ToHaveCountAsync(2);

        await page.Locator("section.facet[data-facet='status'] input[data-value='已废止']").CheckAsync();

        await Expect(page.Locator("#hits li.hit")).ToHaveCountAsync(1);
        await Expect(page.Locator("#hits li.hit").First).ToContainTextAsync("环境保护部关于加强产业园区规划环境影响评价有关工作的通知");
        StringAssert.Contains(Uri.UnescapeDataString(page.Url), "status=已废止");
        await session.ScreenshotAsync("status-facet");
    }

    [TestMethod]
    public async Task ADocumentTheCrawlerSawChangeListsItsVersionsAndComparesOneWithThePrevious()
    {
        var folder = RunningService.NewTemporaryFolder();
        using (var index = PolicyIndex.Open(folder, TestData.IndexOptions))
        {
            index.Upsert(VersionApiTests.Page(0, "一、试点范围为北京、上海。\n二、请于2024年6月30日前报送。"));
            index.Upsert(VersionApiTests.Page(1, "一、试点范围为北京、上海、广东。\n二、请于2024年9月30日前报送。\n三、各地要加强组织保障。"));
            index.Commit();
        }
        try
        {
            await using var service = await RunningService.StartAsync(withSamples: false, indexDirectory: folder);
            await using var session = await BrowserSession.StartAsync(TestContext);
            var page = session.Page;
            await page.GotoAsync(service.Address + "?doc=page");

            await Expect(page.Locator(".versions li")).ToHaveCountAsync(2);
            await page.Locator(".compare-version[data-n='2']").ClickAsync();

            var shown = page.Locator("#version-compare");
            await Expect(shown.Locator("ins", new() { HasText = "三、各地要加强组织保障。" })).ToHaveCountAsync(1);
            await Expect(shown.Locator("del")).ToContainTextAsync(["6"]);
            await Expect(shown.Locator(".compare-summary")).ToContainTextAsync("新增");
            await session.ScreenshotAsync("version-comparison");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
