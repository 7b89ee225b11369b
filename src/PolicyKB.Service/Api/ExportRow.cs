using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PolicyKB.Search;

namespace PolicyKB.Service.Api;

/// <summary>One exported hit: what a reader needs to cite the document, with its first snippet as plain text and its 效力.</summary>
public sealed partial record ExportRow(
    string Id,
    string Title,
    IReadOnlyList<string> Issuers,
    string? DocumentNumber,
    string? DocumentType,
    DateOnly? WrittenDate,
    DateOnly? PublishedDate,
    string? Url,
    string? Snippet,
    string? Status = null)
{
    [GeneratedRegex("<[^>]*>")] private static partial Regex Tag();

    /// <summary>The row of a hit, through the output boundary (<see cref="SafeOutput"/>): CSV is written from it, not from JSON.</summary>
    public static ExportRow From(SearchHit hit, string? status) => new(
        SafeOutput.Text(hit.Id), SafeOutput.Text(hit.Title), [.. hit.Issuers.Select(SafeOutput.Text)],
        hit.DocumentNumber is null ? null : SafeOutput.Text(hit.DocumentNumber), hit.DocumentType is null ? null : SafeOutput.Text(hit.DocumentType),
        hit.WrittenDate, hit.PublishedDate, SafeOutput.Link(hit.Url),
        hit.Snippets.Count > 0 ? SafeOutput.Text(PlainText(hit.Snippets[0])) : null, status);

    /// <summary>A highlighted, HTML-escaped snippet back to the text it shows.</summary>
    public static string PlainText(string snippetHtml) => WebUtility.HtmlDecode(Tag().Replace(snippetHtml, ""));
}

/// <summary>The JSON export: the search, how many hits it had, and the rows (at most the export limit).</summary>
public sealed record ExportResult(string Query, int Total, bool Truncated, IReadOnlyList<ExportRow> Hits);

/// <summary>CSV that Excel opens correctly: UTF-8 with BOM, CRLF, RFC 4180 quoting, and no cell that Excel would run as a formula.</summary>
public static class CsvExport
{
    public static readonly string[] Header = ["标题", "发文机关", "文号", "文种", "成文日期", "发布日期", "网址", "摘要", "编号", "效力"];

    public static byte[] Write(IEnumerable<ExportRow> rows)
    {
        var sb = new StringBuilder();
        AppendLine(sb, Header);
        foreach (var r in rows)
            AppendLine(sb, [r.Title, string.Join("；", r.Issuers), r.DocumentNumber, r.DocumentType,
                r.WrittenDate?.ToString("yyyy-MM-dd"), r.PublishedDate?.ToString("yyyy-MM-dd"), r.Url, r.Snippet, r.Id, r.Status]);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8.GetPreamble(), .. utf8.GetBytes(sb.ToString())];
    }

    private static void AppendLine(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Cell(cells[i]));
        }
        sb.Append("\r\n");
    }

    public static string Cell(string? value)
    {
        var v = value ?? "";
        // A leading = + - @ (or tab/CR) makes Excel evaluate the cell; a quote mark keeps it text.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
