using System.CommandLine;
using PolicyKB.Crawl;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb reparse [--site S]`: rebuilds every crawled document from its stored snapshot with the current parser; fetches nothing.</summary>
internal static class ReparseCommand
{
    public static Command Create()
    {
        var site = new Option<string?>("--site") { Description = "Only this site (govcn, ndrc, mee, ccer)." };
        var index = CommonOptions.Index();
        var command = new Command("reparse", "Rebuild crawled documents from their snapshots with the current parser.") { site, index };
        command.SetAction((parse, ct) => Task.FromResult(CommonOptions.Guard(() =>
        {
            var dir = CommonOptions.ResolveIndex(parse, index);
            if (!File.Exists(CrawlRunner.DatabasePath(dir)))
            {
                Console.Error.WriteLine($"policykb reparse: nothing was crawled into {dir} (no crawl.db)");
                return ExitCodes.BadInput;
            }
            var data = new CliData();
            using var policyIndex = PolicyIndex.Open(dir, data.IndexOptions("policykb reparse"));
            var summary = CrawlRunner.Reparse(dir, policyIndex, data.Import.Parser, data.Sites, parse.GetValue(site), ct: ct);
            policyIndex.Commit();
            Console.WriteLine($"reparsed {summary.Documents}: added {summary.Added}, updated {summary.Updated}, unchanged {summary.Unchanged}, failed {summary.Failures.Count}");
            foreach (var f in summary.Failures) Console.WriteLine($"  failed {f.Url}: {f.Reason}");
            return summary.Failures.Count > 0 && summary.Documents == 0 ? ExitCodes.Failure : ExitCodes.Ok;
        })));
        return command;
    }
}
