using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>An editor puts a brief together on the page: order, issue number and date, a summary of their own, a move to another section.</summary>
[TestClass]
public sealed class BriefEditorBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    private static RunningService Service => SharedService.Instance;

    private static async Task<string[]> PreviewIdsAsync(IPage page, string key) =>
        [.. await page.Locator($"#brief-preview section[data-key='{key}'] > .brief-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")];

    [TestMethod]
    public async Task TheEditorOrdersNumbersRewritesAndMovesItemsAndThePreviewShowsIt()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(new Uri(Service.Address, "/?issuer=" + Uri.EscapeDataString("国务院")).ToString());
        var adds = page.Locator("#hits li.hit:not(:has(.parent)) .add-brief");
        await Expect(adds.First).ToBeVisibleAsync();
        for (var i = 0; i < await adds.CountAsync(); i++) await adds.Nth(i).ClickAsync();
        await page.ClickAsync("#tray-toggle");

        await page.FillAsync("#brief-year-issue", "7");
        await page.FillAsync("#brief-number", "31");
        await page.FillAsync("#brief-date", "2023-12-15");
        await page.Locator("#brief-date").DispatchEventAsync("change");
        await page.ClickAsync("#brief-generate");
        await Expect(page.Locator("#brief-preview .brief-head")).ToContainTextAsync("2023 年第 7 期 (总 31 期)");
        await Expect(page.Locator("#brief-preview .brief-head")).ToContainTextAsync("2023 年 12 月 15 日");

        // Reorder in the tray: the last item of 政策速递 (by date) goes to the top, and the preview's section follows the tray.
        var trayIds = async () => await page.Locator("#tray-items .tray-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)");
        var byDate = await PreviewIdsAsync(page, "政策速递");
        Assert.IsGreaterThanOrEqualTo(2, byDate.Length, "政策速递 holds at least two of the samples' State Council documents");
        while ((await trayIds())[0] != byDate[^1])
        {
            var at = Array.IndexOf(await trayIds(), byDate[^1]);
            await page.Locator("#tray-items .tray-item").Nth(at).Locator("button[aria-label='上移']").ClickAsync();
        }
        await Expect(page.Locator("#brief-preview section[data-key='政策速递'] > .brief-item").First).ToHaveAttributeAsync("data-id", byDate[^1]);
        var tray = await trayIds();
        var order = tray.Where(byDate.Contains).ToArray();
        CollectionAssert.AreEqual(order, await PreviewIdsAsync(page, "政策速递"));

        // Edit a summary in place.
        var first = page.Locator($"#brief-preview .brief-item[data-id='{order[0]}']");
        await first.Locator(".brief-edit").ClickAsync();
        await first.Locator("textarea").FillAsync("编辑改写的摘要第一段。\n编辑改写的摘要第二段。");
        await first.Locator(".brief-save").ClickAsync();
        await Expect(page.Locator($"#brief-preview .brief-item[data-id='{order[0]}'] .brief-para").First).ToHaveTextAsync("编辑改写的摘要第一段。");

        // Move the last item of 政策速递 to 绿色金融.
        await page.Locator($"#brief-preview .brief-item[data-id='{order[^1]}'] select.brief-move").SelectOptionAsync("绿色实践/绿色金融");
        await Expect(page.Locator($"#brief-preview section[data-key='绿色实践/绿色金融'] .brief-item[data-id='{order[^1]}']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("brief-editor");
        // The tray alone, as README shows it (docs/images/brief-editor.png is this file).
        var trayShot = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "brief-editor.png");
        await page.Locator("#tray").ScreenshotAsync(new LocatorScreenshotOptions { Path = trayShot });
        TestContext.AddResultFile(trayShot);

        // Everything survives a reload (the tray and the brief's settings live in localStorage).
        await page.ReloadAsync();
        await page.ClickAsync("#tray-toggle");
        await Expect(page.Locator("#brief-number")).ToHaveValueAsync("31");
        CollectionAssert.AreEqual(tray, await trayIds());
        await page.ClickAsync("#brief-generate");
        await Expect(page.Locator($"#brief-preview .brief-item[data-id='{order[0]}'] .brief-para").First).ToHaveTextAsync("编辑改写的摘要第一段。");
        await Expect(page.Locator($"#brief-preview section[data-key='绿色实践/绿色金融'] .brief-item[data-id='{order[^1]}']")).ToBeVisibleAsync();

        var markdown = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#brief-downloads button[data-format=md]"));
        var text = await File.ReadAllTextAsync(await markdown.PathAsync());
        StringAssert.Contains(text, "2023 年第 7 期 (总 31 期)");
        StringAssert.Contains(text, "编辑改写的摘要第一段。");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task ANetworkFailureIsToldInChineseWithRetryAndNoStaleFacets()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(new Uri(Service.Address, "/?q=" + Uri.EscapeDataString("碳达峰")).ToString());
        await Expect(page.Locator("#facets section.facet").First).ToBeVisibleAsync();

        await page.RouteAsync("**/api/search?**", route => route.AbortAsync("internetdisconnected"));
        await page.FillAsync("#q", "碳市场");
        await page.PressAsync("#q", "Enter");
        await Expect(page.Locator("#notices .notice.error")).ToContainTextAsync("无法连接到知识库服务");
        await Expect(page.Locator("#facets section.facet")).ToHaveCountAsync(0);

        await page.UnrouteAllAsync();
        await page.ClickAsync("#notices button.retry");
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        await Expect(page.Locator("#facets section.facet").First).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task ASuggestedDocumentOpensItsPageAndTheExportSaysWhatItHolds()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(new Uri(Service.Address, "/?q=" + Uri.EscapeDataString("碳达峰")).ToString());
        var total = (await Service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰"))).Total;
        await Expect(page.Locator("#export-note")).ToHaveTextAsync($"将导出全部 {total} 条");

        await page.FillAsync("#q", "");
        await page.Locator("#q").PressSequentiallyAsync("碳达峰");
        var document = page.Locator("#suggestions li.suggestion-document").First;
        await Expect(document).ToBeVisibleAsync();
        await document.DispatchEventAsync("mousedown");
        await Expect(page).ToHaveURLAsync(new Regex("doc="));
        await Expect(page.Locator("#doc-title")).ToBeVisibleAsync();
    }
}
