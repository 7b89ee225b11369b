using System.Net;
using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>What a Chinese-speaking user reads from the API: problems in Chinese, JSON with Chinese characters as they are.</summary>
[TestClass]
public sealed class ChineseAnswerTests
{
    private static RunningService Service => SharedService.Instance;

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    private static void IsInChinese(JsonElement problem)
    {
        Assert.IsTrue(HasChinese(problem.GetProperty("title").GetString()), problem.ToString());
        Assert.IsTrue(HasChinese(problem.GetProperty("detail").GetString()), problem.ToString());
    }

    [TestMethod]
    public async Task ADateRangeBackwardsIsExplainedInChinese()
    {
        using var response = await Service.Client.GetAsync("/api/search?from=2022-01-01&to=2021-01-01");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        IsInChinese(problem);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "起始日期 2022-01-01 晚于截止日期 2021-01-01");
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("from", out _));
    }

    [TestMethod]
    [DataRow("/api/search?size=abc")]
    [DataRow("/api/search?sort=best")]
    [DataRow("/api/search?site=xyz")]
    [DataRow("/api/search?from=yesterday")]
    [DataRow("/api/export?format=xlsx")]
    [DataRow("/api/suggest?prefix=%E7%A2%B3&max=99")]
    [DataRow("/api/search?facets=nope")]
    [DataRow("/api/search?status=bogus")]
    public async Task EveryBadParameterIsExplainedInChinese(string path)
    {
        using var response = await Service.Client.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        IsInChinese(problem);
        foreach (var messages in problem.GetProperty("errors").EnumerateObject())
            Assert.IsTrue(messages.Value.EnumerateArray().All(m => HasChinese(m.GetString())), problem.ToString());
    }

    [TestMethod]
    [DataRow("/api/documents/no-such-document")]
    [DataRow("/api/documents/no-such-document/versions")]
    [DataRow("/api/documents/no-such-document/versions/1/diff")]
    [DataRow("/api/documents/no-such-document/compare?with=other")]
    public async Task AnUnknownDocumentIsNotFoundInChinese(string path)
    {
        using var response = await Service.Client.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        IsInChinese(problem);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "no-such-document");
    }

    [TestMethod]
    public async Task AnUnknownAddressIsNotFoundInChinese()
    {
        using var response = await Service.Client.GetAsync("/api/no-such-endpoint");

        IsInChinese(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound));
    }

    [TestMethod]
    public async Task AMethodNotAllowedIsExplainedInChinese()
    {
        using var response = await Service.Client.DeleteAsync("/api/search");

        IsInChinese(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed));
    }

    [TestMethod]
    public async Task ABriefBodyThatIsNotJsonIsExplainedInChinese()
    {
        using var response = await Service.Client.PostAsync("/api/briefs", new StringContent("{ids:", System.Text.Encoding.UTF8, "application/json"));

        IsInChinese(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest));
    }

    [TestMethod]
    public async Task AnAdminCallWithoutTheKeyIsRefusedInChinese()
    {
        using var response = await Service.Client.PostAsync("/api/import", new StringContent("{\"path\": \"/tmp\"}", System.Text.Encoding.UTF8, "application/json"));

        IsInChinese(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized));
    }

    [TestMethod]
    public async Task JsonCarriesChineseAsItIsAndStillEscapesHtml()
    {
        using var response = await Service.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("碳"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();

        StringAssert.Contains(body, "碳");
        Assert.IsFalse(body.Contains("\\u78B3", StringComparison.OrdinalIgnoreCase), "碳 was escaped");
        // Snippets carry <mark>: the JSON writes < as \u003C, so the answer pasted into HTML cannot open a tag.
        StringAssert.Contains(body, "\\u003Cmark\\u003E");
        Assert.IsFalse(body.Contains('<'), "a raw < in the JSON");
    }

    [TestMethod]
    public async Task ProblemsCarryChineseAsItIs()
    {
        using var response = await Service.Client.GetAsync("/api/search?from=2022-01-01&to=2021-01-01");
        var body = await response.Content.ReadAsStringAsync();

        StringAssert.Contains(body, "起始日期");
    }
}
