using Microsoft.Extensions.DependencyInjection;
using PolicyKB.Briefs;
using PolicyKB.Crawl;
using PolicyKB.Import;
using PolicyKB.Search;

namespace PolicyKB.Service.Tests.Hosting;

[TestClass]
public sealed class DataServicesTests
{
    [TestMethod]
    public async Task TheHostReadsEachDataFileOnceAndServesTheSameInstancesToParserBriefsCrawlerAndEndpoints()
    {
        var folder = Directory.CreateTempSubdirectory("policykb-data-services-").FullName;
        var app = ServiceHost.Build([], new ServiceOptions { IndexDirectory = folder });
        try
        {
            var services = app.Services;
            var import = services.GetRequiredService<ImportData>();
            Assert.AreSame(import, services.GetRequiredService<ImportData>());
            // The parser (its issuers), the briefs' composer and the issuer tree of /api/search and /api/facets share one registry.
            Assert.AreSame(import.Parser, services.GetRequiredService<DocumentParser>());
            Assert.AreSame(import.Issuers, services.GetRequiredService<IssuerRegistry>());
            Assert.AreSame(import.Issuers, services.GetRequiredService<BriefData>().Issuers);
            Assert.AreSame(services.GetRequiredService<BriefData>().DefaultTemplate, services.GetRequiredService<BriefData>().DefaultTemplate);
            Assert.AreSame(services.GetRequiredService<SearchData>().StatusPhrases, services.GetRequiredService<SearchData>().StatusPhrases);
            Assert.AreSame(import.Folder, services.GetRequiredService<SearchData>().Folder);
            // The crawler's site profiles: one set for the coordinator's checks, its crawls and the settings' check at start.
            Assert.AreSame(services.GetRequiredService<CrawlData>(), services.GetRequiredService<CrawlData>());
            Assert.AreSame(import.Folder, services.GetRequiredService<CrawlData>().Folder);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
