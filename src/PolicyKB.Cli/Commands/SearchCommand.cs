using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKB.Cli.Startup;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb search QUERY [filters] [--sort] [--page] [--size] [--facets LIST] [--json]`.</summary>
internal static partial class SearchCommand
{
    private static readonly Dictionary<string, string> FacetLabels = new()
    {
        [FacetNames.Issuer] = "发文机关", [FacetNames.Theme] = "主题", [FacetNames.Topic] = "主题分类",
        [FacetNames.Type] = "公文种类", [FacetNames.Site] = "来源网站", [FacetNames.Year] = "年份", [FacetNames.Month] = "月份",
        [FacetNames.Status] = "效力",
    };

    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "The query: words AND, OR, -term, \"phrase\", title: issuer: docno: type: topic: theme:." };
        var filters = new SearchFilterOptions();
        // Read as typed, so a bad value gets the validator's message (the API's) rather than the parser's.
        var sort = new Option<string?>("--sort") { Description = "relevance (default), newest or oldest." };
        var page = new Option<string?>("--page") { Description = "Page number, from 1." };
        var size = new Option<string?>("--size") { Description = $"Hits per page (1–{SearchLimits.MaxPageSize}, default 10)." };
        var index = CommonOptions.Index();
        var json = CommonOptions.Json("Print the result as JSON.");
        var facets = new Option<string?>("--facets") { Description = $"Facets to count, comma-separated ({string.Join(",", FacetNames.All)}); empty counts none; default all." };
        var command = new Command("search", "Search the index.") { query, sort, page, size, facets, index, json };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var input = filters.Input(parse, parse.GetValue(query)) with
            {
                Sort = parse.GetValue(sort), Page = parse.GetValue(page), Size = parse.GetValue(size), Facets = parse.GetValue(facets),
            };
            var read = input.Validate();
            if (!read.Success)
            {
                foreach (var error in SearchFilterOptions.Errors(read)) Console.Error.WriteLine($"policykb search: {error}");
                return ExitCodes.BadInput;
            }
            // Reading only: a search never writes the folder (a read-only copy or a backup stays as it was).
            StartupTrace.Mark("search: arguments read");
            // The query's words (ranking) need SmartCn's dictionaries: they load on another core while the index opens.
            _ = PolicyIndex.PreloadAnalysis();
            using var policyIndex = PolicyIndex.OpenReadOnly(CommonOptions.ResolveIndex(parse, index), new CliData().IndexOptions());
            StartupTrace.Mark("search: index opened");
            SearchResult result;
            try { result = policyIndex.Search(read.Value); }
            catch (QueryTooComplexException e)
            {
                Console.Error.WriteLine($"policykb search: {e.Message}");
                return ExitCodes.BadInput;
            }
            StartupTrace.Mark("search: searched");
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result, PolicyJson.Indented));
            else PrintText(result, read.Value.Page, read.Value.Size);
            StartupTrace.Mark("search: printed");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void PrintText(SearchResult result, int page, int size)
    {
        foreach (var w in result.Warnings) Console.WriteLine($"注意：{w}");
        foreach (var e in result.Expansions) Console.WriteLine($"同义扩展：{e}");
        var first = (page - 1) * size;
        var range = $"第 {first + (result.Hits.Count > 0 ? 1 : 0)}–{first + result.Hits.Count} 条";
        // Partial matches are never reported as found: the total stays 0 and they are counted on their own line.
        if (result.Partial is { } partial)
            Console.WriteLine($"共 {result.Total} 条结果（{result.TookMs:0.#} 毫秒）；部分匹配（{partial.Label}）{partial.Total} 条，{range}");
        else
            Console.WriteLine($"共 {result.Total} 条结果（{result.TookMs:0.#} 毫秒），{range}");
        Console.WriteLine();
        var n = first;
        foreach (var hit in result.Hits)
        {
            Console.WriteLine($"{++n}. {hit.Title}");
            var meta = new[] { string.Join("、", hit.Issuers), hit.DocumentNumber, hit.DocumentType, hit.PublishedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                .Where(x => !string.IsNullOrEmpty(x));
            Console.WriteLine($"   {string.Join("  ·  ", meta)}");
            if (hit.Parent is { } parent) Console.WriteLine($"   附件，属于：{parent.Title}（id {parent.Id}）");
            foreach (var snippet in hit.Snippets) Console.WriteLine($"   - {Plain(snippet)}");  // snippets carry their own … where they cut a sentence
            if (hit.Url is not null) Console.WriteLine($"   {hit.Url}");
            Console.WriteLine($"   id {hit.Id}");
            Console.WriteLine();
        }
        foreach (var (name, values) in result.Facets)
        {
            if (values.Count == 0) continue;
            var label = FacetLabels.GetValueOrDefault(name, name);
            Console.WriteLine($"{label}：{string.Join("  ", values.Take(12).Select(v => $"{v.Value} ({v.Count})"))}");
        }
    }

    /// <summary>A snippet for the terminal: marks become 【】, HTML entities become text.</summary>
    private static string Plain(string snippet) => WebUtility.HtmlDecode(Mark().Replace(snippet, m => m.Value.StartsWith("</", StringComparison.Ordinal) ? "】" : "【"));

    [GeneratedRegex("</?mark>")]
    private static partial Regex Mark();
}
