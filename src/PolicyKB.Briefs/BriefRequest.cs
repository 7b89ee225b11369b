using System.Text.Json.Serialization;
using PolicyKB.Search;

namespace PolicyKB.Briefs;

/// <summary>
/// What to build a brief from: a search (query and filters, usually one month's 发布日期 range), an explicit list
/// of document ids (the page's tray), or both; the template and the issue's number and date.
/// </summary>
public sealed record BriefRequest
{
    /// <summary>The search whose hits fill the brief; null (or an empty query with no filters) for ids only.
    /// Its Page, Size, Sort, snippets and facets are ignored: every hit is taken.</summary>
    public SearchRequest? Search { get; init; }
    /// <summary>Documents to include whatever the search finds, in the editor's order: within a section they come in this
    /// order, before the search's other hits (which follow the section's template order).</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];
    /// <summary>Null for the data folder's default template (<see cref="BriefData.DefaultTemplate"/>).</summary>
    public BriefTemplate? Template { get; init; }
    /// <summary>The running number (总期); null for one more than the last issued brief.</summary>
    public int? Number { get; init; }
    /// <summary>The number within the year (年第 N 期); null for one more than the briefs issued in the same year.</summary>
    public int? IssueOfYear { get; init; }
    /// <summary>The brief's date; null for today (by the builder's clock).</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Editor's text that replaces an item's summary: document id → text (paragraphs split on blank lines or newlines).</summary>
    public IReadOnlyDictionary<string, string> Edits { get; init; } = new Dictionary<string, string>();
    /// <summary>The editor's choice of section: document id → a section's <see cref="BriefSection.Key"/>, over the template's rules.</summary>
    public IReadOnlyDictionary<string, string> Placements { get; init; } = new Dictionary<string, string>();
    /// <summary>What to do with documents that an earlier issued brief already carried.</summary>
    public UsedDocuments UsedDocuments { get; init; } = UsedDocuments.LeaveOut;
    /// <summary>Upper bound on the documents taken from the search.</summary>
    public int MaxItems { get; init; } = 200;
}

/// <summary>Documents already carried by an issued brief ("new since last issue").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UsedDocuments>))]
public enum UsedDocuments
{
    /// <summary>Leave them out (a warning names how many).</summary>
    [JsonStringEnumMemberName("leaveOut")] LeaveOut,
    /// <summary>Keep them, marked with the issue that carried them.</summary>
    [JsonStringEnumMemberName("mark")] Mark,
    /// <summary>Ignore the history.</summary>
    [JsonStringEnumMemberName("include")] Include,
}
