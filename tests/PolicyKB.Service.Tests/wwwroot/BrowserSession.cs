using Microsoft.Playwright;

namespace PolicyKB.Service.Tests.wwwroot;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download does not work here). Without a Chromium the
/// browser tests are reported inconclusive — not run — rather than passed.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ExecutablePathVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly TestContext testContext;
    private int screenshots;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, TestContext testContext)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.testContext = testContext;
        Context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") Errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => Errors.Add("page: " + error);
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Script errors and console errors (a CSP violation is one) seen so far.</summary>
    public List<string> Errors { get; } = [];

    public static string? ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutablePathVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    public static async Task<BrowserSession> StartAsync(TestContext testContext, ViewportSize? viewport = null)
    {
        var chromium = ChromiumPath();
        if (chromium is null)
            Assert.Inconclusive($"No Chromium at /usr/bin/chromium or in {ExecutablePathVariable}: the browser tests did not run (install Debian's chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1360, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return new BrowserSession(playwright, browser, context, page, testContext);
    }

    /// <summary>Saves a full-page screenshot as a result file of the running test.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(testContext.TestRunResultsDirectory ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{testContext.TestName}-{++screenshots:00}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        testContext.AddResultFile(path);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
