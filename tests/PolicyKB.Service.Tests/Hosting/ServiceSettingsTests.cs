using Microsoft.Extensions.Configuration;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Tests.Hosting;

[TestClass]
public sealed class ServiceSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [TestMethod]
    public void ConfigurationFillsWhatTheCallerLeftOpen()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" },
            Configuration(("PolicyKB:AdminApiKey", "k"), ("PolicyKB:SearchTimeoutSeconds", "2.5"), ("PolicyKB:ExportLimit", "100"), ("PolicyKB:SamplesDirectory", "s")));

        Assert.AreEqual(Path.GetFullPath("idx"), settings.IndexDirectory);
        Assert.AreEqual("k", settings.AdminApiKey);
        Assert.IsTrue(settings.AdminEnabled);
        Assert.AreEqual(TimeSpan.FromSeconds(2.5), settings.SearchTimeout);
        Assert.AreEqual(100, settings.ExportLimit);
        Assert.AreEqual("s", settings.SamplesDirectory);
    }

    [TestMethod]
    public void CallerOptionsWinOverConfiguration()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx", AdminApiKey = "caller", ExportLimit = 7 },
            Configuration(("PolicyKB:AdminApiKey", "config"), ("PolicyKB:ExportLimit", "100")));

        Assert.AreEqual("caller", settings.AdminApiKey);
        Assert.AreEqual(7, settings.ExportLimit);
    }

    [TestMethod]
    public void EmptyOrInvalidValuesFallBackToDefaults()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" },
            Configuration(("PolicyKB:AdminApiKey", ""), ("PolicyKB:SearchTimeoutSeconds", "soon"), ("PolicyKB:ExportLimit", "-1")));

        Assert.IsFalse(settings.AdminEnabled);
        Assert.AreEqual(ServiceSettings.DefaultSearchTimeout, settings.SearchTimeout);
        Assert.AreEqual(ServiceSettings.DefaultExportLimit, settings.ExportLimit);
    }
}
