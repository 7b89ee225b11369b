using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyKB.Service.Tests.Api;

namespace PolicyKB.Service.Tests.Hosting;

/// <summary>A real bug in an endpoint: the caller gets problem+json with the usual headers and a request id, the log the exception under that id.</summary>
[TestClass]
public sealed class LastResortTests
{
    [TestMethod]
    public async Task AnExceptionIsAProblemWithTheSecurityHeadersAndIsLoggedWithTheRequestId()
    {
        var log = new CapturingLoggerProvider();
        await using var service = await RunningService.StartAsync(withSamples: false, beforeStart: app =>
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
            app.MapGet("/test/bug", string () => throw new InvalidOperationException("secret internals"));
        });

        using var response = await service.Client.GetAsync("/test/bug");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"), "500 without CSP");
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("secret internals", problem.ToString(), "the exception's message reached the caller");
        var requestId = problem.GetProperty("requestId").GetString();
        Assert.IsFalse(string.IsNullOrEmpty(requestId));
        var entry = log.Entries.SingleOrDefault(e => e.Exception is InvalidOperationException { Message: "secret internals" });
        Assert.IsNotNull(entry, "the exception was not logged");
        Assert.AreEqual(LogLevel.Error, entry.Level);
        Assert.Contains(requestId!, entry.Message);
    }

    [TestMethod]
    public async Task AnUnknownRouteIsAProblemWithTheSecurityHeaders()
    {
        using var response = await SharedService.Instance.Client.GetAsync("/api/no-such-endpoint");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"));
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => owner.Entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}
