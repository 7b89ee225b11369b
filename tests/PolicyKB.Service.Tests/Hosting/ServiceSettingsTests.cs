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
    public void EmptyValuesFallBackToDefaults()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" },
            Configuration(("PolicyKB:AdminApiKey", ""), ("PolicyKB:SearchTimeoutSeconds", ""), ("PolicyKB:ExportLimit", " ")));

        Assert.IsFalse(settings.AdminEnabled);
        Assert.AreEqual(ServiceSettings.DefaultSearchTimeout, settings.SearchTimeout);
        Assert.AreEqual(ServiceSettings.DefaultExportLimit, settings.ExportLimit);
    }

    [TestMethod]
    public void WithoutConfigurationNoPathIsImportableNoProxyTrustedAndTheLimitsAreTheDefaults()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" }, Configuration());

        Assert.IsEmpty(settings.ImportRoots);
        Assert.IsEmpty(settings.TrustedProxies);
        Assert.AreEqual(new RateLimitSettings(), settings.RateLimits);
    }

    [TestMethod]
    public void ImportRootsProxiesAndLimitsAreRead()
    {
        var settings = ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" }, Configuration(
            ("PolicyKB:ImportRoots:0", "/srv/inbox/"), ("PolicyKB:ImportRoots:1", "/srv/archive"),
            ("PolicyKB:TrustedProxies", "10.0.0.5"),
            ("PolicyKB:RateLimits:FailedAdminAuthLimit", "5"), ("PolicyKB:RateLimits:FailedAdminAuthWindowSeconds", "60"),
            ("PolicyKB:RateLimits:SearchConcurrencyPerClient", "2"), ("PolicyKB:RateLimits:SearchQueuePerClient", "0")));

        CollectionAssert.AreEqual(new[] { "/srv/inbox", "/srv/archive" }, settings.ImportRoots.ToArray());
        Assert.AreEqual(System.Net.IPAddress.Parse("10.0.0.5"), settings.TrustedProxies.Single());
        Assert.AreEqual(new RateLimitSettings
        {
            FailedAdminAuthLimit = 5, FailedAdminAuthWindow = TimeSpan.FromMinutes(1), SearchConcurrencyPerClient = 2, SearchQueuePerClient = 0,
        }, settings.RateLimits);
    }

    /// <summary>A security setting that is wrong stops the service with a message naming it, rather than being ignored.</summary>
    [TestMethod]
    [DataRow("PolicyKB:ImportRoots:0", "inbox")]
    [DataRow("PolicyKB:TrustedProxies:0", "proxy.local")]
    [DataRow("PolicyKB:RateLimits:FailedAdminAuthLimit", "0")]
    [DataRow("PolicyKB:RateLimits:FailedAdminAuthWindowSeconds", "forever")]
    [DataRow("PolicyKB:RateLimits:SearchConcurrencyPerClient", "-1")]
    [DataRow("PolicyKB:RateLimits:SearchQueuePerClient", "1.5")]
    [DataRow("PolicyKB:SearchTimeoutSeconds", "soon")]
    [DataRow("PolicyKB:ExportLimit", "-1")]
    [DataRow("PolicyKB:ExportLimit", "2.5")]
    public void AnInvalidSecuritySettingIsAnErrorNamingIt(string key, string value)
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() =>
            ServiceSettings.From(new ServiceOptions { IndexDirectory = "idx" }, Configuration((key, value))));
        Assert.Contains(key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key, e.Message);
    }
}
