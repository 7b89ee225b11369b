using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>Keyboard and phone use of the result page: focus kept on a facet, skip link, the filter sheet, a page past the end.</summary>
[TestClass]
public sealed class AccessibilityBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    private static RunningService Service => SharedService.Instance;

    private static string Search(string q, string more = "") => Service.Address + "?q=" + Uri.EscapeDataString(q) + more;

    [TestMethod]
    public async Task SpaceTicksAFacetAndTheFocusStaysOnIt()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Search("碳达峰"));
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.Locator("#summary")).ToHaveAttributeAsync("aria-live", "polite");

        var box = page.Locator("section[data-facet=type] input[type=checkbox]").First;
        var value = await box.GetAttributeAsync("data-value");
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page).ToHaveURLAsync(new Regex("type="));
        var ticked = page.Locator($"section[data-facet=type] input[data-value='{value}']");
        await Expect(ticked).ToBeCheckedAsync();
        await Expect(ticked).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page).Not.ToHaveURLAsync(new Regex("type="));
        await Expect(page.Locator($"section[data-facet=type] input[data-value='{value}']")).ToBeFocusedAsync();

        // The first Tab stop is the skip link; it takes the focus to the results.
        await page.GotoAsync(Search("碳达峰"));
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#results")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<bool>("() => document.getElementById('results').contains(document.activeElement)");
        Assert.IsTrue(focused, "the next Tab stop after the skip link is inside the results");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task TheIssuerFacetHasAFilterBoxAndATree()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Search(""));
        var facet = page.Locator("section[data-facet=issuer]");
        await Expect(facet.Locator("li").First).ToBeVisibleAsync();
        // 国务院 heads the ministries that stand under it: indented beneath it, folded away with its toggle.
        var ministry = facet.Locator("li.depth-1", new() { Has = page.Locator("input[data-value='生态环境部']") });
        await Expect(ministry).ToBeVisibleAsync();
        var state = facet.Locator("li.has-children.depth-0", new() { Has = page.Locator("input[data-value='国务院']") });
        await state.Locator("button.tree-toggle").ClickAsync();
        await Expect(ministry).ToHaveCountAsync(0);
        await Expect(state.Locator("button.tree-toggle")).ToBeFocusedAsync();
        await Expect(state.Locator("button.tree-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await state.Locator("button.tree-toggle").ClickAsync();
        await Expect(ministry).ToBeVisibleAsync();

        await facet.Locator("input.facet-filter").FillAsync("生态");
        var labels = await facet.Locator(".facet-label").AllInnerTextsAsync();
        Assert.IsTrue(labels.Contains("生态环境部"), string.Join("、", labels));
        Assert.IsTrue(labels.All(l => l.Contains("生态") || l == "国务院"), string.Join("、", labels));
        await Expect(facet.Locator("input.facet-filter")).ToBeFocusedAsync();
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task OnAPhoneTheFilterSheetClosesOnToTheHits()
    {
        await using var session = await BrowserSession.StartAsync(TestContext, new ViewportSize { Width = 390, Height = 844 });
        var page = session.Page;
        await page.GotoAsync(Search("碳达峰"));
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        await page.ClickAsync("#filters-toggle");
        await Expect(page.Locator("#filters")).ToBeVisibleAsync();
        await Expect(page.Locator("#filters-close")).ToBeFocusedAsync();

        var value = page.Locator("section[data-facet=type] li").First;
        var count = await value.Locator(".count").InnerTextAsync();
        await value.Locator("input").CheckAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(count);
        // Ticking keeps the sheet open; its button names what closing it shows.
        await Expect(page.Locator("#filters")).ToBeVisibleAsync();
        await Expect(page.Locator("#filters-apply")).ToHaveTextAsync($"查看 {count} 条结果");
        await session.ScreenshotAsync("phone-sheet");
        await page.ClickAsync("#filters-apply");
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(page.Locator("#hits .hit-title").First).ToBeInViewportAsync();
        await Expect(page.Locator("#filters-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task APagePastTheEndSaysSoAndLeadsBackToTheLastPage()
    {
        var result = await Service.SearchAsync("q=");
        Assert.IsGreaterThan(10, result.Total, "needs two pages of hits");
        var last = (result.Total + 9) / 10;
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Search("", "&page=99"));
        var notice = page.Locator("#hits .out-of-range");
        await Expect(notice).ToContainTextAsync($"超出结果范围：共 {result.Total} 件");
        await Expect(page.Locator("#hits")).Not.ToContainTextAsync("没有找到");
        await notice.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"page={last}"));
        await Expect(page.Locator("#hits li.hit")).ToHaveCountAsync(result.Total - (last - 1) * 10);
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }
}
