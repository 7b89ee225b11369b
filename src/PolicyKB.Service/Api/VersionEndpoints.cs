using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Compare;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>A document's versions as the crawler saw them change, and comparisons: version with version, draft with final text.</summary>
public static class VersionEndpoints
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
        if (count == 0) return Problems.NotFound("This document has no crawled versions: it was imported from a file or fetched once.");
        if (!int.TryParse(n, out var number) || number < 1 || number > count)
            return Problems.BadParameter("n", $"'{SearchParameters.Shorten(n)}' is not a version of this document (1 to {count}).");
        var other = against?.Trim().ToLowerInvariant() switch
        {
            null or "" or "previous" => number - 1,
            "current" => count,
            _ => -1,
        };
        if (other < 0) return Problems.BadParameter("against", $"'{SearchParameters.Shorten(against)}' is not previous or current.");
        if (other == 0) return Problems.BadParameter("n", "Version 1 is the first: there is no earlier version to compare it with (use against=current).");
        var (older, newer) = (Math.Min(number, other), Math.Max(number, other));
        if (DocumentVersions.TextOf(document, older) is not { } olderText || DocumentVersions.TextOf(document, newer) is not { } newerText)
            return Problems.NotFound($"The text of version {older} is no longer kept in the index (it keeps the latest {Search.Ingest.DocumentIngest.MaxVersionTexts} earlier texts); its page is in the crawler's snapshots.");
        return TypedResults.Json(new Comparison(Side(document, older, olderText), Side(document, newer, newerText), DocumentVersions.Compare(olderText, newerText)), SafeOutput.Json);
    }

    private static IResult CompareWith(string id, string? with, IPolicyIndex index)
    {
        if (Find(id, index, out var document) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(with)) return Problems.BadParameter("with", "Give the id of the document to compare with (with=…).");
        if (with.Length > SearchEndpoints.MaxIdLength) return Problems.BadParameter("with", $"A document id is at most {SearchEndpoints.MaxIdLength} characters.");
        if (index.Get(with.Trim()) is not { } other) return Problems.NotFound($"No document has the id '{SearchParameters.Shorten(with)}'.");
        var (a, b) = (VersionText.Of(document!), VersionText.Of(other));
        return TypedResults.Json(new Comparison(new ComparedSide(document!.Id, document.Title, null, document.PublishedDate),
            new ComparedSide(other.Id, other.Title, null, other.PublishedDate), DocumentVersions.Compare(a, b)), SafeOutput.Json);
    }

    private static IResult? Find(string id, IPolicyIndex index, out PolicyDocument? document)
    {
        document = null;
        if (id.Length > SearchEndpoints.MaxIdLength) return Problems.BadParameter("id", $"A document id is at most {SearchEndpoints.MaxIdLength} characters.");
        document = index.Get(id);
        return document is null ? Problems.NotFound($"No document has the id '{SearchParameters.Shorten(id)}'.") : null;
    }

    private static ComparedSide Side(PolicyDocument document, int n, VersionText text) => new(document.Id, text.Title, n, text.PublishedDate);
}

/// <summary>GET /api/documents/{id}/versions.</summary>
public sealed record VersionList(string Id, string Title, IReadOnlyList<VersionSummary> Versions);

/// <summary>One side of a comparison: the document, its title as that text gives it, the version number when it is a version.</summary>
public sealed record ComparedSide(string Id, string Title, int? Version, DateOnly? PublishedDate);

/// <summary>A comparison: the older text (left), the newer one (right), and their paragraph-aligned rows.</summary>
public sealed record Comparison(ComparedSide Old, ComparedSide New, TextComparison Diff);
