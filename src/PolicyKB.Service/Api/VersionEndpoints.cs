using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Compare;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>A document's versions as the crawler saw them change, and comparisons: version with version, draft with final text.</summary>
internal static class VersionEndpoints
{
    public static void MapVersions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("search").RequireRateLimiting(ClientLimits.SearchPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/{id}/versions", Versions)
            .WithSummary("The versions of a document (1 = first fetched): fetch time, 发布日期, content hash, length, whether its text is kept.")
            .Produces<VersionList>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/versions/{n}/diff", VersionDiff)
            .WithSummary("Version n compared with version n-1 (against=previous, the default) or with the current text (against=current): paragraph-aligned, changes as inserted/deleted runs.")
            .Produces<Comparison>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/compare", CompareWith)
            .WithSummary("The document compared with another (with=ID), e.g. a 征求意见稿 with its final text: paragraph-aligned, changes marked.")
            .Produces<Comparison>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Versions(string id, IPolicyIndex index)
    {
        if (Find(id, index, out var document) is { } problem) return problem;
        return TypedResults.Json(new VersionList(document!.Id, document.Title, DocumentVersions.List(document)), SafeOutput.Json);
    }

    private static IResult VersionDiff(string id, string n, string? against, IPolicyIndex index)
    {
        if (Find(id, index, out var document) is { } problem) return problem;
        var count = document!.Versions.Count;
        if (count == 0) return Problems.NotFound("这份文件没有抓取到的历史版本：它由文件导入，或只抓取过一次。");
        if (!int.TryParse(n, out var number) || number < 1 || number > count)
            return Problems.BadParameter("n", $"“{InvisibleText.Excerpt(n)}”不是这份文件的版本号（1 至 {count}）。");
        var other = against?.Trim().ToLowerInvariant() switch
        {
            null or "" or "previous" => number - 1,
            "current" => count,
            _ => -1,
        };
        if (other < 0) return Problems.BadParameter("against", $"“{InvisibleText.Excerpt(against)}”无效：只能是 previous（上一版本）或 current（现行文本）。");
        if (other == 0) return Problems.BadParameter("n", "第 1 版是最早的版本，没有更早的版本可比较（请用 against=current 与现行文本比较）。");
        var (older, newer) = (Math.Min(number, other), Math.Max(number, other));
        if (DocumentVersions.TextOf(document, older) is not { } olderText || DocumentVersions.TextOf(document, newer) is not { } newerText)
            return Problems.NotFound($"第 {older} 版的文本已不在索引中（索引只保留最近 {DocumentVersions.TextsKept} 个早期文本）；其原始网页仍在抓取快照 snapshots/ 中。");
        return TypedResults.Json(new Comparison(Side(document, older, olderText), Side(document, newer, newerText), DocumentVersions.Compare(olderText, newerText)), SafeOutput.Json);
    }

    private static IResult CompareWith(string id, string? with, IPolicyIndex index)
    {
        if (Find(id, index, out var document) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(with)) return Problems.BadParameter("with", "请用 with=… 给出要比较的文件编号。");
        if (with.Length > SearchEndpoints.MaxIdLength) return Problems.IdTooLong("with");
        if (index.Get(with.Trim()) is not { } other) return Problems.UnknownDocument(with);
        var (a, b) = (VersionText.Of(document!), VersionText.Of(other));
        return TypedResults.Json(new Comparison(new ComparedSide(document!.Id, document.Title, null, document.PublishedDate),
            new ComparedSide(other.Id, other.Title, null, other.PublishedDate), DocumentVersions.Compare(a, b)), SafeOutput.Json);
    }

    private static IResult? Find(string id, IPolicyIndex index, out PolicyDocument? document)
    {
        document = null;
        if (id.Length > SearchEndpoints.MaxIdLength) return Problems.IdTooLong("id");
        document = index.Get(id);
        return document is null ? Problems.UnknownDocument(id) : null;
    }

    private static ComparedSide Side(PolicyDocument document, int n, VersionText text) => new(document.Id, text.Title, n, text.PublishedDate);
}

/// <summary>GET /api/documents/{id}/versions.</summary>
internal sealed record VersionList(string Id, string Title, IReadOnlyList<VersionSummary> Versions);

/// <summary>One side of a comparison: the document, its title as that text gives it, the version number when it is a version.</summary>
internal sealed record ComparedSide(string Id, string Title, int? Version, DateOnly? PublishedDate);

/// <summary>A comparison: the older text (left), the newer one (right), and their paragraph-aligned rows.</summary>
internal sealed record Comparison(ComparedSide Old, ComparedSide New, TextComparison Diff);
