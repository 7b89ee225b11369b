using System.CommandLine;
using PolicyKB.Crawl;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb crawl [--site S]... [--base-url URL] [--max-pages N] [--recheck-after DAYS]`: one polite, incremental crawl in the foreground.</summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var site = new Option<string[]>("--site") { Description = "govcn, ndrc, mee or ccer; repeat for several (default: all).", DefaultValueFactory = _ => [] };
        var baseUrl = new Option<string?>("--base-url") { Description = "Fetch the site from this address instead (a mirror or a local test server); needs exactly one --site." };
        var maxPages = new Option<int?>("--max-pages") { Description = "At most this many list pages per site." };
        var rate = new Option<double?>("--rate") { Description = "Requests per second per host (default 1)." };
        var contact = new Option<string?>("--contact") { Description = "A mail address or URL sent in the User-Agent so site operators can reach you." };
        var recheckAfter = new Option<double?>("--recheck-after")
        {
            Description = $"Leave notices checked less than this many days ago alone (default {CrawlOptions.DefaultRecheckAfter.TotalDays:0}); 0 checks every known notice again.",
        };
        var index = CommonOptions.Index();
        var command = new Command("crawl", "Crawl the official sites politely and incrementally, and import what changed.") { site, baseUrl, maxPages, rate, contact, recheckAfter, index };
        command.SetAction((parse, ct) => CommonOptions.GuardAsync(async () =>
        {
            var sites = parse.GetValue(site)!;
            var url = parse.GetValue(baseUrl);
            string? error = null;
            if (url is not null && sites.Length != 1) error = "--base-url needs exactly one --site";
            if (parse.GetValue(maxPages) is < 1) error = "--max-pages must be 1 or more";
            if (parse.GetValue(rate) is <= 0) error = "--rate must be above 0";
            var recheckPeriod = CrawlOptions.RecheckPeriod(parse.GetValue(recheckAfter), "--recheck-after");
            if (!recheckPeriod.Success) error = recheckPeriod.Error;
            var fetch = new FetchOptions();
            var options = new CrawlOptions
            {
                Sites = sites,
                BaseUrls = url is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [sites[0]] = url },
                MaxListPages = parse.GetValue(maxPages),
                Fetch = fetch with { RatePerSecond = parse.GetValue(rate) ?? fetch.RatePerSecond, Contact = parse.GetValue(contact) },
                RecheckAfter = (recheckPeriod.Success ? recheckPeriod.Value : null) ?? CrawlOptions.DefaultRecheckAfter,
            };
            var data = new CliData();
            error ??= options.Validate(data.Sites);
            if (error is not null)
            {
                Console.Error.WriteLine($"policykb crawl: {error}");
                return ExitCodes.BadInput;
            }

            var dir = CommonOptions.ResolveIndex(parse, index);
            using var policyIndex = PolicyIndex.Open(dir, data.IndexOptions("policykb crawl"));
            var summary = await CrawlRunner.CrawlAsync(dir, policyIndex, data.Import.Parser, data.Sites, options, new SyncProgress<CrawlProgress>(p =>
                Console.WriteLine($"[{p.Site}] {p.Outcome,-12} {p.Url}")), ct);
            policyIndex.Commit();

            Console.WriteLine();
            foreach (var s in summary.Sites)
            {
                Console.WriteLine($"{s.Site}: list pages {s.ListPages}, fetched {s.Fetched}, not modified {s.NotModified}, fresh {s.Fresh}, new {s.New}, changed {s.Changed}, attachments {s.Attachments}, failed {s.Failed}{(s.Resumed ? " (resumed)" : "")}");
                foreach (var f in s.Failures) Console.WriteLine($"  failed {f.Url}: {f.Reason}");
            }
            Console.WriteLine($"total: fetched {summary.Fetched}, not modified {summary.NotModified}, fresh {summary.Fresh}, new {summary.New}, changed {summary.Changed}, failed {summary.Failed}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
