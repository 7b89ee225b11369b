using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Search;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>
/// Saved searches as Atom 1.0 feeds: /feeds/search.atom takes the parameters of /api/search and lists the newest
/// matching documents first, each entry linking to its document page, so a feed reader follows a search.
/// </summary>
internal static partial class FeedEndpoints
{
    public const string ContentType = "application/atom+xml";
    /// <summary>Entries in a feed when the address gives no size (a reader polls; 50 covers weeks of new notices).</summary>
    public const int DefaultEntries = 50;
    private const string Atom = "http://www.w3.org/2005/Atom";
    /// <summary>Policy dates are days in Beijing; an entry dated 2024-05-01 is updated at 00:00 that day there.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    [GeneratedRegex("<[^>]+>")] private static partial Regex Markup();

    public static void MapFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/search.atom", SearchFeed).WithTags("feeds").RequireRateLimiting(ClientLimits.SearchPolicy)
            .WithSummary("A search as an Atom 1.0 feed: the parameters of /api/search; entries newest first by 发布日期 (sort and page are ignored; size defaults to 50).")
            .Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesValidationProblem();

    private static IResult SearchFeed([AsParameters] SearchParameters parameters, IPolicyIndex index, ServiceSettings settings,
        TimeProvider clock, HttpContext http)
    {
        var read = parameters.Read();
        if (!read.TryGetValue(out var request)) return Problems.BadParameters(read);
        request = request with
        {
            Sort = SearchSort.Newest,
            Page = 1,
            Size = string.IsNullOrWhiteSpace(parameters.Size) ? DefaultEntries : request.Size,
            WithFacets = false,
        };
        var result = SearchEndpoints.Run(index, request, settings, clock, http.RequestAborted);
        if (result is null) return Problems.SearchTimedOut(settings.SearchTimeout);
        var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return TypedResults.Bytes(Write(result, request, site, http.Request.GetEncodedUrl(), index.LastCommit ?? clock.GetUtcNow()), ContentType + "; charset=utf-8");
    }

    /// <summary>
    /// The feed document. Its id is its own address (the search is the feed); an entry's id is its document page.
    /// Atom requires every entry to have an updated time: an undated document (the search puts it last) takes the
    /// oldest dated entry's, so the times run newest first as the entries do; it has no published element.
    /// </summary>
    private static byte[] Write(SearchResult result, SearchRequest request, string site, string self, DateTimeOffset lastCommit)
    {
        static DateTimeOffset? DayOf(SearchHit hit) => (hit.PublishedDate ?? hit.WrittenDate) is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset)
            : null;
        var oldest = result.Hits.Select(DayOf).Where(d => d is not null).Min() ?? lastCommit;
        DateTimeOffset UpdatedOf(SearchHit hit) => DayOf(hit) ?? oldest;
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, "政策知识库：" + Describe(request));
            xml.WriteElementString("updated", Atom, Time(result.Hits.Count > 0 ? result.Hits.Max(UpdatedOf) : lastCommit));
            Link(xml, "self", self, ContentType);
            Link(xml, "alternate", site + "/?" + PageQuery(self), "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "政策知识库 PolicyKB");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "PolicyKB");
            // The output boundary's cleaning, as every JSON answer gets it: no bidi controls, no link but http(s).
            foreach (var hit in result.Hits.Select(SafeOutput.Clean))
            {
                var page = site + "/?doc=" + Uri.EscapeDataString(hit.Id);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, page);
                xml.WriteElementString("title", Atom, hit.Title);
                xml.WriteElementString("updated", Atom, Time(UpdatedOf(hit)));
                if (hit.PublishedDate is { } published) xml.WriteElementString("published", Atom, Time(new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), ChinaOffset)));
                Link(xml, "alternate", page, "text/html");
                if (hit.Url is { } original) Link(xml, "via", original, "text/html");
                foreach (var issuer in hit.Issuers)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, issuer);
                    xml.WriteEndElement();
                }
                if (hit.DocumentType is { } type)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", type);
                    xml.WriteEndElement();
                }
                var summary = string.Join(" ", new[] { hit.DocumentNumber, string.Join("、", hit.Issuers) }.Where(s => !string.IsNullOrEmpty(s))
                    .Concat(hit.Snippets.Take(2).Select(s => WebUtility.HtmlDecode(Markup().Replace(s, "")))));
                if (summary.Length > 0)
                {
                    xml.WriteStartElement("summary", Atom);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(summary);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>The search in words for the feed's title: the query, then each filter.</summary>
    private static string Describe(SearchRequest r)
    {
        var parts = new List<string> { r.Query.Length > 0 ? r.Query : "全部文件" };
        void Add(string name, IReadOnlyList<string> values) { if (values.Count > 0) parts.Add(name + "：" + string.Join("、", values)); }
        Add("发文机关", r.Issuers);
        Add("主题", r.Themes);
        Add("主题分类", r.Topics);
        Add("文种", r.Types);
        Add("来源", r.Sites);
        Add("年份", r.Years);
        Add("月份", r.Months);
        Add("方法学", r.Methodologies);
        if (r.PublishedFrom is not null || r.PublishedTo is not null) parts.Add($"发布日期：{r.PublishedFrom:yyyy-MM-dd}至{r.PublishedTo:yyyy-MM-dd}");
        if (r.WrittenFrom is not null || r.WrittenTo is not null) parts.Add($"成文日期：{r.WrittenFrom:yyyy-MM-dd}至{r.WrittenTo:yyyy-MM-dd}");
        return string.Join("；", parts);
    }

    /// <summary>The feed's own query string less size, as the search page's address takes it.</summary>
    private static string PageQuery(string self)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(self).Query);
        var kept = query.Where(kv => kv.Key != "size").SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        return string.Join("&", kept);
    }
}
