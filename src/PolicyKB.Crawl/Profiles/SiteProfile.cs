using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>How a site lists its documents: HTML list pages or the gov.cn JSON search endpoint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListKind>))]
internal enum ListKind
{
    [JsonStringEnumMemberName("html")] Html,
    [JsonStringEnumMemberName("json")] Json,
}

/// <summary>How further list pages are named.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PagingKind>))]
internal enum PagingKind
{
    /// <summary>No paging: only the start pages.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>NDRC/TRS `createPageHTML(TOTAL, CURRENT, "index", "html")`: index.html, index_1.html …</summary>
    [JsonStringEnumMemberName("createPageHtml")] CreatePageHtml,
    /// <summary>MEE `var countPage = N`: index_1.{Extension} … index_{N-1}.{Extension}.</summary>
    [JsonStringEnumMemberName("countPage")] CountPage,
    /// <summary>A page number in a query parameter (the gov.cn search endpoint's `p`), total pages in a JSON property.</summary>
    [JsonStringEnumMemberName("queryParameter")] QueryParameter,
}

internal sealed record PagingRule
{
    public PagingKind Kind { get; init; } = PagingKind.None;
    /// <summary>countPage: the file extension of index_N pages (html, shtml).</summary>
    public string Extension { get; init; } = "html";
    /// <summary>queryParameter: the parameter that holds the page number, and the number of the first page.</summary>
    public string Parameter { get; init; } = "p";
    public int FirstPage { get; init; } = 1;
    /// <summary>queryParameter: the JSON property (at any depth) that holds the total number of pages.</summary>
    public string TotalPagesProperty { get; init; } = "totalpage";
}

/// <summary>
/// One site as the crawler sees it, loaded from data/sites/CODE.json. URL patterns are regular expressions
/// matched against the path and query of a URL relative to the base URL (always starting with "/"),
/// so the same profile crawls the real site and a mirror given by --base-url.
/// </summary>
internal sealed record SiteProfile
{
    /// <summary>govcn, ndrc, mee, ccer.</summary>
    public required string Code { get; init; }
    public string Name { get; init; } = "";
    /// <summary>The site family of its documents (ccer documents are MEE pages).</summary>
    public Site Site { get; init; } = Site.Other;
    public required string BaseUrl { get; init; }
    /// <summary>Hosts the crawler may request; the base URL's host is always allowed.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
    /// <summary>First list pages, absolute or relative to the base URL.</summary>
    public IReadOnlyList<string> StartUrls { get; init; } = [];
    public ListKind ListKind { get; init; } = ListKind.Html;
    public PagingRule Paging { get; init; } = new();
    public string ListPattern { get; init; } = "$^";
    public string DetailPattern { get; init; } = "$^";
    /// <summary>Attachments of a notice that are fetched and read (PDF, DOCX).</summary>
    public string AttachmentPattern { get; init; } = @"(?i)\.(pdf|docx)$";
    /// <summary>When set, a detail link is followed only when its text or title matches (CCER: 方法学).</summary>
    public string? LinkTextPattern { get; init; }
    /// <summary>The parser profile its pages need (govcn, ndrc, mee); pages are parsed under their site URL so the parser recognises them.</summary>
    public string Parser { get; init; } = "";
    public int MaxListPages { get; init; } = 5;
    public long MaxAttachmentBytes { get; init; } = 20 * 1024 * 1024;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter<Site>() },
    };

    /// <summary>Reads a profile; a clear error for a malformed file.</summary>
    public static SiteProfile Load(string path)
    {
        SiteProfile? profile;
        try { profile = JsonSerializer.Deserialize<SiteProfile>(File.ReadAllText(path), JsonOptions); }
        catch (JsonException e) { throw new InvalidDataException($"Site profile {path} is not valid: {e.Message}", e); }
        if (profile is null || !Uri.TryCreate(profile.BaseUrl, UriKind.Absolute, out _))
            throw new InvalidDataException($"Site profile {path} has no absolute baseUrl.");
        return profile;
    }
}
