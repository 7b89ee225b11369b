using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>高级检索 and 在结果中检索 in Chromium: the panel writes the query language, the URL holds it, a reload gives the same fields and hits.</summary>
[TestClass]
public sealed class AdvancedSearchBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    private static RunningService Service => SharedService.Instance;

    private static async Task<List<string>> TitlesAsync(IPage page) => [.. await page.Locator("#hits .hit-title").AllInnerTextsAsync()];

    [TestMethod]
    public async Task AdvancedSearchRoundTripsThroughTheUrl()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Service.Address.ToString());
        await page.ClickAsync("#advanced-toggle");
        await Expect(page.Locator("#advanced")).ToBeVisibleAsync();

        await page.FillAsync("#adv-body", "碳达峰 碳中和");
        await page.SelectOptionAsync("#adv-body-mode", "any");
        await page.FillAsync("#adv-title", "通知");
        await page.FillAsync("#adv-written-from", "2021-01-01");
        await page.FillAsync("#adv-written-to", "2023-12-31");
        const string query = "title:\"通知\" body:碳达峰 OR body:碳中和 written:2021-01-01..2023-12-31";
        await Expect(page.Locator("#adv-query")).ToHaveTextAsync(query);
        await Expect(page.Locator("#q")).ToHaveValueAsync(query, new() { Timeout = 2000 });
        await session.ScreenshotAsync("advanced-panel");

        await page.ClickAsync("#advanced button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("adv=1"));
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        var total = await page.Locator("#total").InnerTextAsync();
        var expected = await Service.SearchAsync("q=" + Uri.EscapeDataString(query));
        Assert.AreEqual(expected.Total.ToString(CultureInfo.InvariantCulture), total);
        Assert.IsGreaterThan(0, expected.Total);
        var all = await Service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰 OR 碳中和"));
        Assert.IsLessThan(all.Total, expected.Total, "the fields narrow the search");
        var titles = await TitlesAsync(page);

        await page.ReloadAsync();
        await Expect(page.Locator("#advanced")).ToBeVisibleAsync();
        await Expect(page.Locator("#adv-title")).ToHaveValueAsync("通知");
        await Expect(page.Locator("#adv-title-mode")).ToHaveValueAsync("exact");
        await Expect(page.Locator("#adv-body")).ToHaveValueAsync("碳达峰 碳中和");
        await Expect(page.Locator("#adv-body-mode")).ToHaveValueAsync("any");
        await Expect(page.Locator("#adv-written-from")).ToHaveValueAsync("2021-01-01");
        await Expect(page.Locator("#adv-written-to")).ToHaveValueAsync("2023-12-31");
        await Expect(page.Locator("#adv-any")).ToHaveValueAsync("");
        await Expect(page.Locator("#total")).ToHaveTextAsync(total);
        CollectionAssert.AreEqual(titles, await TitlesAsync(page));

        // 在结果中检索: a chip, fewer hits, and the back button returns to the hits before it.
        var before = await Service.SearchAsync("q=" + Uri.EscapeDataString(query) + "&within=" + Uri.EscapeDataString("试点"));
        await page.FillAsync("#within", "试点");
        await page.PressAsync("#within", "Enter");
        await Expect(page).ToHaveURLAsync(new Regex("within=%E8%AF%95%E7%82%B9"));
        await Expect(page.Locator("#chips .chip", new() { HasText = "在结果中：试点" })).ToBeVisibleAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(before.Total.ToString(CultureInfo.InvariantCulture));
        Assert.IsLessThan(expected.Total, before.Total);
        await page.GoBackAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(total);
        await Expect(page.Locator("#chips .chip", new() { HasText = "在结果中" })).ToHaveCountAsync(0);
        await page.GoForwardAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(before.Total.ToString(CultureInfo.InvariantCulture));

        // A range that runs backwards is named in Chinese and not searched.
        await page.FillAsync("#adv-written-from", "2024-01-01");
        await page.ClickAsync("#advanced button[type=submit]");
        await Expect(page.Locator("#adv-error")).ToHaveTextAsync("成文日期范围无效：起始日期 2024-01-01 晚于截止日期 2023-12-31。");
        await Expect(page.Locator("#total")).ToHaveTextAsync(before.Total.ToString(CultureInfo.InvariantCulture));
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task TheDocumentPageHasContentsAndLinksToDocumentsItNames()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Service.Address + "?doc=bd4df6ed1520b2b5a490");
        var link = page.Locator(".doc-body a.text-link", new() { HasText = "温室气体自愿减排交易管理办法（试行）" }).First;
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("doc=5461c7f2f3523c4ffdef"));
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("温室气体自愿减排交易管理办法（试行）");

        // The regulation's 章 are its contents (its 条 are articles, not headings); a click scrolls to one and leaves the address alone.
        var toc = page.Locator("nav.toc a");
        var entries = await toc.AllInnerTextsAsync();
        Assert.HasCount(2, entries, string.Join(" | ", entries));
        StringAssert.Matches(entries[0], new Regex(@"^第一章\s*总则$"));
        StringAssert.Matches(entries[1], new Regex(@"^第二章\s*项目审定与登记$"));
        var url = page.Url;
        await toc.Nth(1).ClickAsync();
        var target = await toc.Nth(1).GetAttributeAsync("href");
        await Expect(page.Locator(target!)).ToBeInViewportAsync();
        await Expect(page.Locator(target!)).ToBeFocusedAsync();
        Assert.AreEqual(url, page.Url);

        // Printed, the page is the document alone.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.toc")).ToBeHiddenAsync();
        await Expect(page.Locator(".doc-body")).ToBeVisibleAsync();
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }
}
