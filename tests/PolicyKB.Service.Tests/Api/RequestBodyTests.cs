using System.Net;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Bodies the service cannot read are the caller's fault: 415 or 400 as problem+json, never a 500.</summary>
[TestClass]
public sealed class RequestBodyTests
{
    public static IEnumerable<object[]> Charsets =>
    [
        ["/api/briefs", "{\"ids\": [\"x\"]}", "application/json; charset=utf-7"],
        ["/api/briefs", "{\"ids\": [\"x\"]}", "application/json; charset=bogus"],
        ["/api/briefs", "{\"ids\": [\"x\"]}", "application/json; charset=\"\""],
        ["/api/briefs", "{\"ids\": [\"x\"]}", "application/json; charset=utf-16"],
        ["/api/import", "{\"path\": \"/tmp\"}", "application/json; charset=utf-7"],
        ["/api/import", "{\"path\": \"/tmp\"}", "application/json; charset=bogus"],
        ["/api/crawl", "{}", "application/json; charset=utf-7"],
        ["/api/crawl", "{}", "application/json; charset=bogus"],
    ];

    [TestMethod]
    [DynamicData(nameof(Charsets))]
    public async Task AJsonBodyInAnotherCharsetIsUnsupported(string path, string body, string contentType)
    {
        using var response = await SharedService.Instance.Client.SendAsync(AdminRequests.Post(path, body, contentType, RunningService.AdminKey));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    public static IEnumerable<object?[]> MediaTypes =>
    [
        ["/api/briefs", "text/plain"],
        ["/api/briefs", "application/x-www-form-urlencoded"],
        ["/api/briefs", "application/json;;;"],
        ["/api/briefs", null],
        ["/api/import", "text/plain"],
        ["/api/import", "application/x-www-form-urlencoded"],
        ["/api/crawl", "application/xml"],
    ];

    [TestMethod]
    [DynamicData(nameof(MediaTypes))]
    public async Task ABodyOfAnotherMediaTypeIsUnsupported(string path, string? contentType)
    {
        using var response = await SharedService.Instance.Client.SendAsync(AdminRequests.Post(path, "ids=x", contentType, RunningService.AdminKey));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestMethod]
    public async Task UnsupportedMediaTypeAnswersCarryTheSecurityHeaders()
    {
        using var response = await SharedService.Instance.Client.SendAsync(AdminRequests.Post("/api/briefs", "{}", "application/json; charset=utf-7", key: null));
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"));
    }

    [TestMethod]
    public async Task AFieldOfTheWrongTypeIsAProblemNamingIt()
    {
        using var response = await SharedService.Instance.Client.SendAsync(
            AdminRequests.Post("/api/crawl", "{\"maxListPages\": \"many\"}", "application/json", RunningService.AdminKey));
        await ProblemAssert.NamesParameterAsync(response, "maxListPages");
    }
}
