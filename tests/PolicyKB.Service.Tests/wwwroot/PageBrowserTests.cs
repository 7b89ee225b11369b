using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

[TestClass]
public sealed class PageBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    private static RunningService Service => SharedService.Instance;

    private static async Task<int> TotalAsync(IPage page) => int.Parse((await page.Locator("#total").InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);

    [TestMethod]
    public async Task SearchFilterReadGoBackCollectAndExport()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        await page.GotoAsync(Service.Address.ToString());

        await page.FillAsync("#q", "碳达峰");
        await page.PressAsync("#q", "Enter");
        await Expect(page).ToHaveURLAsync(new Regex("q=%E7%A2%B3%E8%BE%BE%E5%B3%B0"));
        await Expect(page.Locator("#hits li.hit").First).ToBeVisibleAsync();
        await Expect(page.Locator("#hits mark").First).ToBeVisibleAsync();
        var total = await TotalAsync(page);
        Assert.IsGreaterThanOrEqualTo(2, total);
        await session.ScreenshotAsync("results");

        // An issuer facet that narrows the hits: the count and the hits change, a chip shows the filter.
        var issuerValues = page.Locator("section[data-facet=issuer] li");
        ILocator? narrowing = null;
        var expected = 0;
        for (var i = 0; i < await issuerValues.CountAsync(); i++)
        {
            var count = int.Parse(await issuerValues.Nth(i).Locator(".count").InnerTextAsync(), CultureInfo.InvariantCulture);
            if (count < total) { narrowing = issuerValues.Nth(i); expected = count; break; }
        }
        Assert.IsNotNull(narrowing, "no issuer facet value narrows the search");
        var issuer = await narrowing.Locator(".facet-label").InnerTextAsync();
        await narrowing.Locator("input").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("issuer="));
        await Expect(page.Locator("#total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#hits li.hit")).ToHaveCountAsync(Math.Min(expected, 10));
        await Expect(page.Locator("#chips .chip")).ToContainTextAsync(issuer);
        await Expect(page.Locator("section[data-facet=issuer] input:checked")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("filtered");

        // Open a document, then back to the same filtered results.
        var title = await page.Locator("#hits .hit-title").First.InnerTextAsync();
        await page.Locator("#hits .hit-title").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("doc="));
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(title);
        await Expect(page.Locator(".meta-table")).ToContainTextAsync("发文机关");
        await Expect(page.Locator(".doc-body mark").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("document");

        await page.GoBackAsync();
        await Expect(page.Locator("#search-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#chips .chip")).ToContainTextAsync(issuer);

        // Two decisions into the brief tray (an attachment hit would join its notice's item): without the filter if it left fewer.
        var decisions = page.Locator("#hits li.hit:not(:has(.parent)) .add-brief");
        if (await decisions.CountAsync() < 2)
        {
            await page.Locator("#chips .chip").First.ClickAsync();
            await Expect(page.Locator("#total")).ToHaveTextAsync(total.ToString(CultureInfo.InvariantCulture));
        }
        await decisions.Nth(0).ClickAsync();
        await decisions.Nth(1).ClickAsync();
        await Expect(page.Locator("#tray-count")).ToHaveTextAsync("2");
        await page.ClickAsync("#tray-toggle");
        await Expect(page.Locator("#tray-items .tray-item")).ToHaveCountAsync(2);
        await page.ClickAsync("#brief-generate");
        // The brief words titles its own way (国务院印发《…》), so the preview is checked by its items and sources.
        await Expect(page.Locator("#brief-preview .brief-item")).ToHaveCountAsync(2);
        await Expect(page.Locator("#brief-preview .brief-source")).ToHaveCountAsync(2);
        await Expect(page.Locator("#brief-status")).ToContainTextAsync("2 篇");
        await session.ScreenshotAsync("tray");
        var brief = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#brief-downloads button[data-format=docx]"));
        StringAssert.EndsWith(brief.SuggestedFilename, ".docx");
        await page.ClickAsync("#tray-close");

        // Export the current search as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-link"));
        var file = Path.Combine(Path.GetTempPath(), "policykb-export-" + Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(await TotalAsync(page) + 1, lines.Length);
        Assert.IsTrue(lines.Skip(1).Any(l => l.Contains("碳达峰")), "the exported hits are not those of the search");

        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task LandingPageListsTheNewestDocuments()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        var newest = (await Service.SearchAsync("sort=newest&size=1")).Hits[0];

        await page.GotoAsync(Service.Address.ToString());

        await Expect(page.Locator("#sort")).ToHaveValueAsync("newest");
        await Expect(page.Locator("#hits .hit-title").First).ToHaveTextAsync(newest.Title);
        await Expect(page.Locator("#facets section[data-facet=issuer]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("landing");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task SharedUrlRestoresTheSearchAndBackForwardWork()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        var query = "q=" + Uri.EscapeDataString("碳达峰") + "&sort=newest&size=2";
        var firstOn = new[] { (await Service.SearchAsync(query)).Hits[0].Title, (await Service.SearchAsync(query + "&page=2")).Hits[0].Title };
        Assert.AreNotEqual(firstOn[0], firstOn[1]);
        await page.GotoAsync(Service.Address + "?" + query);
        await Expect(page.Locator("#hits li.hit")).ToHaveCountAsync(2);
        await Expect(page.Locator("#sort")).ToHaveValueAsync("newest");
        await Expect(page.Locator("#q")).ToHaveValueAsync("碳达峰");

        await page.Locator("#pager button[aria-label='第 2 页']").ClickAsync();
        // The URL changes before the hits arrive: wait for the hits themselves.
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.Locator("#hits .hit-title").First).ToHaveTextAsync(firstOn[1]);
        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.Locator("#hits .hit-title").First).ToHaveTextAsync(firstOn[0]);
        await Expect(page.Locator("#pager button[aria-current=page]")).ToHaveTextAsync("1");
        await page.GoForwardAsync();
        await Expect(page.Locator("#hits .hit-title").First).ToHaveTextAsync(firstOn[1]);
        await Expect(page.Locator("#hits")).ToHaveAttributeAsync("aria-busy", "false");

        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task AnAttachmentHitLeadsToItsNoticeAndTheNoticeListsIt()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        // Words of the sample PDF that the NDRC notice links.
        await page.GotoAsync(Service.Address + "?q=" + Uri.EscapeDataString("首批在15个省"));
        var attachment = page.Locator("#hits li.hit", new() { Has = page.Locator(".parent") });
        await Expect(attachment).ToHaveCountAsync(1);
        await Expect(attachment.Locator(".hit-title")).ToHaveTextAsync("国家碳达峰试点建设方案");
        await Expect(attachment.Locator(".parent")).ToContainTextAsync("附件，属于：国家发展改革委关于印发《国家碳达峰试点建设方案》的通知");

        await attachment.Locator(".parent a").ClickAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("国家发展改革委关于印发《国家碳达峰试点建设方案》的通知");
        // As from a hit's title: 返回检索结果 steps back in history (so Forward reopens the notice).
        await page.ClickAsync("#back-link");
        await Expect(page.Locator("#hits li.hit .parent")).ToHaveCountAsync(1);
        await page.GoForwardAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("国家发展改革委关于印发《国家碳达峰试点建设方案》的通知");
        var attachments = page.Locator(".related h3:text-is('附件文件') + ul");
        await Expect(attachments).ToContainTextAsync("国家碳达峰试点建设方案");
        await attachments.Locator("a").First.ClickAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("国家碳达峰试点建设方案");
        await Expect(page.Locator(".related h3:text-is('所属文件') + ul")).ToContainTextAsync("国家发展改革委关于印发");
        // The notice also cites the plan and is the most similar text: it is listed once, as the parent.
        await Expect(page.Locator(".related li", new() { HasText = "国家发展改革委关于印发" })).ToHaveCountAsync(1);

        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task ASearchOvertakenWhileItsAnswerIsReadIsDroppedWithoutAnError()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        var page = session.Page;
        // The browser itself rejects the body of an aborted fetch; the test only holds that read until the next view has asked.
        await page.AddInitScriptAsync("""
            const read = Response.prototype.json;
            Response.prototype.json = async function () {
              if (window.__holdSearch && this.url.includes('/api/search')) await window.__holdSearch;
              return read.call(this);
            };
            """);
        await page.GotoAsync(Service.Address + "?q=" + Uri.EscapeDataString("碳达峰"));
        var title = await page.Locator("#hits .hit-title").First.InnerTextAsync();

        await page.EvaluateAsync("() => { window.__holdSearch = new Promise((open) => { window.__openSearch = open; }); }");
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/api/search", StringComparison.Ordinal));
        await page.FillAsync("#q", "发改委");
        await page.PressAsync("#q", "Enter");
        await answered;
        // The search's answer has arrived but is not yet read when the reader opens a document from the hits shown.
        await page.Locator("#hits .hit-title").First.ClickAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(title);
        await page.EvaluateAsync("() => window.__openSearch()");

        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#notices .error")).ToHaveCountAsync(0);
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task OnAPhoneTheHitsComeFirstAndNothingIsWiderThanTheScreen()
    {
        await using var session = await BrowserSession.StartAsync(TestContext, new ViewportSize { Width = 390, Height = 844 });
        var page = session.Page;
        async Task AssertFitsAsync(string view)
        {
            var (content, screen) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.IsLessThanOrEqualTo(screen, content, $"the {view} scrolls sideways on a phone");
        }

        await page.GotoAsync(Service.Address + "?q=" + Uri.EscapeDataString("碳达峰"));
        await Expect(page.Locator("#hits mark").First).ToBeVisibleAsync();
        await Expect(page.Locator("#q")).ToBeInViewportAsync();
        await Expect(page.Locator("#hits .hit-title").First).ToBeInViewportAsync();
        await Expect(page.Locator("#facets")).ToBeHiddenAsync();
        await AssertFitsAsync("result list");
        await session.ScreenshotAsync("phone-results");

        // The filters unfold on demand, and a choice there still narrows the hits.
        await page.ClickAsync("#filters-toggle");
        await Expect(page.Locator("#filters-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        var issuer = page.Locator("section[data-facet=issuer] li").First;
        await Expect(issuer).ToBeVisibleAsync();
        var count = await issuer.Locator(".count").InnerTextAsync();
        await issuer.Locator("input").CheckAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync(count);
        await Expect(page.Locator("#filters-toggle")).ToHaveTextAsync("筛选（1）");
        await AssertFitsAsync("unfolded filters");

        // The filters are a sheet over the hits: 查看 N 条结果 closes it.
        await page.ClickAsync("#filters-apply");
        await page.Locator("#hits .hit-title").First.ClickAsync();
        await Expect(page.Locator("#doc-title")).ToBeVisibleAsync();
        await Expect(page.Locator(".meta-table")).ToBeVisibleAsync();
        await AssertFitsAsync("document view");
        await session.ScreenshotAsync("phone-document");
        Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
    }

    [TestMethod]
    public async Task MarkupInTitlesAndBodiesIsShownAsTextAndNeverRuns()
    {
        await using var session = await BrowserSession.StartAsync(TestContext);
        await using var service = await RunningService.StartAsync(withSamples: false);
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile-page.html");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(fixture)), "files", "hostile-page.html" } })
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form })
        {
            request.Headers.Add(PolicyKB.Service.Api.AdminEndpoints.ApiKeyHeader, RunningService.AdminKey);
            using var response = await service.Client.SendAsync(request);
            Assert.IsTrue(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        var page = session.Page;

        await page.GotoAsync(service.Address + "?q=" + Uri.EscapeDataString("碳达峰"));
        var title = page.Locator("#hits .hit-title").First;
        await Expect(title).ToContainTextAsync("<script>window.pwned=2</script>");
        await Expect(page.Locator("#hits img, #hits script, #hits iframe")).ToHaveCountAsync(0);
        await title.ClickAsync();
        await Expect(page.Locator("#doc-title")).ToContainTextAsync("<img src=x onerror=");
        await Expect(page.Locator(".doc-body")).ToContainTextAsync("<script>window.pwned=3</script>");
        await Expect(page.Locator("#document img, #document script, #document iframe, #document b")).ToHaveCountAsync(0);
        await Expect(page.Locator("#document a[href^='javascript:']")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("hostile-document");

        Assert.IsNull(await page.EvaluateAsync<int?>("() => window.pwned ?? null"), "markup from a document ran");
    }
}
