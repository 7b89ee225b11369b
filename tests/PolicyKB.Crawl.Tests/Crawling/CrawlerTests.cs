using PolicyKB.Model;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlerTests
{
    [TestMethod]
    public async Task FindsEveryNdrcNoticeThroughThePagedListsAndReadsItsAttachments()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 3, perPage: 4);

        var summary = await bench.CrawlAsync(bench.Options("ndrc"));

        var site = summary.Sites.Single();
        Assert.AreEqual(12, site.New, string.Join("\n", site.Failures));
        Assert.AreEqual(0, site.Failed, string.Join("\n", site.Failures));
        Assert.AreEqual(3 + 4, site.ListPages, "three pages of 通知 and the four other sections");
        Assert.AreEqual(6, site.Attachments);
        foreach (var n in notices)
        {
            var doc = bench.Sink.Get(DocumentId.FromUrl("https://www.ndrc.gov.cn/" + n.Path));
            Assert.IsNotNull(doc, n.Path);
            Assert.AreEqual(Site.Ndrc, doc.Site);
            Assert.AreEqual(n.Attachments.Count, doc.Attachments.Count);
            foreach (var a in doc.Attachments) StringAssert.Contains(a.Text, "附件内容");
            Assert.AreEqual(1, doc.Versions.Count);
        }
        Assert.IsFalse(bench.Server.Paths.Any(p => p.Contains("/jd/")), "interpretation links are not notices");
        Assert.AreEqual(0, bench.FetchedTwice(p => p != "/robots.txt").Count);
    }

    [TestMethod]
    public async Task ObeysRobotsTxtAndTheRatePerHostWhileCrawling()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 4);
        bench.Server.Serve("robots.txt", $"User-agent: *\nDisallow: /{notices[2].Path}\n", "text/plain");

        var site = (await bench.CrawlAsync(bench.Options("ndrc", fetch: CrawlBench.FastFetch with { RatePerSecond = 25 }))).Sites.Single();

        Assert.AreEqual(3, site.New, string.Join("\n", site.Failures));
        Assert.AreEqual("disallowed by robots.txt", site.Failures.Single().Reason);
        Assert.AreEqual(0, bench.Server.Hits(notices[2].Path));
        var times = bench.Server.Requests.Select(r => r.At).Order().ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        // Stamped on the crawler's clock, so the pause before every request is exact.
        Assert.IsTrue(gaps.All(g => g >= TimeSpan.FromMilliseconds(40)), "at most 25 requests per second: " + string.Join(", ", gaps.Select(g => g.TotalMilliseconds)));
    }

    [TestMethod]
    public async Task StopsPagingAtTheMaximumNumberOfListPages()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 3, perPage: 4);

        var summary = await bench.CrawlAsync(bench.Options("ndrc", maxListPages: 2));

        Assert.AreEqual(8, summary.New);
        Assert.AreEqual(0, bench.Server.Hits("xxgk/zcfb/tz/index_2.html"));
    }

    [TestMethod]
    public async Task FindsEveryMeeLetterThroughCountPagePaging()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Mee(bench.Server, pages: 3, perPage: 3);

        var summary = await bench.CrawlAsync(bench.Options("mee"));

        Assert.AreEqual(9, summary.New, string.Join("\n", summary.Sites.SelectMany(s => s.Failures)));
        Assert.AreEqual(1, bench.Server.Hits("xxgk2018/xxgk/xxgk06/index_2.shtml"));
        Assert.IsTrue(notices.All(n => bench.Sink.Get(DocumentId.FromUrl("https://www.mee.gov.cn/" + n.Path)) is { Site: Site.Mee }));
    }

    [TestMethod]
    public async Task FindsGovCnPolicyLibraryPagesThroughTheJsonSearchEndpoint()
    {
        await using var bench = await CrawlBench.StartAsync();
        var profile = TestData.Sites.Profiles["govcn"];
        var start = new Uri(profile.StartUrls[0]).PathAndQuery;
        var notices = SiteMirrors.GovCn(bench.Server, start, pages: 2, perPage: 3);
        bench.Profiles = new Dictionary<string, SiteProfile> { ["govcn"] = profile with { StartUrls = [profile.StartUrls[0]] } };

        var summary = await bench.CrawlAsync(bench.Options("govcn"));

        Assert.AreEqual(6, summary.New, string.Join("\n", summary.Sites.SelectMany(s => s.Failures)));
        Assert.IsTrue(notices.All(n => bench.Sink.Get(DocumentId.FromUrl("https://www.gov.cn/" + n.Path)) is { Site: Site.GovCn }));
    }

    [TestMethod]
    public async Task CcerFollowsOnlyTheMethodologyNotices()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Mee(bench.Server, pages: 2, perPage: 3, topic: i => i % 2 == 0 ? "温室气体自愿减排项目方法学" : "排污许可");

        var summary = await bench.CrawlAsync(bench.Options("ccer"));

        Assert.AreEqual(3, summary.New, string.Join("\n", summary.Sites.SelectMany(s => s.Failures)));
        Assert.IsTrue(bench.Sink.Documents.All(d => d.Title.Contains("方法学")));
        Assert.IsTrue(bench.Sink.Documents.All(d => d.Attachments.Single().Text is { Length: > 0 }));
    }

    [TestMethod]
    public async Task SecondCrawlSkipsUnchangedPagesWithConditionalGet()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 2, perPage: 3);
        await bench.CrawlAsync(bench.Options("ndrc"));
        var commits = bench.Sink.Commits;
        bench.Server.Requests.Clear();

        var second = (await bench.CrawlAsync(bench.Options("ndrc") with { RecheckAfter = TimeSpan.Zero })).Sites.Single();

        Assert.AreEqual(0, second.New);
        Assert.AreEqual(0, second.Changed);
        Assert.AreEqual(0, second.Fetched);
        Assert.AreEqual(6, second.NotModified);
        Assert.AreEqual(commits, bench.Sink.Commits, "nothing re-imported");
        var detailRequests = bench.Server.Requests.Where(r => r.PathAndQuery.Contains("/t2026")).ToList();
        Assert.AreEqual(6, detailRequests.Count);
        Assert.IsTrue(detailRequests.All(r => r.IfNoneMatch is not null), "detail pages asked for conditionally");
    }

    [TestMethod]
    public async Task ASecondCrawlWithinTheRecheckPeriodAsksOnlyForTheListsAndNewNotices()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 3);
        await bench.CrawlAsync(bench.Options("ndrc"));
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 4);
        bench.Server.Requests.Clear();
        bench.Clock.Advance(TimeSpan.FromDays(6));

        var second = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.AreEqual(1, second.New);
        Assert.AreEqual(3, second.Fresh, "the notices checked six days ago are left alone");
        Assert.AreEqual(0, second.NotModified);
        var details = bench.Server.Requests.Select(r => r.PathAndQuery).Where(p => p.Contains("/t2026")).ToList();
        CollectionAssert.AreEqual(new[] { "/" + notices[3].Path }, details);
        Assert.AreEqual(4, bench.Sink.Documents.Count);
    }

    [TestMethod]
    public async Task KnownNoticesAreCheckedAgainOnceTheRecheckPeriodHasPassed()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 3);
        await bench.CrawlAsync(bench.Options("ndrc"));
        SiteMirrors.ServeNdrcNotice(bench.Server, notices[0], extraParagraph: "二、补充说明：试点范围扩大至全国。");
        Assert.AreEqual(3, (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single().Fresh, "a crawl the same day checks nothing again");
        bench.Clock.Advance(CrawlOptions.DefaultRecheckAfter + TimeSpan.FromHours(1));

        var later = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.AreEqual(0, later.Fresh);
        Assert.AreEqual(1, later.Changed);
        Assert.AreEqual(2, later.NotModified);
        StringAssert.Contains(bench.Sink.Documents.Single(d => d.BodyText.Contains("补充说明")).Title, notices[0].Title);
    }

    [TestMethod]
    public async Task ANoticeThatFailedIsTriedAgainByTheNextCrawlWithinTheRecheckPeriod()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 2);
        bench.Server.Handle(notices[1].Path, (c, _) => { c.Response.StatusCode = 503; return Task.CompletedTask; });
        var first = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();
        Assert.AreEqual(1, first.Failed);
        SiteMirrors.ServeNdrcNotice(bench.Server, notices[1]);

        var second = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.AreEqual(1, second.New);
        Assert.AreEqual(1, second.Fresh);
        Assert.AreEqual(0, second.Failed);
    }

    [TestMethod]
    public async Task SecondCrawlSkipsAPageWhoseBytesAreTheSameWhenTheServerSendsNoValidators()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 2);
        var page = notices[1].Path;
        var html = await new HttpClient().GetByteArrayAsync(bench.Server.Url(page));
        bench.Server.Serve(page, html, "text/html; charset=utf-8", withETag: false);
        await bench.CrawlAsync(bench.Options("ndrc"));
        var commits = bench.Sink.Commits;

        var second = (await bench.CrawlAsync(bench.Options("ndrc") with { RecheckAfter = TimeSpan.Zero })).Sites.Single();

        Assert.AreEqual(2, second.NotModified);
        Assert.AreEqual(commits, bench.Sink.Commits);
    }

    [TestMethod]
    public async Task ChangedPageIsReimportedAndRecordedAsANewVersion()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 3);
        await bench.CrawlAsync(bench.Options("ndrc"));
        SiteMirrors.ServeNdrcNotice(bench.Server, notices[1], extraParagraph: "二、补充说明：试点范围扩大至全国。");

        var second = (await bench.CrawlAsync(bench.Options("ndrc") with { RecheckAfter = TimeSpan.Zero })).Sites.Single();

        Assert.AreEqual(1, second.Changed);
        Assert.AreEqual(2, second.NotModified);
        var doc = bench.Sink.Get(DocumentId.FromUrl("https://www.ndrc.gov.cn/" + notices[1].Path))!;
        Assert.AreEqual(2, doc.Versions.Count);
        Assert.AreNotEqual(doc.Versions[0].ContentHash, doc.Versions[1].ContentHash);
        Assert.AreEqual(doc.ContentHash, doc.Versions[1].ContentHash);
        StringAssert.Contains(doc.BodyText, "补充说明");
    }

    [TestMethod]
    public async Task ACrawlOfAnotherAddressLeavesPagesOfTheEarlierMirrorAlone()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 2);
        await bench.CrawlAsync(bench.Options("ndrc"));
        await using var other = await MirrorServer.StartAsync();
        SiteMirrors.Ndrc(other, pages: 1, perPage: 2);

        var summary = await bench.CrawlAsync(bench.Options("ndrc") with { BaseUrls = new Dictionary<string, string> { ["ndrc"] = other.BaseUrl }, RecheckAfter = TimeSpan.Zero });

        Assert.AreEqual(0, summary.Failed, string.Join("\n", summary.Sites.SelectMany(s => s.Failures)));
        Assert.AreEqual(0, summary.New, "same site URLs, same documents");
        Assert.AreEqual(2, summary.NotModified + summary.Changed);
        Assert.AreEqual(2, bench.Sink.Documents.Count);
    }

    [TestMethod]
    public async Task AnAttachmentThatFailedIsFetchedAgainByTheNextCrawl()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notice = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 1).Single();
        var attachment = notice.Path[..(notice.Path.LastIndexOf('/') + 1)] + notice.Attachments.Single().FileName;
        bench.Server.Handle(attachment, (c, _) => { c.Response.StatusCode = 503; return Task.CompletedTask; });
        var first = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();
        StringAssert.Contains(first.Failures.Single().Reason, "attachment: gave up after 3 tries: HTTP 503");
        Assert.AreEqual(1, first.New, "the notice is imported without the attachment's text");
        bench.Server.Serve(attachment, notice.Attachments.Single().Bytes, SiteMirrors.DocxType);

        var second = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.AreEqual(1, second.Changed);
        Assert.AreEqual(0, second.Failed);
        StringAssert.Contains(bench.Sink.Documents.Single().Attachments.Single().Text, "附件内容");
    }

    [TestMethod]
    public async Task ResumesAfterBeingStoppedBetweenFetchAndImportWithoutFetchingAnyPageTwice()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 3, perPage: 4);
        var upserts = 0;
        bench.Sink.BeforeUpsert = _ =>
        {
            // The process "dies" on the fifth document: after its page and attachments were fetched, before it was stored.
            if (++upserts == 5) throw new OperationCanceledException("killed");
        };
        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => bench.CrawlAsync(bench.Options("ndrc")));
        Assert.AreEqual(4, bench.Sink.Documents.Count);
        bench.Sink.BeforeUpsert = null;

        var resumed = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.IsTrue(resumed.Resumed);
        Assert.AreEqual(8, resumed.New);
        Assert.AreEqual(12, bench.Sink.Documents.Count);
        Assert.AreEqual(0, bench.FetchedTwice(p => p != "/robots.txt").Count, string.Join(", ", bench.FetchedTwice()));
    }

    [TestMethod]
    public async Task APageTheIndexRefusesIsAFailureAndTheCrawlGoesOn()
    {
        await using var bench = await CrawlBench.StartAsync();
        SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 4);
        var upserts = 0;
        bench.Sink.BeforeUpsert = _ => { if (++upserts == 2) throw new DocumentRejectedException("a status phrase ran over its time"); };

        var site = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.AreEqual(3, site.New);
        Assert.AreEqual(1, site.Failed);
        StringAssert.Contains(site.Failures.Single().Reason, "a status phrase ran over its time");
        Assert.AreEqual(3, bench.Sink.Documents.Count);
    }

    [TestMethod]
    public async Task ResumesAfterBeingCancelledMidRequestLosingNoPage()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 3, perPage: 4);
        using var kill = new CancellationTokenSource();
        bench.Server.OnRequest = path => { if (bench.Server.Requests.Count == 9) kill.Cancel(); };
        await Assert.ThrowsAsync<OperationCanceledException>(() => bench.CrawlAsync(bench.Options("ndrc"), kill.Token));
        bench.Server.OnRequest = null;

        var resumed = (await bench.CrawlAsync(bench.Options("ndrc"))).Sites.Single();

        Assert.IsTrue(resumed.Resumed);
        Assert.AreEqual(12, bench.Sink.Documents.Count);
        Assert.IsTrue(notices.All(n => bench.Sink.Get(DocumentId.FromUrl("https://www.ndrc.gov.cn/" + n.Path)) is not null));
        // Only the request in flight when the crawl was stopped may be repeated.
        Assert.IsTrue(bench.FetchedTwice(p => p != "/robots.txt").Count <= 1, string.Join(", ", bench.FetchedTwice()));
    }

    [TestMethod]
    public async Task SurvivesWrongContentTypesTruncatedBodiesAndASlowServer()
    {
        await using var bench = await CrawlBench.StartAsync();
        var notices = SiteMirrors.Ndrc(bench.Server, pages: 1, perPage: 5);
        bench.Server.Serve(notices[0].Path, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "image/png");
        bench.Server.Handle(notices[1].Path, async (context, _) =>
        {
            context.Response.ContentLength = 5000;
            // Returning short of Content-Length: Kestrel closes the connection, the body ends early.
            await context.Response.Body.WriteAsync("<html><body><h2>半页"u8.ToArray());
        });
        bench.Server.Handle(notices[2].Path, (context, _) => PoliteFetcherTests.SlowerThanTheTimeout(context, bench.Clock));
        var fetch = CrawlBench.FastFetch with { MaxTries = 2 };

        var site = (await bench.CrawlAsync(bench.Options("ndrc", fetch: fetch))).Sites.Single();

        Assert.AreEqual(2, site.New);
        Assert.AreEqual(3, site.Failed, string.Join("\n", site.Failures));
        StringAssert.Contains(site.Failures.Single(f => f.Url.EndsWith(notices[0].Path, StringComparison.Ordinal)).Reason, "not a document");
        StringAssert.Contains(site.Failures.Single(f => f.Url.EndsWith(notices[1].Path, StringComparison.Ordinal)).Reason, "truncated");
        StringAssert.Contains(site.Failures.Single(f => f.Url.EndsWith(notices[2].Path, StringComparison.Ordinal)).Reason, "timed out");
        Assert.AreEqual(2, bench.Server.Hits(notices[2].Path), "a timeout is retried up to MaxTries");
    }
}
