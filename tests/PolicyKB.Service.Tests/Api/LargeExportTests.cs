using System.Text;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyKB.Service.Tests.Api;

/// <summary>
/// Exports past the search's page size of 100: a service over 130 notices (110 of them on 监测) with its export cap
/// set to 120, so that one export holds every hit and one is cut by the cap.
/// </summary>
[TestClass]
public sealed class LargeExportTests
{
    private const int Monitoring = 110;
    private const int Enforcement = 20;
    private const int Cap = 120;
    private static RunningService? service;
    private static RunningService Service => service!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        service = await RunningService.StartAsync(withSamples: false, settings: [$"--PolicyKB:ExportLimit={Cap}"]);
        var index = Service.Services.GetRequiredService<IPolicyIndex>();
        for (var i = 1; i <= Monitoring + Enforcement; i++)
        {
            var subject = i <= Monitoring ? "生态环境监测站点" : "生态环境执法检查";
            index.Upsert(new PolicyDocument
            {
                Id = $"notice-{i:D3}",
                Title = $"关于第{i}批{subject}建设的通知",
                Issuers = ["生态环境部"],
                PublishedDate = new DateOnly(2023, 1, 1).AddDays(i),
                Body = [BodyBlock.Paragraph($"为做好第{i}批{subject}工作，现将有关事项通知如下。各地应当于{i}日内报送名单。")],
            });
        }
        index.Commit();
        index.Refresh();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (service is not null) await service.DisposeAsync();
    }

    private static async Task<string[]> CsvLinesAsync(string query)
    {
        using var response = await Service.Client.GetAsync("/api/export?format=csv&q=" + Uri.EscapeDataString(query));
        response.EnsureSuccessStatusCode();
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [TestMethod]
    public async Task CsvExportCarriesMoreThanOneSearchPageOfHits()
    {
        var lines = await CsvLinesAsync("监测");

        Assert.AreEqual(1 + Monitoring, lines.Length);
        var idColumn = Array.IndexOf(lines[0].Split(','), "编号");
        Assert.AreEqual(Monitoring, lines.Skip(1).Select(l => l.Split(',')[idColumn]).Distinct().Count());
        Assert.IsFalse(lines[^1].Contains("导出未完整", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task CsvExportCutByTheCapEndsWithANoticeNamingTotalAndCap()
    {
        var lines = await CsvLinesAsync("生态环境");

        Assert.AreEqual(1 + Cap + 1, lines.Length);
        StringAssert.Contains(lines[^1], "共找到 130 条");
        StringAssert.Contains(lines[^1], $"导出上限 {Cap} 条");
    }

    [TestMethod]
    public async Task JsonExportCutByTheCapSaysTruncatedWithTheTotal()
    {
        using var json = await Service.GetJsonAsync("/api/export?format=json&q=" + Uri.EscapeDataString("生态环境"));

        Assert.IsTrue(json.RootElement.GetProperty("truncated").GetBoolean());
        Assert.AreEqual(Monitoring + Enforcement, json.RootElement.GetProperty("total").GetInt32());
        Assert.AreEqual(Cap, json.RootElement.GetProperty("limit").GetInt32());
        Assert.AreEqual(Cap, json.RootElement.GetProperty("hits").GetArrayLength());
    }

    [TestMethod]
    public async Task TheCapIsPublishedForThePage()
    {
        using var json = await Service.GetJsonAsync("/api/export/limit");
        Assert.AreEqual(Cap, json.RootElement.GetProperty("limit").GetInt32());
    }
}
