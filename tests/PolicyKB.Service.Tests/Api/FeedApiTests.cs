using System.Net;
using System.Xml.Linq;
using PolicyKB.Service.Tests.Hosting;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class FeedApiTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static RunningService Service => SharedService.Instance;

    private static async Task<XDocument> FeedAsync(string queryString)
    {
        using var response = await Service.Client.GetAsync("/feeds/search.atom?" + queryString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        Assert.AreEqual("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(text);
    }

    [TestMethod]
    public async Task ASearchIsAnAtomFeedNewestFirstLinkingToDocumentPages()
    {
        var feed = await FeedAsync("q=" + Uri.EscapeDataString("碳"));

        var root = feed.Root!;
        Assert.AreEqual(Atom + "feed", root.Name);
        foreach (var required in new[] { "id", "title", "updated" })
            Assert.IsFalse(string.IsNullOrWhiteSpace(root.Element(Atom + required)?.Value), required);
        StringAssert.Contains(root.Element(Atom + "title")!.Value, "碳");
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.IsGreaterThan(1, entries.Count);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(updated.OrderByDescending(t => t).ToList(), updated, "entries newest first");
        Assert.AreEqual(updated[0], DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));
        foreach (var entry in entries)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            var page = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value;
            StringAssert.StartsWith(page, new Uri(Service.Address, "/?doc=").ToString());
            Assert.AreEqual(page, entry.Element(Atom + "id")!.Value);
        }
        var firstId = Uri.UnescapeDataString(entries[0].Element(Atom + "id")!.Value.Split("?doc=")[1]);
        using var document = await Service.GetJsonAsync("/api/documents/" + Uri.EscapeDataString(firstId));
        Assert.AreEqual(entries[0].Element(Atom + "title")!.Value, document.RootElement.GetProperty("document").GetProperty("title").GetString());
    }

    [TestMethod]
    public async Task TheFeedHoldsTheSearchesNewestHitsInOrder()
    {
        var search = await Service.SearchAsync("site=mee&sort=newest&size=50");
        var feed = await FeedAsync("site=mee&sort=relevance");

        var ids = feed.Root!.Elements(Atom + "entry").Select(e => Uri.UnescapeDataString(e.Element(Atom + "id")!.Value.Split("?doc=")[1])).ToList();
        CollectionAssert.AreEqual(search.Hits.Select(h => h.Id).ToList(), ids);
        Assert.IsGreaterThan(0, ids.Count);
    }

    [TestMethod]
    public async Task BadSearchParametersAreProblemsNamingThem()
    {
        using var response = await Service.Client.GetAsync("/feeds/search.atom?size=0");
        await ProblemAssert.NamesParameterAsync(response, "size");
    }
}
