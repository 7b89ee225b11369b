using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyKB.Search;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlSettingsValidatorTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policykb-crawl-settings-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton<IPolicyIndex>(_ => PolicyIndex.Open(_folder, TestData.IndexOptions));
        builder.Services.AddSingleton(TestData.Parser);
        builder.Services.AddSingleton(TestData.Sites);
        builder.Services.AddPolicyKbCrawler(builder.Configuration);
        return builder.Build();
    }

    [TestMethod]
    [DataRow("Crawl:RatePerSecond", "0", "Crawl:RatePerSecond")]
    [DataRow("Crawl:TimeoutSeconds", "-1", "Crawl:TimeoutSeconds")]
    [DataRow("Crawl:TimeoutSeconds", "soon", "Crawl:TimeoutSeconds")]
    [DataRow("Crawl:MaxTries", "0", "Crawl:MaxTries")]
    [DataRow("Crawl:MaxListPages", "0", "Crawl:MaxListPages")]
    [DataRow("Crawl:Interval", "-01:00:00", "Crawl:Interval")]
    [DataRow("Crawl:RecheckAfter", "-1.00:00:00", "Crawl:RecheckAfter")]
    [DataRow("Crawl:Sites:0", "nowhere", "unknown site 'nowhere'")]
    [DataRow("Crawl:BaseUrls:ndrc", "ftp://mirror", "base URL 'ftp://mirror' for ndrc")]
    public async Task ABadSettingStopsStartUpWithAMessageNamingIt(string key, string value, string named)
    {
        using var host = Host((key, value));

        var e = await Assert.ThrowsAsync<Exception>(() => host.StartAsync());

        StringAssert.Contains(e.Message, named);
    }

    [TestMethod]
    public async Task GoodSettingsStart()
    {
        using var host = Host(("Crawl:Sites:0", "ndrc"), ("Crawl:BaseUrls:ndrc", "http://127.0.0.1:9/"), ("Crawl:RatePerSecond", "2"));

        await host.StartAsync();
        await host.StopAsync();
    }
}
