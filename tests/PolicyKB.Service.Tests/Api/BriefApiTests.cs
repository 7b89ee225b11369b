using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class BriefApiTests
{
    private static RunningService Service => SharedService.Instance;

    private static async Task<string[]> TwoIdsAsync() =>
        (await Service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰") + "&size=2")).Hits.Select(h => h.Id).ToArray();

    [TestMethod]
    public async Task BriefPreviewHoldsTheTrayDocuments()
    {
        var ids = await TwoIdsAsync();

        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids, format = "json" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        var brief = JsonDocument.Parse(body).RootElement;
        var sections = brief.GetProperty("sections").EnumerateArray().ToList();
        if (brief.GetProperty("unclassified").ValueKind == JsonValueKind.Object) sections.Add(brief.GetProperty("unclassified"));
        CollectionAssert.AreEquivalent(ids, sections.SelectMany(ItemIds).ToList());
    }

    [TestMethod]
    public async Task BriefDownloadsAsAWordFile()
    {
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids = await TwoIdsAsync(), format = "docx" });

        response.EnsureSuccessStatusCode();
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        StringAssert.EndsWith(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), ".docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.AreEqual("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
    }

    [TestMethod]
    public async Task UnknownFormatIsAProblemNamingFormat()
    {
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids = await TwoIdsAsync(), format = "pdf" });
        await ProblemAssert.NamesParameterAsync(response, "format");
    }

    [TestMethod]
    public async Task BriefOfNothingIsAProblemNamingIds()
    {
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids = Array.Empty<string>() });
        await ProblemAssert.NamesParameterAsync(response, "ids");
    }

    [TestMethod]
    public async Task MalformedBodyIsABadRequestProblem()
    {
        using var response = await Service.Client.PostAsync("/api/briefs", new StringContent("{\"ids\": 5", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static IEnumerable<string?> ItemIds(JsonElement section) =>
        section.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Concat(section.GetProperty("sections").EnumerateArray().SelectMany(ItemIds));
}
