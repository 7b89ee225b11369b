using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using PolicyKB.Crawl;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>
/// Calls that change the knowledge base. They need the configured admin key in the X-Api-Key header
/// (401 without it) and are switched off (403) when no key is configured. The key is checked before anything of
/// the body is read, so these endpoints declare no accepted content types: routing would answer 415 first.
/// </summary>
internal static partial class AdminEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Request bodies are described to OpenAPI by operation transformers rather than Accepts(…): routing would
    /// answer a body of another type 415 before the key is checked.
    /// </summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("admin").AddEndpointFilter(RequireAdminKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        admin.MapPost("/import", Import)
            .WithSummary("Import uploaded files (multipart/form-data, field 'files') or a folder or file below PolicyKB:ImportRoots " +
                "(application/json {\"path\": …}); stops, keeping what it imported, when the client goes or the service stops.")
            .Produces<ImportReport>(contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(ImportPathRequest), null, ct) },
                    ["multipart/form-data"] = new() { Schema = UploadSchema },
                },
            });
        admin.MapPost("/crawl", StartCrawl)
            .WithSummary("Start a crawl in the background (application/json, optional: sites, maxListPages, recheckAfterDays, ratePerSecond, " +
                "and baseUrls where Crawl:AllowBaseUrlOverride allows them); 409 while one runs.")
            .Produces<CrawlStatus>(StatusCodes.Status202Accepted, "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(CrawlRequest), null, ct) },
                },
            });
        admin.MapGet("/crawl", (CrawlCoordinator crawler) => TypedResults.Json(crawler.Status, SafeOutput.Json))
            .WithSummary("What the crawler is doing and what its last crawl did.")
            .Produces<CrawlStatus>(contentType: "application/json");
        return admin;
    }

    /// <summary>An upload: the files in the multipart field 'files'.</summary>
    private static readonly OpenApiSchema UploadSchema = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "files" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["files"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        },
    };

    /// <summary>
    /// Checked before the request body is read, so that nobody without the key can make the server read an upload.
    /// A client address that has spent its budget of failures is refused (429) before its key is even compared.
    /// </summary>
    private static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<ServiceSettings>();
        if (!settings.AdminEnabled)
            return TypedResults.Problem(
                detail: "管理接口未启用：没有配置管理密钥。设置 PolicyKB:AdminApiKey（环境变量 PolicyKB__AdminApiKey）后即可使用。",
                statusCode: StatusCodes.Status403Forbidden, title: "管理接口未启用");
        var failures = http.RequestServices.GetRequiredService<FailedAuthentications>();
        var client = ClientLimits.AddressOf(http);
        if (failures.IsLockedOut(client, out var retryAfter)) return TooManyFailures(http, retryAfter);
        if (!KeysMatch(http.Request.Headers[ApiKeyHeader].ToString(), settings.AdminApiKey!))
        {
            if (failures.Spend(client, out retryAfter)) return TooManyFailures(http, retryAfter);
            Log.WrongKey(LoggerOf(http), client);
            http.Response.Headers.WWWAuthenticate = ApiKeyHeader;
            return TypedResults.Problem(
                detail: $"此操作需要在 {ApiKeyHeader} 请求头中提供管理密钥。",
                statusCode: StatusCodes.Status401Unauthorized, title: "管理密钥缺失或错误");
        }
        return await next(context);
    }

    private static IResult TooManyFailures(HttpContext http, TimeSpan retryAfter)
    {
        Log.LockedOut(LoggerOf(http), ClientLimits.AddressOf(http));
        http.Response.Headers.RetryAfter = ClientLimits.Seconds(retryAfter);
        return TypedResults.Problem(
            detail: $"来自此地址的管理请求多次使用了错误的密钥，请 {ClientLimits.Seconds(retryAfter)} 秒后再试。",
            statusCode: StatusCodes.Status429TooManyRequests, title: "密钥错误次数过多");
    }

    private static ILogger LoggerOf(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints));

    private static bool KeysMatch(string given, string expected)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static async Task<IResult> Import(HttpContext http, IPolicyIndex index, DocumentParser parser, ServiceSettings settings, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        var log = LoggerOf(http);
        // The import stops when its client goes or the service stops; what it imported so far is committed either way.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var importer = new DocumentImporter(index, parser, clock: clock);
        var results = new ResultList();
        IResult? problem;
        try
        {
            problem = await (IsMultipart(http.Request) ? ImportUploadsAsync(http, importer, results, stop.Token)
                : JsonBody.IsJson(http.Request, out _) ? ImportPathAsync(http, importer, settings, results, stop.Token)
                : Task.FromResult<IResult?>(Problems.UnsupportedMediaType(
                    "请以 multipart/form-data 上传文件（字段 'files'），或以 application/json 发送 {\"path\": …}。")));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            problem = null;
        }
        finally
        {
            index.Commit();
        }
        var report = new ImportReport(results.ToList());
        if (problem is not null) return problem;
        if (stop.IsCancellationRequested)
        {
            Log.ImportStopped(log, report.Files.Count, report.Imported, report.Updated, report.Failed);
            // A client that left reads nothing; one still there learns what was kept.
            return TypedResults.Problem(
                detail: $"服务正在停止：导入在处理 {report.Files.Count} 个文件后中止，已导入的 {report.Imported + report.Updated} 个文件均已保存。",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "导入已中止",
                extensions: new Dictionary<string, object?> { ["imported"] = report.Imported, ["updated"] = report.Updated, ["files"] = report.Files.Count });
        }
        Log.Imported(log, report.Files.Count, report.Imported, report.Updated, report.Failed);
        return TypedResults.Json(report, SafeOutput.Json);
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.HasFormContentType && request.ContentType!.TrimStart().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult?> ImportUploadsAsync(HttpContext http, DocumentImporter importer, ResultList results, CancellationToken ct)
    {
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException && !ct.IsCancellationRequested)
        {
            return Problems.BadParameter("files", $"上传内容不是格式正确的 multipart/form-data（{e.Message}）。");
        }
        if (form.Files.Count == 0) return Problems.BadParameter("files", "请在 multipart 字段 'files' 中至少上传一个文件。");
        foreach (var file in form.Files)
        {
            ct.ThrowIfCancellationRequested();
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var name = Path.GetFileName(file.FileName);
            results.Report(importer.ImportBytes(buffer.ToArray(), new PageSource(FilePath: name, ContentType: file.ContentType)));
        }
        return null;
    }

    private static async Task<IResult?> ImportPathAsync(HttpContext http, DocumentImporter importer, ServiceSettings settings, ResultList results, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ImportPathRequest>(http.Request, "path", "{\"path\": \"/folder/below/an/import/root\"}", null, ct);
        if (problem is not null) return problem;
        if (settings.ImportRoots.Count == 0)
            return TypedResults.Problem(
                detail: "未启用从服务器路径导入：没有配置导入根目录。请上传文件（multipart/form-data，字段 'files'），" +
                    "或将允许读取的文件夹设为 PolicyKB:ImportRoots。",
                statusCode: StatusCodes.Status403Forbidden, title: "未启用路径导入");
        if (string.IsNullOrWhiteSpace(body!.Path)) return Problems.BadParameter("path", "请给出服务器上要导入的文件夹或文件。");
        var confinement = new ImportRoots(settings.ImportRoots);
        var real = confinement.Resolve(body.Path, out var refusal);
        if (real is null) return Problems.BadParameter("path", refusal!);
        if (!Directory.Exists(real) && !File.Exists(real))
            return Problems.BadParameter("path", $"“{InvisibleText.Excerpt(body.Path)}”在服务器上既不是文件夹也不是文件。");
        // The importer's walk follows no link out of the folder it was given (it reports each one), so none leads out of a root.
        // ImportPaths runs on the thread pool's threads itself; this thread only waits for it.
        await Task.Run(() => importer.ImportPaths([real], results, ct), ct);
        return null;
    }

    /// <summary>The results as the importer reports them, so that a stopped import still says what it did.</summary>
    private sealed class ResultList : IProgress<ImportFileResult>
    {
        private readonly List<ImportFileResult> _results = [];
        private readonly Lock _lock = new();
        public void Report(ImportFileResult value) { lock (_lock) _results.Add(value); }
        public List<ImportFileResult> ToList() { lock (_lock) return [.. _results]; }
    }

    private static async Task<IResult> StartCrawl(HttpContext http, CrawlCoordinator crawler)
    {
        var (request, problem) = await JsonBody.ReadAsync(http.Request, "sites", "采集请求，如 {\"sites\": [\"mee\"], \"maxListPages\": 3}",
            new CrawlRequest(), http.RequestAborted);
        // No body and no Content-Type is the plain "crawl as configured".
        if (problem is not null && !(string.IsNullOrEmpty(http.Request.ContentType) && http.Request.ContentLength is null or 0)) return problem;
        request ??= new CrawlRequest();
        var errors = crawler.Check(request);
        if (errors.Count > 0) return Problems.BadParameters(errors.ToDictionary(e => e.Key, e => new[] { e.Value + "。" }));
        if (crawler.Status.Running)
            return TypedResults.Problem(detail: $"已有采集正在运行（开始于 {crawler.Status.StartedAt:u}），进度见 GET /api/crawl。",
                statusCode: StatusCodes.Status409Conflict, title: "采集正在运行");
        var started = crawler.Start(request);
        if (!started.TryGetValue(out var status))
            return crawler.Status.Running
                ? TypedResults.Problem(detail: started.Error, statusCode: StatusCodes.Status409Conflict, title: "采集正在运行")
                : Problems.BadParameter("sites", started.Error!);
        return TypedResults.Json(status, SafeOutput.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Admin import of {Files} files: {Imported} new, {Updated} updated, {Failed} failed")]
        public static partial void Imported(ILogger logger, int files, int imported, int updated, int failed);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Admin import stopped after {Files} files: {Imported} new, {Updated} updated, {Failed} failed, all committed")]
        public static partial void ImportStopped(ILogger logger, int files, int imported, int updated, int failed);

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Admin call from {Client} with a missing or wrong key")]
        public static partial void WrongKey(ILogger logger, string client);

        [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Admin call from {Client} refused: too many failed authentications")]
        public static partial void LockedOut(ILogger logger, string client);
    }
}

/// <summary>POST /api/import with a JSON body: a folder or file on the server.</summary>
internal sealed record ImportPathRequest(string? Path);
