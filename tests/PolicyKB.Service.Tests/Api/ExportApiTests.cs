using System.Text;
using PolicyKB.Service.Api;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class ExportApiTests
{
    private static RunningService Service => SharedService.Instance;

    [TestMethod]
    public async Task ExcelExportHoldsEveryHitBehindAByteOrderMark()
    {
        var q = "q=" + Uri.EscapeDataString("碳达峰");
        var total = (await Service.SearchAsync(q)).Total;

        using var response = await Service.Client.GetAsync("/api/export?format=excel&" + q);
        response.EnsureSuccessStatusCode();
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(string.Join(',', CsvExport.Header), lines[0]);
        Assert.AreEqual(total + 1, lines.Length);
    }

    [TestMethod]
    public async Task JsonExportIgnoresPagingAndSaysWhetherItWasCut()
    {
        var total = (await Service.SearchAsync("size=1")).Total;

        using var json = await Service.GetJsonAsync("/api/export?format=json&size=1&page=3");

        Assert.AreEqual(total, json.RootElement.GetProperty("total").GetInt32());
        Assert.AreEqual(total, json.RootElement.GetProperty("hits").GetArrayLength());
        Assert.IsFalse(json.RootElement.GetProperty("truncated").GetBoolean());
    }

    [TestMethod]
    public async Task UnknownFormatIsAProblemNamingFormat()
    {
        using var response = await Service.Client.GetAsync("/api/export?format=xlsx");
        await ProblemAssert.NamesParameterAsync(response, "format");
    }

    [TestMethod]
    public async Task PlainCsvExportHasNoByteOrderMark()
    {
        using var response = await Service.Client.GetAsync("/api/export?format=csv&q=" + Uri.EscapeDataString("碳达峰"));
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.AreEqual(string.Join(',', CsvExport.Header), Encoding.UTF8.GetString(bytes).Split("\r\n")[0]);
    }
}
