using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyKB.Corpus;
using PolicyKB.Model;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests.Crash;

/// <summary>
/// `policykb crawl` killed with SIGKILL in the middle of a crawl of a local NDRC mirror, then started again:
/// the second run finishes the crawl, fetches no page twice that the first had finished, and loses none.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class KilledCrawlTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task ACrawlKilledMidwayResumesWithoutFetchingFinishedPagesAgain()
    {
        var pages = new CorpusGenerator(11).Generate(400).Where(p => p.Site == Site.Ndrc).Take(24).ToList();
        Assert.HasCount(24, pages);
        var byPath = pages.ToDictionary(p => new Uri(p.Url).AbsolutePath, p => p.Html);
        var fetches = new ConcurrentDictionary<string, int>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var mirror = builder.Build();
        mirror.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            fetches.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (path == "/xxgk/zcfb/tz/" || path == "/xxgk/zcfb/tz/index.html")
            {
                await Html(context, ListPage(pages));
            }
            else if (byPath.TryGetValue(path, out var html))
            {
                await Task.Delay(40); // a detail page takes a moment, so the kill lands mid-crawl
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.Body.WriteAsync(html);
            }
            else if (path.StartsWith("/xxgk/zcfb/", StringComparison.Ordinal) && path.EndsWith('/'))
            {
                await Html(context, "<html><body><div class=\"list\"><ul class=\"u-list\"></ul></div></body></html>");
            }
            else context.Response.StatusCode = 404;
        });
        await mirror.StartAsync(TestContext.CancellationToken);
        var address = mirror.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        using var temp = new TempFolder("killed-crawl");
        string[] crawl = ["crawl", "--site", "ndrc", "--base-url", address, "--rate", "20", "--index", temp.Path];

        using (var first = Policykb.Start(crawl))
        {
            var imported = 0;
            for (var line = first.ReadLine(); line is not null && imported < 8; line = first.ReadLine())
                if (line.Contains(" new ", StringComparison.Ordinal)) imported++;
            first.Kill();
            Assert.AreEqual(8, imported, "the first crawl imported pages before it was killed: " + first.Errors);
        }
        var fetchedBeforeKill = byPath.Keys.Where(fetches.ContainsKey).ToHashSet();

        var second = Policykb.Run(TimeSpan.FromMinutes(2), crawl);
        Assert.AreEqual(0, second.ExitCode, string.Join('\n', second.Lines) + second.Errors);

        // At most the page in flight at the kill is fetched again; every finished page is fetched once.
        var twice = byPath.Keys.Where(p => fetches.GetValueOrDefault(p) > 1).ToList();
        Assert.IsLessThanOrEqualTo(1, twice.Count, "fetched twice: " + string.Join(", ", twice));
        Assert.IsTrue(twice.All(fetchedBeforeKill.Contains));
        foreach (var path in byPath.Keys) Assert.IsTrue(fetches.ContainsKey(path), $"{path} was never fetched");

        using var index = PolicyIndex.Open(temp.Path, TestData.IndexOptions);
        var stored = index.All().Select(d => d.Id).ToList();
        CollectionAssert.AllItemsAreUnique(stored);
        foreach (var p in pages) CollectionAssert.Contains(stored, DocumentId.FromUrl(p.Url), $"{p.Url} was lost");
    }

    private static string ListPage(IEnumerable<GeneratedPage> pages)
    {
        var sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>通知</title></head><body><div class=\"list\"><ul class=\"u-list\">");
        foreach (var p in pages)
        {
            var path = new Uri(p.Url).AbsolutePath;
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{path}\" title=\"{System.Net.WebUtility.HtmlEncode(p.Title)}\">{System.Net.WebUtility.HtmlEncode(p.Title)}</a><span>{p.PublishedDate:yyyy/MM/dd}</span></li>");
        }
        return sb.Append("</ul></div><script>createPageHTML(1, 0, \"index\", \"html\");</script></body></html>").ToString();
    }

    private static Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }
}
