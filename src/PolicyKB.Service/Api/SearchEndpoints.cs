using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Status;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>The read side of the API: search, export, facets, suggestions, documents, health.</summary>
public static partial class SearchEndpoints
{
    public const int MaxPrefixLength = 100;
    public const int MaxSuggestions = 20;
    public const int MaxIdLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        // Each client waits for its own searches, not for everybody else's.
        var api = app.MapGroup("/api").WithTags("search").RequireRateLimiting(ClientLimits.SearchPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/search", Search)
            .WithSummary("Search the knowledge base: hits with snippets, facets with drill-sideways counts, warnings, total, took.")
            .Produces<SearchResult>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/export", Export)
            .WithSummary("Every hit of a search (capped) as CSV for Excel (UTF-8 BOM) or JSON.")
            .Produces<ExportResult>(contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/facets", Facets)
            .WithSummary("Facet values with counts over the whole index.")
            .Produces<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>>(contentType: "application/json");
        api.MapGet("/suggest", Suggest)
            .WithSummary("Completions of a prefix from titles, issuers and the thesaurus.")
            .Produces<IReadOnlyList<string>>(contentType: "application/json").ProducesValidationProblem();
        api.MapGet("/documents/{id}", Document)
            .WithSummary("One document: metadata, body, attachments, sources, related documents (cites, cited by, similar), and its status (现行有效, 已废止 …) from the texts.")
            .Produces<DocumentView>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/health", Health).WithTags("health")
            .WithSummary("Whether the index is open, how many documents it holds, when it was last committed.")
            .Produces<HealthReport>(contentType: "application/json");
    }

    private static async Task<IResult> Search([AsParameters] SearchParameters parameters, IPolicyIndex index, ServiceSettings settings,
        HttpContext http, ILoggerFactory loggers)
    {
        var request = parameters.ToRequest(out var problems);
        if (request is null) return Problems.BadParameters(problems);
        SearchResult? result;
        try { result = await RunAsync(index, request, settings, http.RequestAborted); }
        catch (QueryTooComplexException e) { return Problems.BadParameter("q", e.Message); }
        if (result is null) return Problems.SearchTimedOut(settings.SearchTimeout);
        Log.Searched(loggers.CreateLogger(typeof(SearchEndpoints)), request.Query, result.Total, result.TookMs);
        return TypedResults.Json(result, SafeOutput.Json);
    }

    private static async Task<IResult> Export([AsParameters] SearchParameters parameters, string? format, IPolicyIndex index,
        ServiceSettings settings, TimeProvider clock, HttpContext http)
    {
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => true,
            "json" => false,
            _ => (bool?)null,
        };
        if (csv is null) return Problems.BadParameter("format", $"'{SearchParameters.Shorten(format)}' is not an export format (csv, json).");
        var request = parameters.ToRequest(out var problems, paged: false);
        if (request is null) return Problems.BadParameters(problems);
        request = request with { Page = 1, Size = settings.ExportLimit, WithFacets = false };
        SearchResult? result;
        try { result = await RunAsync(index, request, settings, http.RequestAborted); }
        catch (QueryTooComplexException e) { return Problems.BadParameter("q", e.Message); }
        if (result is null) return Problems.SearchTimedOut(settings.SearchTimeout);
        // A page of hits at most (the search's largest page): each status is decided as the document page decides it.
        var rows = result.Hits.Select(h => ExportRow.From(h, index.Status(h.Id)?.State)).ToList();
        if (csv == true)
            return TypedResults.File(CsvExport.Write(rows), "text/csv; charset=utf-8", $"policykb-{clock.GetLocalNow():yyyyMMdd-HHmmss}.csv");
        return TypedResults.Json(new ExportResult(request.Query, result.Total, result.Total > rows.Count, rows), SafeOutput.Json);
    }

    private static IResult Facets(IPolicyIndex index) => TypedResults.Json(index.Facets(), SafeOutput.Json);

    private static IResult Suggest(string? prefix, string? max, IPolicyIndex index)
    {
        var p = prefix?.Trim() ?? "";
        if (p.Length > MaxPrefixLength) return Problems.BadParameter("prefix", $"The prefix is longer than {MaxPrefixLength} characters.");
        var n = 10;
        if (!string.IsNullOrWhiteSpace(max) && (!int.TryParse(max, out n) || n < 1 || n > MaxSuggestions))
            return Problems.BadParameter("max", $"'{SearchParameters.Shorten(max)}' is not a whole number from 1 to {MaxSuggestions}.");
        IReadOnlyList<string> suggestions = p.Length == 0 ? [] : index.Suggest(p, n);
        return TypedResults.Json(suggestions, SafeOutput.Json);
    }

    private static IResult Document(string id, IPolicyIndex index)
    {
        if (id.Length > MaxIdLength) return Problems.BadParameter("id", $"A document id is at most {MaxIdLength} characters.");
        var document = index.Get(id);
        if (document is null) return Problems.NotFound($"No document has the id '{SearchParameters.Shorten(id)}'.");
        return TypedResults.Json(new DocumentView(document, index.Related(id), index.Status(id) ?? DocumentStatus.Unknown), SafeOutput.Json);
    }

    private static IResult Health(IPolicyIndex index)
        => TypedResults.Json(new HealthReport("ok", index.Count, index.LastCommit), SafeOutput.Json);

    /// <summary>
    /// Runs a search under the per-request timeout: the token asks the index to stop, and the wait gives up on
    /// the answer even if it does not. Null when the time ran out.
    /// </summary>
    internal static async Task<SearchResult?> RunAsync(IPolicyIndex index, SearchRequest request, ServiceSettings settings, CancellationToken aborted)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        cts.CancelAfter(settings.SearchTimeout);
        try
        {
            return await Task.Run(() => index.Search(request, cts.Token), cts.Token).WaitAsync(settings.SearchTimeout, aborted);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !aborted.IsCancellationRequested)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Search {Query} found {Total} in {TookMs} ms")]
        public static partial void Searched(ILogger logger, string query, int total, double tookMs);
    }
}

/// <summary>GET /api/documents/{id}: the document as stored (with its sources), the documents related to it, and its status as the texts now say.</summary>
public sealed record DocumentView(PolicyDocument Document, RelatedDocuments Related, DocumentStatus Status);

/// <summary>GET /health.</summary>
public sealed record HealthReport(string Status, int Documents, DateTimeOffset? LastCommit);
