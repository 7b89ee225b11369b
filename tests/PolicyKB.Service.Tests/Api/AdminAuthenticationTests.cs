using System.Net;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Who may call the admin endpoints is settled before anything of the request body is looked at.</summary>
[TestClass]
public sealed class AdminAuthenticationTests
{
    public static IEnumerable<object?[]> UnreadableBodies =>
    [
        ["/api/import", null, null],
        ["/api/import", "{\"path\": \"/etc\"}", "text/plain"],
        ["/api/import", "{\"path\": \"/etc\"}", "application/json; charset=utf-7"],
        ["/api/import", "--x\r\ngarbage", "multipart/form-data; boundary=x"],
        ["/api/crawl", "{\"maxListPages\": -1}", "application/json; charset=bogus"],
        ["/api/crawl", "not json", "application/xml"],
    ];

    [TestMethod]
    [DynamicData(nameof(UnreadableBodies))]
    public async Task WithoutTheKeyAnyBodyIsUnauthorized(string path, string? body, string? contentType)
    {
        using var response = await SharedService.Instance.Client.SendAsync(AdminRequests.Post(path, body, contentType, key: null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    [DynamicData(nameof(UnreadableBodies))]
    public async Task WithAWrongKeyAnyBodyIsUnauthorized(string path, string? body, string? contentType)
    {
        using var response = await SharedService.Instance.Client.SendAsync(AdminRequests.Post(path, body, contentType, key: "guess"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task WithoutAConfiguredKeyAnyBodyIsForbidden()
    {
        await using var service = await RunningService.StartAsync(adminKey: null, withSamples: false);
        using var response = await service.Client.SendAsync(AdminRequests.Post("/api/import", null, null, key: "anything"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private static readonly string[] SmallBudget = ["--PolicyKB:RateLimits:FailedAdminAuthLimit=3", "--PolicyKB:RateLimits:FailedAdminAuthWindowSeconds=600"];

    [TestMethod]
    public async Task AfterTheFailureBudgetAnAddressIsRefusedWithRetryAfterEvenWithTheRightKey()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: SmallBudget);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess-" + i));
            await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        }

        using var fourth = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess-4"));
        using var right = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: RunningService.AdminKey));

        await ProblemAssert.IsProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        await ProblemAssert.IsProblemAsync(right, HttpStatusCode.TooManyRequests);
        var retryAfter = right.Headers.RetryAfter?.Delta;
        Assert.IsNotNull(retryAfter, "429 without Retry-After");
        Assert.IsGreaterThan(TimeSpan.Zero, retryAfter.Value);
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(600), retryAfter.Value);
    }

    [TestMethod]
    public async Task TheRightKeyDoesNotSpendTheBudget()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: SmallBudget);
        for (var i = 0; i < 5; i++)
        {
            using var right = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: RunningService.AdminKey));
            Assert.AreEqual(HttpStatusCode.OK, right.StatusCode);
        }
        using var wrong = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess"));
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task BehindATrustedProxyEachForwardedClientHasItsOwnBudget()
    {
        await using var service = await RunningService.StartAsync(withSamples: false,
            settings: [.. SmallBudget, "--PolicyKB:TrustedProxies:0=127.0.0.1"]);
        for (var i = 0; i < 3; i++)
            (await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess", forwardedFor: "203.0.113.7"))).Dispose();

        using var sameClient = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: RunningService.AdminKey, forwardedFor: "203.0.113.7"));
        using var otherClient = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: RunningService.AdminKey, forwardedFor: "198.51.100.2"));

        await ProblemAssert.IsProblemAsync(sameClient, HttpStatusCode.TooManyRequests);
        Assert.AreEqual(HttpStatusCode.OK, otherClient.StatusCode, await otherClient.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task WithoutATrustedProxyAForwardedAddressIsIgnored()
    {
        await using var service = await RunningService.StartAsync(withSamples: false, settings: SmallBudget);
        for (var i = 0; i < 3; i++)
            (await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess", forwardedFor: "203.0.113." + i))).Dispose();

        using var spoofed = await service.Client.SendAsync(AdminRequests.Get("/api/crawl", key: "guess", forwardedFor: "198.51.100.2"));

        await ProblemAssert.IsProblemAsync(spoofed, HttpStatusCode.TooManyRequests);
    }
}
