using System.Net;
using System.Text.Json;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

/// <summary>GET /api/documents/{id}/versions, …/versions/{n}/diff and …/compare over a knowledge base written before the service starts.</summary>
[TestClass]
public sealed class VersionApiTests
{
    private static RunningService _service = null!;
    private static string _folder = "";

    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    internal static PolicyDocument Page(int n, string body)
    {
        var d = new PolicyDocument
        {
            Id = "page", Title = "关于开展碳排放核查试点工作的通知", Url = "https://www.mee.gov.cn/a/t1.html", PublishedDate = new DateOnly(2024, 3, 1),
            Body = body.Split('\n').Select(BodyBlock.Paragraph).ToList(),
        };
        d = d with { ContentHash = PolicyDocument.HashOf(d) };
        return d with { Versions = [new DocumentVersion(Fetched.AddDays(n), d.ContentHash)] };
    }

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _folder = RunningService.NewTemporaryFolder();
        using (var index = PolicyIndex.Open(_folder, TestData.IndexOptions))
        {
            index.Upsert(Page(0, "一、试点范围为北京、上海。\n二、请于2024年6月30日前报送。"));
            index.Upsert(Page(1, "一、试点范围为北京、上海、广东。\n二、请于2024年6月30日前报送。"));
            index.Upsert(Page(2, "一、试点范围为北京、上海、广东。\n二、请于2024年9月30日前报送。\n三、各地要加强组织保障。"));
            index.Commit();
        }
        _service = await RunningService.StartAsync(withSamples: false, indexDirectory: _folder);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await _service.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Inserted(JsonElement diff) => string.Concat(diff.GetProperty("rows").EnumerateArray()
        .SelectMany(r => r.GetProperty("new").EnumerateArray()).SelectMany(p => p.EnumerateArray())
        .Where(r => r.GetProperty("kind").GetString() == "inserted").Select(r => r.GetProperty("text").GetString()));

    [TestMethod]
    public async Task VersionsAreListedOldestFirstWithTimeHashAndLength()
    {
        using var json = await _service.GetJsonAsync("/api/documents/page/versions");

        var versions = json.RootElement.GetProperty("versions").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, versions.Select(v => v.GetProperty("n").GetInt32()).ToList());
        Assert.AreEqual(Fetched.AddDays(2), versions[2].GetProperty("fetchedAt").GetDateTimeOffset());
        Assert.IsTrue(versions[2].GetProperty("current").GetBoolean());
        Assert.AreEqual("一、试点范围为北京、上海。\n二、请于2024年6月30日前报送。".Length, versions[0].GetProperty("length").GetInt32());
        Assert.AreEqual(3, versions.Select(v => v.GetProperty("contentHash").GetString()).Distinct().Count());
    }

    [TestMethod]
    public async Task AVersionIsComparedWithThePreviousOneOrWithTheCurrentText()
    {
        using var previous = await _service.GetJsonAsync("/api/documents/page/versions/2/diff");
        Assert.AreEqual("、广东", Inserted(previous.RootElement.GetProperty("diff")));
        Assert.AreEqual(1, previous.RootElement.GetProperty("old").GetProperty("version").GetInt32());

        using var current = await _service.GetJsonAsync("/api/documents/page/versions/1/diff?against=current");
        Assert.AreEqual("、广东9三、各地要加强组织保障。", Inserted(current.RootElement.GetProperty("diff")));
        Assert.AreEqual(3, current.RootElement.GetProperty("new").GetProperty("version").GetInt32());
    }

    [TestMethod]
    [DataRow("/api/documents/page/versions/4/diff", "n")]
    [DataRow("/api/documents/page/versions/x/diff", "n")]
    [DataRow("/api/documents/page/versions/1/diff", "n")]
    [DataRow("/api/documents/page/versions/2/diff?against=first", "against")]
    [DataRow("/api/documents/page/compare", "with")]
    public async Task ABadVersionOrComparisonIsAProblemNamingTheParameter(string path, string parameter)
    {
        using var response = await _service.Client.GetAsync(path);
        await ProblemAssert.NamesParameterAsync(response, parameter);
    }

    [TestMethod]
    public async Task AnUnknownDocumentIsNotFound()
    {
        using var response = await _service.Client.GetAsync("/api/documents/nosuch/versions");
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }
}
