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
public sealed partial class LastResortHandler(IProblemDetailsService problems, ILogger<LastResortHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // Nobody is listening for an answer to a request its client gave up (a cut-off body fails as whatever read it).
        if (http.RequestAborted.IsCancellationRequested) return true;
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            // The request's work was cancelled under it: the service is stopping (its connections are being closed).
            OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "Service stopping", "The service is stopping; try again when it is back."),
            PolicyIndexException => (StatusCodes.Status503ServiceUnavailable, "Index unavailable", "The index cannot be used right now; try again later."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error",
                $"The service failed on this request; quote request id {http.TraceIdentifier} when reporting it."),
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
