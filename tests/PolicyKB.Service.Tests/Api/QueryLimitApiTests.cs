using System.Net;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>A query past the search core's limits is refused with a 400 in Chinese naming the limit, never searched.</summary>
[TestClass]
public sealed class QueryLimitApiTests
{
    [TestMethod]
    public async Task AWordWithFortyNegatedTermsIsRefusedNamingTheExclusionLimit()
    {
        var query = "生态 " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"-词{i}"));
        using var response = await SharedService.Instance.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("32", detail, "names the limit");
        Assert.IsTrue(detail.Any(c => c is >= '\u4E00' and <= '\u9FFF'), "in Chinese: " + detail);
    }
}
