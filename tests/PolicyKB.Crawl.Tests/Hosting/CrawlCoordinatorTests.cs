using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyKB.Search;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlCoordinatorTests
{
    private static ServiceProvider Services(CrawlBench bench, PolicyIndex index, bool enabled = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crawl:Enabled"] = enabled ? "true" : "false",
            ["Crawl:InitialDelay"] = "00:00:00",
            ["Crawl:Interval"] = "01:00:00",
            ["Crawl:Sites:0"] = "ndrc",
            ["Crawl:BaseUrls:ndrc"] = bench.Server.BaseUrl,
            ["Crawl:RatePerSecond"] = "500",
            ["Crawl:Contact"] = "ops@example.org",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPolicyIndex>(index);
        services.AddSingleton(TestData.Parser);
        services.AddSingleton(TestData.Sites);
        services.AddPolicyKbCrawler(configuration);
        return services.BuildServiceProvider();
    }

    [TestMethod]
    public async Task StartsOneCrawlAtATimeIntoTheServicesIndex()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 3);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);
        await using var services = Services(bench, index);
        var coordinator = services.GetRequiredService<CrawlCoordinator>();
        var release = new TaskCompletionSource();
        bench.Server.OnRequest = _ => release.Task.Wait();

        var started = coordinator.Start(new CrawlRequest());
        Assert.IsTrue(started.Success, started.Error);
        Assert.IsTrue(started.Value.Running);
        StringAssert.Contains(coordinator.Start(new CrawlRequest()).Error, "已有采集正在运行");
        Assert.IsTrue(coordinator.Status.Running);
        release.SetResult();
        await coordinator.WhenIdle();

        var status = coordinator.Status;
        Assert.IsFalse(status.Running);
        Assert.IsNull(status.LastError);
        Assert.AreEqual(3, status.LastSummary!.New);
        Assert.IsTrue(File.Exists(Path.Combine(bench.Folder, "crawl.db")));
        Assert.AreEqual("PolicyKB/1.0 (+ops@example.org)", bench.Server.Requests.First().UserAgent);
    }

    [TestMethod]
    public async Task RefusesAnUnknownSite()
    {
        await using var bench = await CrawlBench.StartAsync();
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);
        await using var services = Services(bench, index);
        var coordinator = services.GetRequiredService<CrawlCoordinator>();

        StringAssert.Contains(coordinator.Start(new CrawlRequest { Sites = ["nowhere"] }).Error, "未知的网站代码“nowhere”");
        Assert.IsFalse(coordinator.Status.Running);
    }

    [TestMethod]
    public async Task ARecheckPeriodAsksForEveryKnownNoticeAgainOrIsRefusedWhenNegative()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 2);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);
        await using var services = Services(bench, index);
        var coordinator = services.GetRequiredService<CrawlCoordinator>();

        StringAssert.Contains(coordinator.Start(new CrawlRequest { RecheckAfterDays = -1 }).Error, "recheckAfterDays");
        var started = coordinator.Start(new CrawlRequest());
        Assert.IsTrue(started.Success, started.Error);
        await coordinator.WhenIdle();
        started = coordinator.Start(new CrawlRequest());
        Assert.IsTrue(started.Success, started.Error);
        await coordinator.WhenIdle();
        Assert.AreEqual(2, coordinator.Status.LastSummary!.Fresh, "the settings' period (a week) leaves them alone");
        started = coordinator.Start(new CrawlRequest { RecheckAfterDays = 0 });
        Assert.IsTrue(started.Success, started.Error);
        await coordinator.WhenIdle();
        Assert.AreEqual(2, coordinator.Status.LastSummary!.NotModified, "a period of 0 checks them again");
    }

    [TestMethod]
    public async Task TheBackgroundServiceRunsAScheduledCrawlWhenEnabled()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 2);
        using var index = PolicyIndex.Open(bench.Folder, TestData.IndexOptions);
        await using var services = Services(bench, index, enabled: true);
        var hosted = services.GetServices<IHostedService>().OfType<CrawlBackgroundService>().Single();
        var coordinator = services.GetRequiredService<CrawlCoordinator>();

        await hosted.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (coordinator.Status.LastSummary is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        await hosted.StopAsync(CancellationToken.None);

        Assert.AreEqual(2, coordinator.Status.LastSummary?.New);
    }
}
