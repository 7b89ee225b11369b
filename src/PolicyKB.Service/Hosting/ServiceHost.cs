using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyKB.Briefs;
using PolicyKB.Crawl;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Api;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service;

/// <summary>Builds the one process that serves the page and the API over one index.</summary>
public static class ServiceHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The configured application: configuration from appsettings.json, environment variables and
    /// <paramref name="args"/> (<c>--urls</c>, <c>--PolicyKB:AdminApiKey</c> …), listening on loopback port 5080 unless told otherwise.
    /// The index opens when the application starts; call <c>RunAsync()</c>.
    /// </summary>
    public static WebApplication Build(string[] args, ServiceOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Long URL-encoded Chinese queries must reach the API so that it can answer a problem naming `q`.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });

        var services = builder.Services;
        ServiceConfiguration.Add(services, options, builder.Configuration);
        services.AddPolicyKbData();
        // The server is the folder's one writer for its whole life; a CLI import meanwhile hands its files to POST /api/import.
        services.AddSingleton<IPolicyIndex>(sp => PolicyIndex.Open(sp.GetRequiredService<ServiceSettings>().IndexDirectory,
            new PolicyIndexOptions { Data = sp.GetRequiredService<SearchData>(), WriterCommand = "policykb serve" }));
        services.AddSingleton<IDocumentSink>(sp => sp.GetRequiredService<IPolicyIndex>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BriefBuilder(sp.GetRequiredService<IPolicyIndex>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<BriefData>()));
        // Registered before the crawler: hosted services stop in reverse order, so a running crawl ends before the index commits.
        services.AddHostedService<IndexLifecycle>();
        services.AddPolicyKbCrawler(builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.InChinese(c.ProblemDetails));
        services.AddExceptionHandler<LastResortHandler>();
        services.AddClientLimits();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = PolicyJson.Options.Encoder;
            o.SerializerOptions.DefaultIgnoreCondition = PolicyJson.Options.DefaultIgnoreCondition;
        });
        services.AddOpenApi();

        var app = builder.Build();
        // Which middleware runs depends on the settings, so they are read (and checked) here, before the host starts.
        var settings = app.Services.GetRequiredService<ServiceSettings>();
        if (settings.TrustedProxies.Count > 0) app.UseForwardedHeaders(ForwardedHeadersFrom(settings.TrustedProxies));
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapOpenApi();
        SearchEndpoints.Map(app);
        BriefEndpoints.Map(app);
        FieldHealthEndpoints.Map(app);
        app.MapFeeds();
        app.MapStatus();
        app.MapVersions();
        app.MapAdmin();
        return app;
    }

    /// <summary>
    /// The client address (which the limits count by) and scheme as the proxy in front saw them. Only the listed
    /// proxies are believed, and only their last hop: anybody else's X-Forwarded-For is ignored.
    /// </summary>
    private static ForwardedHeadersOptions ForwardedHeadersFrom(IReadOnlyList<System.Net.IPAddress> proxies)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        // The defaults trust loopback; here only what the configuration names.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        return options;
    }
}
