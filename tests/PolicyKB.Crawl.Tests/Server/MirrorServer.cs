using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyKB.Crawl.Tests;

/// <summary>One request as the server saw it.</summary>
internal sealed record ServedRequest(string PathAndQuery, DateTimeOffset At, string? UserAgent, string? IfNoneMatch);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, free port) serving a site mirror: static pages with ETags and
/// 304s, and handlers for misbehaviour. Records every request, so tests measure what a crawler really did.
/// </summary>
internal sealed class MirrorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    public ConcurrentQueue<ServedRequest> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";
    /// <summary>Called after a request has been recorded (tests stop crawls from here).</summary>
    public Action<string>? OnRequest { get; set; }

    private readonly TimeProvider _clock;

    private MirrorServer(WebApplication app, TimeProvider clock) => (_app, _clock) = (app, clock);

    /// <param name="clock">Stamps each request (<see cref="ServedRequest.At"/>): give it the crawler's clock to measure its pacing exactly.</param>
    public static async Task<MirrorServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MirrorServer(app, clock ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        BaseUrlFrom(server, app);
        return server;
    }

    private static void BaseUrlFrom(MirrorServer server, WebApplication app) => server.BaseUrl = app.Urls.First().TrimEnd('/') + "/";

    public string Url(string path) => BaseUrl + path.TrimStart('/');

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        var hit = _hits.AddOrUpdate(key, 1, (_, n) => n + 1);
        Requests.Enqueue(new ServedRequest(key, _clock.GetUtcNow(), context.Request.Headers.UserAgent.ToString(), context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } e ? e : null));
        OnRequest?.Invoke(key);
        if (_routes.TryGetValue(key, out var handler)) await handler(context, hit);
        else context.Response.StatusCode = 404;
    }

    public int Hits(string pathAndQuery) => _hits.GetValueOrDefault("/" + pathAndQuery.TrimStart('/'));

    public IEnumerable<string> Paths => Requests.Select(r => r.PathAndQuery);

    public void Handle(string pathAndQuery, Func<HttpContext, int, Task> handler) => _routes["/" + pathAndQuery.TrimStart('/')] = handler;

    /// <summary>A static resource with an ETag (strong, from its bytes) answering If-None-Match with 304.</summary>
    public void Serve(string pathAndQuery, byte[] body, string contentType, bool withETag = true) =>
        Handle(pathAndQuery, async (context, _) =>
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
            if (withETag)
            {
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch.ToString() == etag) { context.Response.StatusCode = 304; return; }
            }
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });

    public void Serve(string pathAndQuery, string text, string contentType = "text/html; charset=utf-8", bool withETag = true) =>
        Serve(pathAndQuery, Encoding.UTF8.GetBytes(text), contentType, withETag);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
