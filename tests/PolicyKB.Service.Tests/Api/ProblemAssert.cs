using System.Net;
using System.Text.Json;

namespace PolicyKB.Service.Tests.Api;

/// <summary>Checks that an answer is an RFC 7807 problem (application/problem+json) with the expected status.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.AreEqual((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A 400 whose errors and detail both name the parameter.</summary>
    public static async Task NamesParameterAsync(HttpResponseMessage response, string parameter)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString()!);
    }
}
