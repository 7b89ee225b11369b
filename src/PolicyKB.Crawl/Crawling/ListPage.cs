using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PolicyKB.Import.Encodings;
using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>A link on a list page: its href as written and its text (or title).</summary>
internal sealed record PageLink(string Href, string? Text);

/// <summary>
/// What a list page offers: its links, and how many list pages there are in all (read from the paging
/// script or the JSON), null when the page does not say.
/// </summary>
internal sealed partial record ListPage(IReadOnlyList<PageLink> Links, int? TotalPages, string? PageName = null, string? PageExtension = null)
{
    [GeneratedRegex(@"createPageHTML\(\s*(?<total>\d+)\s*,\s*\d+\s*,\s*[""'](?<name>\w+)[""']\s*,\s*[""'](?<ext>\w+)[""']")]
    private static partial Regex CreatePageHtml();

    [GeneratedRegex(@"\bvar\s+countPage\s*=\s*(?<total>\d+)")]
    private static partial Regex CountPage();

    /// <summary>Reads a list page; an error for bytes that are neither HTML nor JSON nor decodable text.</summary>
    public static Parsed<ListPage> Read(byte[] content, string? contentType, SiteProfile profile)
    {
        var (decoded, error) = TextDecoder.Decode(content, contentType);
        if (decoded is null) return Parsed.Fail<ListPage>(error!);
        return profile.ListKind == ListKind.Json ? FromJson(decoded.Text, profile.Paging) : Parsed.Of(FromHtml(decoded.Text, profile.Paging));
    }

    private static ListPage FromHtml(string html, PagingRule paging)
    {
        var document = new HtmlParser().ParseDocument(html);
        var links = document.QuerySelectorAll("a[href]")
            .Select(a => new PageLink(a.GetAttribute("href")!, Normalise(a.GetAttribute("title")) ?? Normalise(a.TextContent)))
            .ToList();
        // The paging scripts are read from the raw text: MEE keeps createPageHTML (page name and extension) in a
        // comment and sets the total in `var countPage`.
        var call = CreatePageHtml().Match(html);
        var (name, extension) = call.Success ? (call.Groups["name"].Value, call.Groups["ext"].Value) : ("index", paging.Extension);
        return paging.Kind switch
        {
            PagingKind.CreatePageHtml when call.Success => new ListPage(links, Total(call), name, extension),
            PagingKind.CountPage when CountPage().Match(html) is { Success: true } m => new ListPage(links, Total(m), name, extension),
            _ => new ListPage(links, null),
        };
    }

    /// <summary>The gov.cn search endpoint: every object with a "url" is a row, wherever the response nests it.</summary>
    private static Parsed<ListPage> FromJson(string json, PagingRule paging)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { return Parsed.Fail<ListPage>($"list response is not JSON: {e.Message}"); }
        using (document)
        {
            var links = new List<PageLink>();
            int? total = null;
            void Walk(JsonElement e)
            {
                if (e.ValueKind == JsonValueKind.Array) { foreach (var item in e.EnumerateArray()) Walk(item); return; }
                if (e.ValueKind != JsonValueKind.Object) return;
                if (e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                    links.Add(new PageLink(url.GetString()!, e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? Normalise(t.GetString()) : null));
                foreach (var p in e.EnumerateObject())
                {
                    if (string.Equals(p.Name, paging.TotalPagesProperty, StringComparison.OrdinalIgnoreCase) && p.Value.TryGetInt32(out var n)) total ??= n;
                    else Walk(p.Value);
                }
            }
            Walk(document.RootElement);
            return Parsed.Of(new ListPage(links, total));
        }
    }

    private static int Total(Match m) => int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture);

    private static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
