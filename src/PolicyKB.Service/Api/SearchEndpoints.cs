using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Search.Status;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>The read side of the API: search, export, facets, suggestions, documents, health.</summary>
internal static partial class SearchEndpoints
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
            .WithSummary("Every hit of a search up to the export cap, streamed: CSV (UTF-8), CSV for Excel (format=excel: UTF-8 with BOM) or JSON; a cut file says so (CSV: a last line; JSON: truncated).")
            .Produces<ExportResult>(contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/export/limit", ExportLimitOf)
            .WithSummary("How many rows an export carries at most (PolicyKB:ExportLimit).")
            .Produces<ExportLimits>(contentType: "application/json");
        api.MapGet("/facets", Facets)
            .WithSummary("Facet values with counts over the whole index.")
            .Produces<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>>(contentType: "application/json");
        api.MapGet("/suggest", Suggest)
            .WithSummary("Completions of a prefix: {type: \"term\" | \"issuer\", text} to search for, {type: \"document\", id, title} to open.")
            .Produces<IReadOnlyList<Suggestion>>(contentType: "application/json").ProducesValidationProblem();
        api.MapGet("/documents/{id}", Document)
            .WithSummary("One document: metadata, body, attachments, sources, related documents (cites, cited by, similar), and its status (现行有效, 已废止 …) from the texts.")
            .Produces<DocumentView>(contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/health", Health).WithTags("health")
            .WithSummary("Whether the index is open, how many documents it holds, when it was last committed.")
            .Produces<HealthReport>(contentType: "application/json");
    }

    private static IResult Search([AsParameters] SearchParameters parameters, IPolicyIndex index, ServiceSettings settings,
        TimeProvider clock, HttpContext http, ILoggerFactory loggers, IssuerRegistry issuers)
    {
        var read = parameters.Read();
        if (!read.TryGetValue(out var request)) return Problems.BadParameters(read);
        SearchResult? result;
        try { result = Run(index, request, settings, clock, http.RequestAborted); }
        catch (QueryTooComplexException e) { return Problems.BadParameter("q", e.Message); }
        if (result is null) return Problems.SearchTimedOut(settings.SearchTimeout);
        Log.Searched(loggers.CreateLogger(typeof(SearchEndpoints)), request.Query, result.Total, result.TookMs);
        result = result with { Facets = IssuerTree.WithParents(result.Facets, issuers) };
        return TypedResults.Json(result, SafeOutput.Json);
    }

    private static async Task<IResult> Export([AsParameters] SearchParameters parameters, string? format, IPolicyIndex index,
        ServiceSettings settings, TimeProvider clock, HttpContext http)
    {
        if (!ExportFormats.TryParse(format, out var chosen))
            return Problems.BadParameter("format", $"“{InvisibleText.Excerpt(format)}”不是导出格式（csv、excel、json）。");
        var read = parameters.Read(paged: false);
        if (!read.TryGetValue(out var request)) return Problems.BadParameters(read);
        var limit = ExportLimit(settings);
        HitStream? stream;
        try { stream = await StreamAsync(index, request, limit, settings, clock, http.RequestAborted); }
        catch (QueryTooComplexException e) { return Problems.BadParameter("q", e.Message); }
        if (stream is null) return Problems.SearchTimedOut(settings.SearchTimeout);
        // The stream holds its view of the index until the answer is written.
        http.Response.RegisterForDispose(stream);
        var rows = stream.Hits.Select(ExportRow.From);
        if (chosen == ExportFormat.Json)
            return TypedResults.Json(new ExportResult(request.Query, stream.Found, stream.Truncated, limit, stream.Partial, rows), SafeOutput.Json);
        var notice = stream.Truncated ? ExportNotice.Text(stream.Count, stream.Found, limit) : null;
        return TypedResults.Stream(body => CsvExport.WriteAsync(body, rows, byteOrderMark: chosen == ExportFormat.Excel, notice, http.RequestAborted),
            "text/csv; charset=utf-8", $"policykb-{clock.GetLocalNow():yyyyMMdd-HHmmss}.csv");
    }

    /// <summary>The rows an export carries at most: the configured cap, within the deepest result a search reaches.</summary>
    internal static int ExportLimit(ServiceSettings settings) => Math.Min(settings.ExportLimit, SearchLimits.MaxResultDepth);

    private static IResult ExportLimitOf(ServiceSettings settings) => TypedResults.Json(new ExportLimits(ExportLimit(settings)), SafeOutput.Json);

    private static IResult Facets(IPolicyIndex index, IssuerRegistry issuers) => TypedResults.Json(IssuerTree.WithParents(index.Facets(), issuers), SafeOutput.Json);

    private static IResult Suggest(string? prefix, string? max, IPolicyIndex index)
    {
        var p = prefix?.Trim() ?? "";
        if (p.Length > MaxPrefixLength) return Problems.BadParameter("prefix", $"前缀过长：最多 {MaxPrefixLength} 个字符。");
        var n = 10;
        if (!string.IsNullOrWhiteSpace(max) && (!int.TryParse(max, out n) || n < 1 || n > MaxSuggestions))
            return Problems.BadParameter("max", $"“{InvisibleText.Excerpt(max)}”不是 1 到 {MaxSuggestions} 之间的整数。");
        IReadOnlyList<Suggestion> suggestions = p.Length == 0 ? [] : index.Suggest(p, n);
        return TypedResults.Json(suggestions, SafeOutput.Json);
    }

    private static IResult Document(string id, IPolicyIndex index)
    {
        if (id.Length > MaxIdLength) return Problems.IdTooLong("id");
        var document = index.Get(id);
        if (document is null) return Problems.UnknownDocument(id);
        return TypedResults.Json(new DocumentView(document, index.Related(id), index.Status(id) ?? DocumentStatus.Unknown) { Links = index.Links(id) }, SafeOutput.Json);
    }

    private static IResult Health(IPolicyIndex index)
        => TypedResults.Json(new HealthReport("ok", index.Count, index.LastCommit), SafeOutput.Json);

    /// <summary>Starts a search's hit stream under the per-request timeout (as <see cref="Run"/>, but on a pool thread: the stream is given up at the timeout even if it has not started); null when the time ran out.</summary>
    internal static async Task<HitStream?> StreamAsync(IPolicyIndex index, SearchRequest request, int max, ServiceSettings settings, TimeProvider clock, CancellationToken aborted)
    {
        using var deadline = new CancellationTokenSource(settings.SearchTimeout, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
        var started = Task.Run(() => index.Stream(request, max, cts.Token), cts.Token);
        try
        {
            return await started.WaitAsync(settings.SearchTimeout, clock, aborted);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // A stream that starts after all is let go at once.
            _ = started.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            if (aborted.IsCancellationRequested) throw;
            return null;
        }
    }

    /// <summary>
    /// Runs a search under the per-request timeout, on the request's own thread: a search is CPU work that never
    /// waits, and a hop to another pool thread (to give up waiting on it at the timeout) only queued it behind other
    /// work. The token stops the index between its steps and segments, and a search that ends after its time is
    /// answered as timed out all the same. Null when the time ran out.
    /// </summary>
    internal static SearchResult? Run(IPolicyIndex index, SearchRequest request, ServiceSettings settings, TimeProvider clock, CancellationToken aborted)
    {
        var started = clock.GetTimestamp();
        // On the injected clock, as the elapsed time below and the fetcher's timeout are.
        using var deadline = new CancellationTokenSource(settings.SearchTimeout, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
        try
        {
            var result = index.Search(request, cts.Token);
            return clock.GetElapsedTime(started) > settings.SearchTimeout ? null : result;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
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
internal sealed record DocumentView(PolicyDocument Document, RelatedDocuments Related, DocumentStatus Status)
{
    /// <summary>The 《titles》 and 文号 of the body that name other documents of the knowledge base (block, offset, length, id).</summary>
    public IReadOnlyList<TextLink> Links { get; init; } = [];
}

/// <summary>GET /health.</summary>
internal sealed record HealthReport(string Status, int Documents, DateTimeOffset? LastCommit);
