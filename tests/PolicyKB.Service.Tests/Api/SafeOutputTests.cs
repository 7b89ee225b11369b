using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>
/// Whatever the index holds (a document stored before the parser cleaned titles, or written by another tool), the
/// service answers with no bidi or zero-width controls and no link that is not http(s).
/// </summary>
[TestClass]
public sealed class SafeOutputTests
{
    public const string Id = "hostile-fields";
    public const string CleanTitle = "关于印发《碳达峰行动方案》的通知fdp.exe";
    private static readonly string[] Controls = ["\u202E", "\u202D", "\u2066", "\u200F", "\u200B", "\uFEFF", "\u2060"];

    /// <summary>A document written straight into an index, fields as a hostile page could make them.</summary>
    public static PolicyDocument HostileDocument() => new()
    {
        Id = Id,
        Title = "关于印发《碳达峰行动方案》的通知\u202Efdp.exe",
        Issuers = ["国务\u200B院", "\u2066生态环境部\u2069"],
        DocumentType = "通知",
        PublishedDate = new DateOnly(2021, 10, 26),
        Site = Site.GovCn,
        Url = "javascript:alert(1)",
        Body = [BodyBlock.Paragraph("碳达峰\uFEFF行动方案的正文\u200F。")],
        Attachments =
        [
            new Attachment("附件\u202E1", "javascript:alert(2)", "pdf"),
            new Attachment("附件2", "data:text/html,<script>alert(3)</script>", "pdf"),
            new Attachment("附件3", "https://www.gov.cn/zhengce/a.pdf", "pdf"),
        ],
        RelatedLinks = [new RelatedLink("解读\u2060", " JAVASCRIPT:alert(4)")],
        Sources = [new DocumentSource("vbscript:msgbox(5)", Site.GovCn)],
    };

    /// <summary>A new index folder holding only <see cref="HostileDocument"/>.</summary>
    public static string IndexWithHostileDocument()
    {
        var folder = RunningService.NewTemporaryFolder();
        using var index = PolicyIndex.Open(folder, TestData.IndexOptions);
        index.Upsert(HostileDocument());
        index.Commit();
        return folder;
    }

    private static RunningService service = null!;
    private static string folder = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        folder = IndexWithHostileDocument();
        service = await RunningService.StartAsync(withSamples: false, indexDirectory: folder);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await service.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static void AssertSafe(string text, string what)
    {
        foreach (var c in Controls)
            Assert.DoesNotContain(c, text, $"{what} carries U+{(int)c[0]:X4}");
        foreach (var scheme in new[] { "javascript:", "data:", "vbscript:" })
            Assert.DoesNotContain(scheme, text.ToLowerInvariant(), $"{what} carries a {scheme} link");
    }

    /// <summary>Every string of a JSON answer, unescaped, one per line.</summary>
    private static string Strings(string json)
    {
        var sb = new StringBuilder();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: sb.AppendLine(e.GetString()); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { sb.AppendLine(p.Name); Walk(p.Value); } break;
            }
        }
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement);
        return sb.ToString();
    }

    private static async Task<string> GetAsync(string path)
    {
        using var response = await service.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return body;
    }

    [TestMethod]
    public async Task TheDocumentIsAnsweredWithoutControlsOrScriptLinks()
    {
        var strings = Strings(await GetAsync("/api/documents/" + Id));
        AssertSafe(strings, "the document");
        Assert.Contains(CleanTitle, strings);
        Assert.Contains("https://www.gov.cn/zhengce/a.pdf", strings, "a web link was dropped too");
        Assert.Contains("附件1", strings, "an attachment without a usable link lost its name");
    }

    [TestMethod]
    public async Task SearchHitsFacetsAndSuggestionsCarryNoControls()
    {
        AssertSafe(Strings(await GetAsync("/api/search?q=" + Uri.EscapeDataString("碳达峰"))), "the search answer");
        AssertSafe(Strings(await GetAsync("/api/facets")), "the facets");
        AssertSafe(Strings(await GetAsync("/api/suggest?prefix=" + Uri.EscapeDataString("关于"))), "the suggestions");
    }

    [TestMethod]
    public async Task ExportsCarryNoControlsOrScriptLinks()
    {
        var csv = await GetAsync("/api/export?q=" + Uri.EscapeDataString("碳达峰"));
        AssertSafe(csv, "the CSV export");
        Assert.Contains(CleanTitle, csv);
        AssertSafe(Strings(await GetAsync("/api/export?format=json&q=" + Uri.EscapeDataString("碳达峰"))), "the JSON export");
    }

    [TestMethod]
    public async Task BriefsCarryNoControlsOrScriptLinks()
    {
        foreach (var format in new[] { "json", "md", "html" })
        {
            using var response = await service.Client.PostAsJsonAsync("/api/briefs", new { ids = new[] { Id }, format });
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
            AssertSafe(format == "json" ? Strings(body) : body, "the " + format + " brief");
        }
    }
}
