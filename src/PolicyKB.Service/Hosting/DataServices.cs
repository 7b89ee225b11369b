using Microsoft.Extensions.DependencyInjection;
using PolicyKB.Briefs;
using PolicyKB.Crawl;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Service.Hosting;

/// <summary>The data folder and what each layer reads from it, as singletons: every file is read once per host, when first needed.</summary>
internal static class DataServices
{
    public static IServiceCollection AddPolicyKbData(this IServiceCollection services)
    {
        services.AddSingleton(_ => PolicyData.Locate());
        services.AddSingleton(sp => new ImportData(sp.GetRequiredService<PolicyData>()));
        services.AddSingleton(sp => sp.GetRequiredService<ImportData>().Parser);
        services.AddSingleton(sp => sp.GetRequiredService<ImportData>().Issuers);
        services.AddSingleton(sp => new SearchData(sp.GetRequiredService<PolicyData>()));
        services.AddSingleton(sp => new BriefData(sp.GetRequiredService<PolicyData>(), sp.GetRequiredService<IssuerRegistry>()));
        services.AddSingleton(sp => new CrawlData(sp.GetRequiredService<PolicyData>()));
        return services;
    }
}
