using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>GET /api/health/fields over the samples the shared service imported.</summary>
[TestClass]
public sealed class FieldHealthApiTests
{
    private static RunningService Service => SharedService.Instance;

    [TestMethod]
    public async Task FieldHealthCoversEveryStoredDocumentPerSiteAndInAll()
    {
        using var health = await Service.GetJsonAsync("/health");
        using var json = await Service.GetJsonAsync("/api/health/fields");

        var documents = health.RootElement.GetProperty("documents").GetInt32();
        Assert.AreEqual(documents, json.RootElement.GetProperty("documents").GetInt32());
        var sites = json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        Assert.AreEqual("all", sites[^1].GetProperty("site").GetString());
        Assert.AreEqual(documents, sites[..^1].Sum(s => s.GetProperty("documents").GetInt32()));
        var issuers = sites[^1].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "issuers");
        Assert.IsTrue(issuers.GetProperty("share").GetDouble() is > 0 and <= 1);
    }

    [TestMethod]
    public async Task FieldHealthCountsTheJunkDocumentNumberOfTheMeeSample()
    {
        using var json = await Service.GetJsonAsync("/api/health/fields");
        var mee = json.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("site").GetString() == "mee");
        var kinds = mee.GetProperty("warnings").EnumerateArray().ToDictionary(w => w.GetProperty("kind").GetString()!, w => w.GetProperty("count").GetInt32());
        Assert.AreEqual(1, kinds.GetValueOrDefault("document number: junk trimmed"), string.Join(", ", kinds.Keys));
    }
}
