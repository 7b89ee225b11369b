using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PolicyKB.Search;

namespace PolicyKB.Service.Hosting;

/// <summary>
/// What an exception no endpoint handled becomes: a problem+json answer (the security headers are added as it
/// starts) carrying the request id, and one log entry with the exception under the same id. Faults of the caller
/// stay 4xx, an index that cannot be used is 503; only real bugs are 500, and their message stays in the log.
/// </summary>
internal sealed partial class LastResortHandler(IProblemDetailsService problems, ILogger<LastResortHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // Nobody is listening for an answer to a request its client gave up (a cut-off body fails as whatever read it).
        if (http.RequestAborted.IsCancellationRequested) return true;
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "请求有误", BadRequestDetail(bad.StatusCode)),
            // The request's work was cancelled under it: the service is stopping (its connections are being closed).
            OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "服务正在停止", "服务正在停止，请在恢复后再试。"),
            PolicyIndexException => (StatusCodes.Status503ServiceUnavailable, "索引暂不可用", "索引暂时无法使用，请稍后再试。"),
            _ => (StatusCodes.Status500InternalServerError, "服务内部错误",
                $"服务处理此请求时出错；报告问题时请注明请求编号 {http.TraceIdentifier}。"),
        };
        if (status == StatusCodes.Status500InternalServerError) Log.Failed(log, exception, http.Request.Method, http.Request.Path.ToString(), http.TraceIdentifier);
        else if (status >= 500) Log.Unavailable(log, http.Request.Method, http.Request.Path.ToString(), http.TraceIdentifier, exception.Message);
        else Log.Refused(log, http.Request.Method, http.Request.Path.ToString(), http.TraceIdentifier, exception.Message);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status, Title = title, Detail = detail,
                Extensions = { ["requestId"] = http.TraceIdentifier },
            },
        });
    }

    /// <summary>Kestrel's own messages are English and name its internals; the caller learns what to change.</summary>
    private static string BadRequestDetail(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "请求体超过了服务允许的大小，请分批上传。",
        StatusCodes.Status408RequestTimeout => "请求体未能及时送达，请重试。",
        _ => "请求的格式不正确，请检查后再试。",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "{Method} {Path} failed (request id {RequestId})")]
        public static partial void Failed(ILogger logger, Exception exception, string method, string path, string requestId);

        [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503 (request id {RequestId}): {Reason}")]
        public static partial void Unavailable(ILogger logger, string method, string path, string requestId, string reason);

        [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "{Method} {Path} refused (request id {RequestId}): {Reason}")]
        public static partial void Refused(ILogger logger, string method, string path, string requestId, string reason);
    }
}
