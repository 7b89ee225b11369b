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

    /// <summary>The sample notices of 政策速递 (State Council and ministries), as the search lists them.</summary>
    private static async Task<string[]> PolicyIdsAsync() =>
        (await Service.SearchAsync("issuer=" + Uri.EscapeDataString("国务院") + "&size=20")).Hits.Select(h => h.Id).ToArray();

    private static async Task<JsonElement> PreviewAsync(object request)
    {
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement SectionOf(JsonElement brief, string key) =>
        brief.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("sections").EnumerateArray().Prepend(s))
            .Single(s => s.GetProperty("key").GetString() == key);

    [TestMethod]
    public async Task ThePreviewListsASectionsItemsInTheEditorsOrder()
    {
        var ids = await PolicyIdsAsync();
        Assert.IsGreaterThanOrEqualTo(3, ids.Length, "the samples hold at least three State Council documents");
        var byDate = (await PreviewAsync(new { ids })).GetProperty("sections")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();
        var editors = byDate.Reverse().ToArray();

        var brief = await PreviewAsync(new { ids = editors });

        CollectionAssert.AreEqual(editors, SectionOf(brief, "政策速递").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray());
    }

    [TestMethod]
    public async Task EveryFormatKeepsTheEditorsOrder()
    {
        var ids = await PolicyIdsAsync();
        var brief = await PreviewAsync(new { ids = ids.Reverse().ToArray() });
        var titles = SectionOf(brief, "政策速递").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids = ids.Reverse().ToArray(), format = "md" });
        var markdown = await response.Content.ReadAsStringAsync();

        var positions = titles.Select(t => markdown.IndexOf(t, StringComparison.Ordinal)).ToArray();
        Assert.IsTrue(positions.All(p => p >= 0), markdown);
        CollectionAssert.AreEqual(positions.Order().ToArray(), positions);
    }

    [TestMethod]
    [DataRow("md")]
    [DataRow("html")]
    [DataRow("docx")]
    public async Task TheIssueNumberAndDateFromThePageAreInEveryFormat(string format)
    {
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs",
            new { ids = await TwoIdsAsync(), format, issueOfYear = 7, number = 31, date = "2023-12-15" });
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = format == "docx" ? WordText(bytes) : System.Text.Encoding.UTF8.GetString(bytes);

        StringAssert.Contains(text, "2023 年第 7 期 (总 31 期)");
        StringAssert.Contains(text, "2023 年 12 月 15 日");
    }

    [TestMethod]
    public async Task TheEditorsSummaryReplacesTheExtractOfItsItem()
    {
        var ids = await TwoIdsAsync();

        var brief = await PreviewAsync(new { ids, edits = new Dictionary<string, string> { [ids[0]] = "编辑改写的第一段。\n编辑改写的第二段。" } });

        var item = AllItems(brief).Single(i => i.GetProperty("id").GetString() == ids[0]);
        Assert.IsTrue(item.GetProperty("edited").GetBoolean());
        CollectionAssert.AreEqual(new[] { "编辑改写的第一段。", "编辑改写的第二段。" },
            item.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()).ToArray());
    }

    [TestMethod]
    public async Task TheEditorMovesAnItemToAnotherSection()
    {
        var id = (await PolicyIdsAsync())[0];

        var brief = await PreviewAsync(new { ids = new[] { id }, sections = new Dictionary<string, string> { [id] = "绿色实践/绿色金融" } });

        Assert.AreEqual(id, SectionOf(brief, "绿色实践/绿色金融").GetProperty("items")[0].GetProperty("id").GetString());
        Assert.IsTrue(brief.GetProperty("sectionChoices").EnumerateArray().Any(c => c.GetProperty("key").GetString() == "绿色实践/碳市场"));
    }

    [TestMethod]
    public async Task AMoveToAnUnknownSectionIsAProblemNamingSections()
    {
        var id = (await PolicyIdsAsync())[0];
        using var response = await Service.Client.PostAsJsonAsync("/api/briefs", new { ids = new[] { id }, sections = new Dictionary<string, string> { [id] = "没有这个栏目" } });
        await ProblemAssert.NamesParameterAsync(response, "sections");
    }

    private static IEnumerable<JsonElement> AllItems(JsonElement brief)
    {
        var sections = brief.GetProperty("sections").EnumerateArray().ToList();
        if (brief.GetProperty("unclassified").ValueKind == JsonValueKind.Object) sections.Add(brief.GetProperty("unclassified"));
        IEnumerable<JsonElement> Of(JsonElement s) => s.GetProperty("items").EnumerateArray().Concat(s.GetProperty("sections").EnumerateArray().SelectMany(Of));
        return sections.SelectMany(Of);
    }

    private static string WordText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return string.Concat(System.Xml.Linq.XDocument.Parse(reader.ReadToEnd()).Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));
    }

    private static IEnumerable<string?> ItemIds(JsonElement section) =>
        section.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Concat(section.GetProperty("sections").EnumerateArray().SelectMany(ItemIds));
}
