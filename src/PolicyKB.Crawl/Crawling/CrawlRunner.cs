using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>
/// Crawl and reparse over a knowledge-base folder: DIR/crawl.db (frontier and fetch log) and DIR/snapshots/,
/// with the importer's parser and the site profiles of a <see cref="CrawlData"/>, writing into the folder's index. What `policykb crawl`,
/// `policykb reparse` and the hosted service call.
/// </summary>
public static class CrawlRunner
{
    public static string DatabasePath(string knowledgeBase) => Path.Combine(knowledgeBase, "crawl.db");
    public static string SnapshotsPath(string knowledgeBase) => Path.Combine(knowledgeBase, "snapshots");

    public static async Task<CrawlSummary> CrawlAsync(string knowledgeBase, IDocumentSink sink, DocumentParser parser, CrawlData sites, CrawlOptions options,
        IProgress<CrawlProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sites);
        using var store = CrawlStore.Open(DatabasePath(knowledgeBase));
        var crawler = new Crawler(sink, store, new SnapshotStore(SnapshotsPath(knowledgeBase)), new ImportPageReader(parser), sites.Profiles);
        return await crawler.RunAsync(options, progress, ct).ConfigureAwait(false);
    }

    /// <param name="site">A site code, or null for every crawled site.</param>
    public static ReparseSummary Reparse(string knowledgeBase, IDocumentSink sink, DocumentParser parser, CrawlData sites, string? site = null,
        IProgress<CrawlProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sites);
        using var store = CrawlStore.Open(DatabasePath(knowledgeBase));
        return new Reparser(sink, store, new SnapshotStore(SnapshotsPath(knowledgeBase)), new ImportPageReader(parser), sites.Profiles).Run(site, progress, ct);
    }
}
