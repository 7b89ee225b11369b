using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyKB.Service.Hosting;

/// <summary>
/// Limits per client address (after a trusted proxy's X-Forwarded-For, see <see cref="ServiceSettings.TrustedProxies"/>):
/// a budget of failed admin authentications, and a concurrency limit on the expensive read endpoints.
/// </summary>
internal static class ClientLimits
{
    /// <summary>The rate-limiter policy of search, export, suggest, facets, documents and briefs.</summary>
    public const string SearchPolicy = "per-client-search";

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The limits of <see cref="ServiceSettings.RateLimits"/> (registered by <see cref="ServiceConfiguration.Add"/>).</summary>
    public static IServiceCollection AddClientLimits(this IServiceCollection services)
    {
        services.AddSingleton(sp => new FailedAuthentications(sp.GetRequiredService<ServiceSettings>().RateLimits));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ServiceSettings>((o, settings) =>
        {
            var limits = settings.RateLimits;
            o.AddPolicy(SearchPolicy, http => RateLimitPartition.GetConcurrencyLimiter(AddressOf(http), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.SearchConcurrencyPerClient,
                QueueLimit = limits.SearchQueuePerClient,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            o.OnRejected = (context, _) => WriteTooManyAsync(context.HttpContext, TimeSpan.FromSeconds(1),
                $"此客户端已有 {limits.SearchConcurrencyPerClient} 个检索在运行、{limits.SearchQueuePerClient} 个在等待，请等它们完成后再试。");
        });
        return services;
    }

    /// <summary>429 with Retry-After in whole seconds (at least one), as problem+json.</summary>
    public static ValueTask WriteTooManyAsync(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Seconds(retryAfter);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "请求过于频繁", Detail = detail },
        });
    }

    public static string Seconds(TimeSpan t) => Math.Max(1, (int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Failed admin authentications per client address in a fixed window. Once an address has spent its budget, every
/// admin call from it is refused until the window ends, with the right key too: otherwise a guess that stopped
/// being refused would tell its sender it was right.
/// </summary>
internal sealed class FailedAuthentications(RateLimitSettings limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.FailedAdminAuthLimit,
            Window = limits.FailedAdminAuthWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True (and how long to wait) when the address has no failures left.</summary>
    public bool IsLockedOut(string address, out TimeSpan retryAfter)
    {
        // Zero permits asks whether any are left without taking one.
        using var lease = _limiter.AttemptAcquire(address, 0);
        return Refused(lease, out retryAfter);
    }

    /// <summary>Spends one failure; true (and how long to wait) when there was none left to spend.</summary>
    public bool Spend(string address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return Refused(lease, out retryAfter);
    }

    private TimeSpan Window => limits.FailedAdminAuthWindow;

    private bool Refused(RateLimitLease lease, out TimeSpan retryAfter)
    {
        retryAfter = lease.IsAcquired ? TimeSpan.Zero : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        return !lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
