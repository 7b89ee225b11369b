using PolicyKB.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Status;

namespace PolicyKB.Service.Api;

/// <summary>The status (效力) of several documents at once, for the badges on a page of hits.</summary>
internal static class StatusEndpoints
{
    /// <summary>One page of hits at most (the search's largest page).</summary>
    public const int MaxIds = SearchLimits.MaxPageSize;

    public static void MapStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/status", Statuses).WithTags("search").RequireRateLimiting(ClientLimits.SearchPolicy)
            .WithSummary("Statuses of documents by id (id=…&id=…, at most 100): 现行有效, 已废止 … as the texts now say; unknown ids are left out.")
            .Produces<IReadOnlyDictionary<string, DocumentStatus>>(contentType: "application/json").ProducesValidationProblem();

    private static IResult Statuses([FromQuery(Name = "id")] string[]? ids, IPolicyIndex index)
    {
        var wanted = (ids ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return Problems.BadParameter("id", "请至少给出一个文件编号（id=…）。");
        if (wanted.Count > MaxIds) return Problems.BadParameter("id", $"最多允许 {MaxIds} 个文件编号。");
        if (wanted.FirstOrDefault(i => i.Length > SearchEndpoints.MaxIdLength) is not null)
            return Problems.BadParameter("id", $"文件编号最多 {SearchEndpoints.MaxIdLength} 个字符。");
        var statuses = new Dictionary<string, DocumentStatus>(StringComparer.Ordinal);
        foreach (var id in wanted)
            if (index.Status(id) is { } status) statuses[id] = status;
        return TypedResults.Json(statuses, SafeOutput.Json);
    }
}
