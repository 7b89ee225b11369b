using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Import;
using PolicyKB.Import.Health;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Service.Api;

/// <summary>GET /api/health/fields: the field-health report of the knowledge base (the numbers of `policykb check --fields`).</summary>
internal static class FieldHealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapGet("/api/health/fields", Fields).WithTags("health")
            .WithSummary("How well the documents were read: per site, the share of documents with each field, warnings by kind, the 20 most frequent issuer values not in issuers.json.")
            .Produces<FieldHealthReport>(contentType: "application/json");

    private static IResult Fields(IPolicyIndex index, IssuerRegistry issuers)
        => TypedResults.Json(FieldHealth.Compute(index.All(), issuers), PolicyJson.Options);
}
