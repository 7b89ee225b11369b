using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyKB.Import;
using PolicyKB.Search;

namespace PolicyKB.Crawl;

public static class CrawlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CrawlCoordinator"/> (singleton; needs the IPolicyIndex, DocumentParser and CrawlData singletons the service registers)
    /// and <see cref="CrawlBackgroundService"/>, configured from the "Crawl" section, which is checked when the host starts.
    /// </summary>
    public static IServiceCollection AddPolicyKbCrawler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrawlSettings>().Bind(configuration.GetSection(CrawlSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrawlSettings>, CrawlSettingsValidator>();
        services.AddSingleton(sp => new CrawlCoordinator(
            sp.GetRequiredService<IPolicyIndex>(),
            sp.GetRequiredService<IOptions<CrawlSettings>>(),
            new ImportPageReader(sp.GetRequiredService<DocumentParser>()),
            sp.GetRequiredService<CrawlData>(),
            sp.GetService<ILogger<CrawlCoordinator>>(),
            time: sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => new CrawlBackgroundService(
            sp.GetRequiredService<CrawlCoordinator>(),
            sp.GetRequiredService<IOptions<CrawlSettings>>(),
            sp.GetRequiredService<ILogger<CrawlBackgroundService>>(),
            sp.GetService<TimeProvider>()));
        return services;
    }
}
