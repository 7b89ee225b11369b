using System.CommandLine;
using System.Text;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// The filters of `search`, shared by `brief`: repeat an option for several values (OR within a facet, AND across facets).
/// They are read as typed into a <see cref="SearchInput"/>, which validates them as the API does.
/// </summary>
internal sealed class SearchFilterOptions
{
    private readonly Option<string[]> _issuer = Multi("--issuer", "Issuer (canonical name); repeat for several.");
    private readonly Option<string[]> _theme = Multi("--theme", "Theme (碳市场, 绿色金融 …); repeat for several.");
    private readonly Option<string[]> _topic = Multi("--topic", "The source's own topic (主题分类); repeat for several.");
    private readonly Option<string[]> _type = Multi("--type", "Document type (通知, 意见 …); repeat for several.");
    private readonly Option<string[]> _site = Multi("--site", "Site: govcn, ndrc, mee, other; repeat for several.");
    private readonly Option<string[]> _year = Multi("--year", "Year published (2023); repeat for several.");
    private readonly Option<string[]> _month = Multi("--month", "Month published (2023-10); repeat for several.");
    private readonly Option<string[]> _status = Multi("--status", "效力: 现行有效, 已废止, 已修订, 已失效, 征求意见稿 or 未知; repeat for several.");
    private readonly Option<string[]> _methodology = Multi("--methodology", "CCER methodology code (CCER-14-001-V01).");
    private readonly Option<string?> _from = new("--from") { Description = "Published on or after: 2023-10-01, 2023-10 or 2023." };
    private readonly Option<string?> _to = new("--to") { Description = "Published on or before: 2023-10-31, 2023-10 or 2023." };
    private readonly Option<string?> _writtenFrom = new("--written-from") { Description = "成文日期 on or after." };
    private readonly Option<string?> _writtenTo = new("--written-to") { Description = "成文日期 on or before." };

    public IEnumerable<Option> All => [_issuer, _theme, _topic, _type, _site, _year, _month, _status, _methodology, _from, _to, _writtenFrom, _writtenTo];

    private static Option<string[]> Multi(string name, string description) => new(name) { Description = description, DefaultValueFactory = _ => [] };

    public void AddTo(Command command)
    {
        foreach (var o in All) command.Options.Add(o);
    }

    /// <summary>The query and the filters as typed, for <see cref="SearchInput.Validate"/>.</summary>
    public SearchInput Input(ParseResult parse, string? query) => new()
    {
        Query = query,
        Issuers = parse.GetValue(_issuer),
        Themes = parse.GetValue(_theme),
        Topics = parse.GetValue(_topic),
        Types = parse.GetValue(_type),
        Sites = parse.GetValue(_site),
        Years = parse.GetValue(_year),
        Months = parse.GetValue(_month),
        Statuses = parse.GetValue(_status),
        Methodologies = parse.GetValue(_methodology),
        PublishedFrom = parse.GetValue(_from),
        PublishedTo = parse.GetValue(_to),
        WrittenFrom = parse.GetValue(_writtenFrom),
        WrittenTo = parse.GetValue(_writtenTo),
    };

    /// <summary>Each error of a refused search as "--option: message" (the API's parameter names, as the CLI spells them).</summary>
    public static IEnumerable<string> Errors(Parsed<SearchRequest> result) => result.Errors.Select(e => $"{OptionName(e.Key)}: {e.Value}");

    /// <summary>q → QUERY, writtenFrom → --written-from.</summary>
    private static string OptionName(string parameter)
    {
        if (parameter == "q") return "QUERY";
        var name = new StringBuilder("--");
        foreach (var c in parameter)
            name.Append(char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString());
        return name.ToString();
    }
}
