using System.CommandLine;
using PolicyKB.Search;
using PolicyKB.Search.Status;

namespace PolicyKB.Cli.Commands;

/// <summary>The filters of `search`, shared by `brief`: repeat an option for several values (OR within a facet, AND across facets).</summary>
internal sealed class SearchFilterOptions
{
    private readonly Option<string[]> _issuer = Multi("--issuer", "Issuer (canonical name); repeat for several.");
    private readonly Option<string[]> _theme = Multi("--theme", "Theme (碳市场, 绿色金融 …); repeat for several.");
    private readonly Option<string[]> _topic = Multi("--topic", "The source's own topic (主题分类); repeat for several.");
    private readonly Option<string[]> _type = Multi("--type", "Document type (通知, 意见 …); repeat for several.");
    private readonly Option<string[]> _site = Multi("--site", "Site: govcn, ndrc, mee, other; repeat for several.");
    private readonly Option<string[]> _status = Multi("--status", "效力: 现行有效, 已废止, 已修订, 已失效, 征求意见稿 or 未知; repeat for several.");
    private readonly Option<string[]> _methodology = Multi("--methodology", "CCER methodology code (CCER-14-001-V01).");
    private readonly Option<string?> _from = new("--from") { Description = "Published on or after: 2023-10-01, 2023-10 or 2023." };
    private readonly Option<string?> _to = new("--to") { Description = "Published on or before: 2023-10-31, 2023-10 or 2023." };
    private readonly Option<string?> _writtenFrom = new("--written-from") { Description = "成文日期 on or after." };
    private readonly Option<string?> _writtenTo = new("--written-to") { Description = "成文日期 on or before." };

    public IEnumerable<Option> All => [_issuer, _theme, _topic, _type, _site, _status, _methodology, _from, _to, _writtenFrom, _writtenTo];

    private static Option<string[]> Multi(string name, string description) => new(name) { Description = description, DefaultValueFactory = _ => [] };

    public void AddTo(Command command)
    {
        foreach (var o in All) command.Options.Add(o);
    }

    /// <summary>Builds the request, or returns the error to show for a value that cannot be read.</summary>
    public (SearchRequest? Request, string? Error) Read(ParseResult parse, string query)
    {
        var sites = parse.GetValue(_site)!;
        var badSite = sites.FirstOrDefault(s => !Model.SiteNames.TryParse(s, out _));
        if (badSite is not null) return (null, $"--site: unknown site '{badSite}' (use govcn, ndrc, mee or other)");

        var statuses = parse.GetValue(_status)!.Select(s => s.Trim()).ToArray();
        if (statuses.FirstOrDefault(s => !StatusStates.All.Contains(s)) is { } badStatus)
            return (null, $"--status: unknown status '{badStatus}' (use {string.Join(", ", StatusStates.All)})");

        var dates = new DateOnly?[4];
        var dateOptions = new[] { (_from, false), (_to, true), (_writtenFrom, false), (_writtenTo, true) };
        for (var i = 0; i < dateOptions.Length; i++)
        {
            var (option, upper) = dateOptions[i];
            var text = parse.GetValue(option);
            if (text is null) continue;
            if (!DateBound.TryParse(text, upper, out var date))
                return (null, $"{option.Name}: '{text}' is not a date (use 2023-10-11, 2023-10 or 2023)");
            dates[i] = date;
        }
        if (dates[0] > dates[1]) return (null, "--from is after --to");
        if (dates[2] > dates[3]) return (null, "--written-from is after --written-to");

        return (new SearchRequest
        {
            Query = query,
            Issuers = parse.GetValue(_issuer)!,
            Themes = parse.GetValue(_theme)!,
            Topics = parse.GetValue(_topic)!,
            Types = parse.GetValue(_type)!,
            Sites = sites.Select(s => s.Trim().ToLowerInvariant()).ToArray(),
            Methodologies = parse.GetValue(_methodology)!,
            Statuses = statuses,
            PublishedFrom = dates[0],
            PublishedTo = dates[1],
            WrittenFrom = dates[2],
            WrittenTo = dates[3],
        }, null);
    }
}
