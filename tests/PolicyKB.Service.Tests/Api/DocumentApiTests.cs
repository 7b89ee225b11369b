using System.Net;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class DocumentApiTests
{
    private static RunningService Service => SharedService.Instance;

    [TestMethod]
    public async Task DocumentCarriesBodySourcesAndRelatedDocuments()
    {
        var hit = (await Service.SearchAsync("q=" + Uri.EscapeDataString("碳达峰"))).Hits[0];

        using var json = await Service.GetJsonAsync("/api/documents/" + hit.Id);

        var document = json.RootElement.GetProperty("document");
        Assert.AreEqual(hit.Id, document.GetProperty("id").GetString());
        Assert.AreEqual(hit.Title, document.GetProperty("title").GetString());
        Assert.IsGreaterThan(0, document.GetProperty("body").GetArrayLength());
        Assert.IsTrue(document.TryGetProperty("sources", out _));
        Assert.IsTrue(document.TryGetProperty("attachments", out _));
        var related = json.RootElement.GetProperty("related");
        foreach (var name in new[] { "cites", "citedBy", "similar" })
            Assert.IsTrue(related.TryGetProperty(name, out _), name);
    }

    [TestMethod]
    public async Task UnknownDocumentIsANotFoundProblem()
    {
        using var response = await Service.Client.GetAsync("/api/documents/0000000000000000dead");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task OverlongIdIsAProblemNamingId()
    {
        using var response = await Service.Client.GetAsync("/api/documents/" + new string('a', 201));
        await ProblemAssert.NamesParameterAsync(response, "id");
    }
}
