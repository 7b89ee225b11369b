using Microsoft.Playwright;
using PolicyKB.Service.Tests.Api;
using PolicyKB.Service.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>A title carrying a right-to-left override, stored in the index as a hostile page could make it, reads as written.</summary>
[TestClass]
public sealed class BidiBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// Where the browser draws "fdp" and "exe" of the element's text: with the override in force "fdp.exe" shows as
    /// "exe.pdf", its "exe" left of its "fdp".
    /// </summary>
    private static Task<bool> ReadsInLogicalOrderAsync(ILocator element) => element.EvaluateAsync<bool>("""
        e => {
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          const left = (s) => {
            for (let n = walker.currentNode; n; n = walker.nextNode()) {
              const i = n.nodeType === Node.TEXT_NODE ? n.data.indexOf(s) : -1;
              if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + s.length); return r.getBoundingClientRect().left; }
            }
            throw new Error('no text ' + s);
          };
          const fdp = left('fdp'); walker.currentNode = e; const exe = left('exe');
          return fdp < exe;
        }
        """);

    [TestMethod]
    public async Task ABidiOverrideInATitleDoesNotReorderItAndScriptLinksAreNotLinks()
    {
        var folder = SafeOutputTests.IndexWithHostileDocument();
        try
        {
            await using var service = await RunningService.StartAsync(withSamples: false, indexDirectory: folder);
            await using var session = await BrowserSession.StartAsync(TestContext);
            var page = session.Page;

            await page.GotoAsync(service.Address + "?q=" + Uri.EscapeDataString("碳达峰"));
            var hitTitle = page.Locator("#hits .hit-title").First;
            await Expect(hitTitle).ToHaveTextAsync(SafeOutputTests.CleanTitle);
            Assert.IsTrue(await ReadsInLogicalOrderAsync(hitTitle), "the hit's title is drawn reordered");

            await hitTitle.ClickAsync();
            var title = page.Locator("#doc-title");
            await Expect(title).ToHaveTextAsync(SafeOutputTests.CleanTitle);
            Assert.IsTrue(await ReadsInLogicalOrderAsync(title), "the document's title is drawn reordered");
            await Expect(page.Locator("#document")).ToContainTextAsync("附件1");
            await Expect(page.Locator("#document a[href='https://www.gov.cn/zhengce/a.pdf']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#document a[href^='javascript:' i], #document a[href^='data:' i], #document a[href^='vbscript:' i]")).ToHaveCountAsync(0);
            await session.ScreenshotAsync("bidi-title");
            Assert.IsEmpty(session.Errors, string.Join("\n", session.Errors));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
