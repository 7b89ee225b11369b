using PolicyKB.Briefs;
using PolicyKB.Crawl;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// The data a command reads, as the service's container gives it: one data folder, each layer's files read once and only
/// when the command first needs them (a search never reads the parser's or the briefs' files). One per command run.
/// </summary>
internal sealed class CliData
{
    private readonly Lazy<PolicyData> _folder = new(PolicyData.Locate);
    private readonly Lazy<ImportData> _import;
    private readonly Lazy<SearchData> _search;
    private readonly Lazy<BriefData> _briefs;
    private readonly Lazy<CrawlData> _sites;

    public CliData()
    {
        _import = new(() => new ImportData(_folder.Value));
        _search = new(() => new SearchData(_folder.Value));
        _briefs = new(() => new BriefData(_folder.Value, Import.Issuers));
        _sites = new(() => new CrawlData(_folder.Value));
    }

    public ImportData Import => _import.Value;
    public BriefData Briefs => _briefs.Value;
    public CrawlData Sites => _sites.Value;

    /// <summary>Options for the command's index; <paramref name="writerCommand"/> is what a second writer is told.</summary>
    public PolicyIndexOptions IndexOptions(string? writerCommand = null) => new() { Data = _search.Value, WriterCommand = writerCommand };
}
