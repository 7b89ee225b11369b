using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyKB.Crawl;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>
/// Calls that change the knowledge base. They need the configured admin key in the X-Api-Key header
/// (401 without it) and are switched off (403) when no key is configured.
/// </summary>
public static partial class AdminEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("admin").AddEndpointFilter(RequireAdminKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/import", Import)
            .WithSummary("Import uploaded files (multipart field 'files') or a folder or file on the server (JSON {\"path\": …}).")
            .Accepts<ImportPathRequest>("application/json", "multipart/form-data")
            .Produces<ImportReport>(contentType: "application/json").ProducesValidationProblem();
        admin.MapPost("/crawl", StartCrawl)
            .WithSummary("Start a crawl in the background (JSON body optional: sites, baseUrls, maxListPages); 409 while one runs.")
            .Accepts<CrawlRequest>(isOptional: true, "application/json")
            .Produces<CrawlStatus>(StatusCodes.Status202Accepted, "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/crawl", (CrawlCoordinator crawler) => TypedResults.Json(crawler.Status, PolicyJson.Options))
            .WithSummary("What the crawler is doing and what its last crawl did.")
            .Produces<CrawlStatus>(contentType: "application/json");
        return admin;
    }

    /// <summary>Checked before the request body is read, so that nobody without the key can make the server read an upload.</summary>
    private static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var settings = context.HttpContext.RequestServices.GetRequiredService<ServiceSettings>();
        if (!settings.AdminEnabled)
            return TypedResults.Problem(
                detail: "Admin calls are disabled: no admin API key is configured. Set PolicyKB:AdminApiKey (environment variable PolicyKB__AdminApiKey) to enable them.",
                statusCode: StatusCodes.Status403Forbidden, title: "Admin API disabled");
        var given = context.HttpContext.Request.Headers[ApiKeyHeader].ToString();
        if (!KeysMatch(given, settings.AdminApiKey!))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = ApiKeyHeader;
            return TypedResults.Problem(
                detail: $"This call needs the admin API key in the {ApiKeyHeader} header.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Admin API key missing or wrong");
        }
        return await next(context);
    }

    private static bool KeysMatch(string given, string expected)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static async Task<IResult> Import(HttpContext http, IPolicyIndex index, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(AdminEndpoints));
        var importer = new DocumentImporter(index);
        ImportReport report;
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
            catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
            {
                return Problems.BadParameter("files", $"The upload is not well-formed multipart/form-data: {e.Message}");
            }
            if (form.Files.Count == 0) return Problems.BadParameter("files", "Upload at least one file in the multipart field 'files'.");
            var results = new List<ImportFileResult>();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                var name = Path.GetFileName(file.FileName);
                results.Add(importer.ImportBytes(buffer.ToArray(), new PageSource(FilePath: name, ContentType: file.ContentType)));
            }
            report = new ImportReport(results);
        }
        else if (http.Request.HasJsonContentType())
        {
            ImportPathRequest? body;
            try { body = await http.Request.ReadFromJsonAsync<ImportPathRequest>(PolicyJson.Options, http.RequestAborted); }
            catch (JsonException e) { return Problems.BadParameter("path", $"The body is not JSON of the form {{\"path\": \"…\"}}: {e.Message}"); }
            if (string.IsNullOrWhiteSpace(body?.Path)) return Problems.BadParameter("path", "Give the folder or file on the server to import.");
            if (!Directory.Exists(body.Path) && !File.Exists(body.Path))
                return Problems.BadParameter("path", $"'{SearchParameters.Shorten(body.Path)}' is neither a folder nor a file on the server.");
            report = importer.ImportPaths([body.Path], ct: http.RequestAborted);
        }
        else
        {
            return TypedResults.Problem(
                detail: "Send multipart/form-data with files, or application/json with {\"path\": …}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");
        }
        index.Commit();
        Log.Imported(log, report.Files.Count, report.Imported, report.Updated, report.Failed);
        return TypedResults.Json(report, PolicyJson.Options);
    }

    private static async Task<IResult> StartCrawl(HttpContext http, CrawlCoordinator crawler)
    {
        var request = new CrawlRequest();
        if (http.Request.HasJsonContentType() && http.Request.ContentLength is not 0)
        {
            try { request = await http.Request.ReadFromJsonAsync<CrawlRequest>(PolicyJson.Options, http.RequestAborted) ?? request; }
            catch (JsonException e) { return Problems.BadParameter("sites", $"The body is not a crawl request ({{\"sites\": [\"mee\"]}}): {e.Message}"); }
        }
        // Checked here too, so that the problem names the field (the coordinator's other refusals are about sites).
        CrawlOptions.RecheckPeriod(request.RecheckAfterDays, "recheckAfterDays", out var recheckError);
        if (recheckError is not null) return Problems.BadParameter("recheckAfterDays", recheckError + ".");
        if (crawler.Status.Running)
            return TypedResults.Problem(detail: $"A crawl is already running (started {crawler.Status.StartedAt:u}); see GET /api/crawl.",
                statusCode: StatusCodes.Status409Conflict, title: "Crawl running");
        if (!crawler.TryStart(request, out var reason))
            return crawler.Status.Running
                ? TypedResults.Problem(detail: reason, statusCode: StatusCodes.Status409Conflict, title: "Crawl running")
                : Problems.BadParameter("sites", reason ?? "The crawl request is not valid.");
        return TypedResults.Json(crawler.Status, PolicyJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Admin import of {Files} files: {Imported} new, {Updated} updated, {Failed} failed")]
        public static partial void Imported(ILogger logger, int files, int imported, int updated, int failed);
    }
}

/// <summary>POST /api/import with a JSON body: a folder or file on the server.</summary>
public sealed record ImportPathRequest(string? Path);
