using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PolicyKB.Search;

namespace PolicyKB.Service.Api;

/// <summary>One exported hit: what a reader needs to cite the document, with its first snippet as plain text and its 效力.</summary>
internal sealed partial record ExportRow(
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
    public static ExportRow From(SearchHit hit) => new(
        SafeOutput.Text(hit.Id), SafeOutput.Text(hit.Title), [.. hit.Issuers.Select(SafeOutput.Text)],
        hit.DocumentNumber is null ? null : SafeOutput.Text(hit.DocumentNumber), hit.DocumentType is null ? null : SafeOutput.Text(hit.DocumentType),
        hit.WrittenDate, hit.PublishedDate, SafeOutput.Link(hit.Url),
        hit.Snippets.Count > 0 ? SafeOutput.Text(PlainText(hit.Snippets[0])) : null, hit.Status);

    /// <summary>A highlighted, HTML-escaped snippet back to the text it shows.</summary>
    public static string PlainText(string snippetHtml) => WebUtility.HtmlDecode(Tag().Replace(snippetHtml, ""));
}

/// <summary>The JSON export: the search, how many documents it found, whether the cap cut the rows, the cap, and the rows.</summary>
/// <param name="Partial">Set when no document matched the query as typed and the rows are its partial matches.</param>
internal sealed record ExportResult(string Query, int Total, bool Truncated, int Limit, PartialMatches? Partial, IEnumerable<ExportRow> Hits);

/// <summary>GET /api/export/limit: the rows an export carries at most.</summary>
internal sealed record ExportLimits(int Limit);

internal enum ExportFormat { Csv, Excel, Json }

internal static class ExportFormats
{
    /// <summary>csv (the default), excel or json, in any case.</summary>
    public static bool TryParse(string? text, out ExportFormat format)
    {
        format = ExportFormat.Csv;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "csv": return true;
            case "excel": format = ExportFormat.Excel; return true;
            case "json": format = ExportFormat.Json; return true;
            default: return false;
        }
    }
}

/// <summary>The line a cut CSV export ends with.</summary>
internal static class ExportNotice
{
    public static string Text(int rows, int found, int limit) => string.Create(CultureInfo.InvariantCulture,
        $"※ 导出未完整：共找到 {found:N0} 条，超出导出上限 {limit:N0} 条，本文件只含前 {rows:N0} 条。请收窄检索条件后分批导出。");
}

/// <summary>
/// CSV as RFC 4180 says (UTF-8, CRLF, quoting), with no cell that a spreadsheet would run as a formula; for Excel, behind
/// a UTF-8 byte order mark (without it Excel reads the file in the local code page). Written row by row as the hits come.
/// </summary>
internal static class CsvExport
{
    public static readonly string[] Header = ["标题", "发文机关", "文号", "文种", "成文日期", "发布日期", "网址", "摘要", "编号", "效力"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="notice">A last line saying what the file leaves out; null when it holds every hit.</param>
    public static async Task WriteAsync(Stream output, IEnumerable<ExportRow> rows, bool byteOrderMark, string? notice, CancellationToken cancellationToken)
    {
        if (byteOrderMark) await output.WriteAsync(new UTF8Encoding(true).Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header).AsMemory(), cancellationToken);
        foreach (var r in rows)
            await writer.WriteAsync(Line([r.Title, string.Join("；", r.Issuers), r.DocumentNumber, r.DocumentType,
                r.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PublishedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Url, r.Snippet, r.Id, r.Status]).AsMemory(), cancellationToken);
        if (notice is not null) await writer.WriteAsync(Line([notice]).AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One record, CRLF-terminated.</summary>
    public static string Line(IReadOnlyList<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        var v = value ?? "";
        // A leading = + - @ (or tab/CR) makes Excel evaluate the cell; a quote mark keeps it text.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
