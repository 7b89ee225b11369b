using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Tests.Hosting;

[TestClass]
public sealed class ServiceSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The settings as the service's container gives them to the endpoints.</summary>
    private static ServiceSettings Settings(ServiceOptions options, IConfiguration configuration)
    {
        using var provider = ServiceConfiguration.Add(new ServiceCollection(), options, configuration).BuildServiceProvider();
        return provider.GetRequiredService<ServiceSettings>();
    }

    private static ServiceSettings Settings(params (string Key, string Value)[] values) =>
        Settings(new ServiceOptions { IndexDirectory = "idx" }, Configuration(values));

    [TestMethod]
    public void ConfigurationFillsWhatTheCallerLeftOpen()
    {
        var settings = Settings(("PolicyKB:AdminApiKey", "k"), ("PolicyKB:SearchTimeoutSeconds", "2.5"), ("PolicyKB:ExportLimit", "100"), ("PolicyKB:SamplesDirectory", "s"));

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
        var settings = Settings(new ServiceOptions { IndexDirectory = "idx", AdminApiKey = "caller", ExportLimit = 7 },
            Configuration(("PolicyKB:AdminApiKey", "config"), ("PolicyKB:ExportLimit", "100")));

        Assert.AreEqual("caller", settings.AdminApiKey);
        Assert.AreEqual(7, settings.ExportLimit);
    }

    /// <summary>An empty environment variable (<c>PolicyKB__ExportLimit=</c>) means unset, not zero.</summary>
    [TestMethod]
    public void EmptyValuesFallBackToDefaults()
    {
        var settings = Settings(("PolicyKB:AdminApiKey", ""), ("PolicyKB:SearchTimeoutSeconds", ""), ("PolicyKB:ExportLimit", ""));

        Assert.IsFalse(settings.AdminEnabled);
        Assert.AreEqual(ServiceSettings.DefaultSearchTimeout, settings.SearchTimeout);
        Assert.AreEqual(ServiceSettings.DefaultExportLimit, settings.ExportLimit);
    }

    [TestMethod]
    public void WithoutConfigurationNoPathIsImportableNoProxyTrustedAndTheLimitsAreTheDefaults()
    {
        var settings = Settings();

        Assert.IsEmpty(settings.ImportRoots);
        Assert.IsEmpty(settings.TrustedProxies);
        Assert.AreEqual(new RateLimitSettings(), settings.RateLimits);
    }

    [TestMethod]
    public void ImportRootsProxiesAndLimitsAreRead()
    {
        var settings = Settings(
            ("PolicyKB:ImportRoots:0", "/srv/inbox/"), ("PolicyKB:ImportRoots:1", "/srv/archive"),
            ("PolicyKB:TrustedProxies", "10.0.0.5"),
            ("PolicyKB:RateLimits:FailedAdminAuthLimit", "5"), ("PolicyKB:RateLimits:FailedAdminAuthWindowSeconds", "60"),
            ("PolicyKB:RateLimits:SearchConcurrencyPerClient", "2"), ("PolicyKB:RateLimits:SearchQueuePerClient", "0"));

        CollectionAssert.AreEqual(new[] { "/srv/inbox", "/srv/archive" }, settings.ImportRoots.ToArray());
        Assert.AreEqual(System.Net.IPAddress.Parse("10.0.0.5"), settings.TrustedProxies.Single());
        Assert.AreEqual(new RateLimitSettings
        {
            FailedAdminAuthLimit = 5, FailedAdminAuthWindowSeconds = 60, SearchConcurrencyPerClient = 2, SearchQueuePerClient = 0,
        }, settings.RateLimits);
        Assert.AreEqual(TimeSpan.FromMinutes(1), settings.RateLimits.FailedAdminAuthWindow);
    }

    /// <summary>The benchmark and the tests raise the limits on the command line; the host must take them.</summary>
    [TestMethod]
    public async Task CommandLineOverridesReachTheHostsSettings()
    {
        await using var app = ServiceHost.Build(
            ["--urls", "http://127.0.0.1:0", "--PolicyKB:RateLimits:SearchConcurrencyPerClient=64", "--PolicyKB:ExportLimit=12"],
            new ServiceOptions { IndexDirectory = RunningService.NewTemporaryFolder() });

        var settings = app.Services.GetRequiredService<ServiceSettings>();
        Assert.AreEqual(64, settings.RateLimits.SearchConcurrencyPerClient);
        Assert.AreEqual(12, settings.ExportLimit);
    }

    /// <summary>A setting that is wrong stops the service before it starts, with a message naming it, rather than being ignored.</summary>
    [TestMethod]
    [DataRow("PolicyKB:ImportRoots:0", "inbox", "is not an absolute path")]
    [DataRow("PolicyKB:ImportRoots", "inbox", "is not an absolute path")]
    [DataRow("PolicyKB:TrustedProxies:0", "proxy.local", "is not an IP address")]
    [DataRow("PolicyKB:RateLimits:FailedAdminAuthLimit", "0", "must be a whole number from 1 to")]
    [DataRow("PolicyKB:RateLimits:FailedAdminAuthWindowSeconds", "forever", "Failed to convert")]
    [DataRow("PolicyKB:RateLimits:SearchConcurrencyPerClient", "-1", "must be a whole number from 1 to 10000, not '-1'")]
    [DataRow("PolicyKB:RateLimits:SearchQueuePerClient", "1.5", "Failed to convert")]
    [DataRow("PolicyKB:SearchTimeoutSeconds", "soon", "Failed to convert")]
    [DataRow("PolicyKB:SearchTimeoutSeconds", "0", "must be a number of seconds above 0")]
    [DataRow("PolicyKB:ExportLimit", "-1", "must be a whole number above 0, not '-1'")]
    [DataRow("PolicyKB:ExportLimit", "2.5", "Failed to convert")]
    public void AnInvalidSettingStopsStartUpWithAMessageNamingIt(string key, string value, string rule)
    {
        var e = Assert.ThrowsExactly<OptionsValidationException>(() => ServiceHost.Build(
            ["--urls", "http://127.0.0.1:0", $"--{key}={value}"], new ServiceOptions { IndexDirectory = RunningService.NewTemporaryFolder() }));

        var named = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;
        Assert.Contains(named, e.Message);
        Assert.Contains(rule, e.Message);
    }

    /// <summary>ValidateOnStart: a container that never asks for the settings still refuses to start with a bad one.</summary>
    [TestMethod]
    public async Task ValidationRunsWhenTheHostStartsEvenIfNothingReadTheSettings()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        ServiceConfiguration.Add(builder.Services, new ServiceOptions { IndexDirectory = "idx" }, Configuration(("PolicyKB:ExportLimit", "0")));
        using var host = builder.Build();

        var e = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("PolicyKB:ExportLimit must be a whole number above 0, not '0'.", e.Message);
    }
}
