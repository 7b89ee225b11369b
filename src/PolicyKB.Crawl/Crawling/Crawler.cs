using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>
/// Crawls sites into the index: list pages (with their paging) to detail pages to PDF/DOCX attachments. Each
/// page's state change is committed to the frontier as it happens, so a crawl stopped at any moment resumes
/// without fetching a finished page again. Sites run side by side; each host gets one request at a time.
/// </summary>
internal sealed partial class Crawler(IDocumentSink sink, CrawlStore store, SnapshotStore snapshots, IPageReader reader,
    IReadOnlyDictionary<string, SiteProfile> profiles, TimeProvider? time = null)
{
    private readonly IDocumentSink _sink = sink;
    private readonly CrawlStore _store = store;
    private readonly SnapshotStore _snapshots = snapshots;
    private readonly IPageReader _reader = reader;
    private readonly IReadOnlyDictionary<string, SiteProfile> _profiles = profiles;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Crawls the selected sites of its profiles; throws <see cref="ArgumentException"/> for options <see cref="CrawlOptions.Resolve"/> rejects.</summary>
    public async Task<CrawlSummary> RunAsync(CrawlOptions options, IProgress<CrawlProgress>? progress = null, CancellationToken ct = default)
    {
        var resolved = options.Resolve(_profiles);
        if (!resolved.TryGetValue(out var endpoints)) throw new ArgumentException(resolved.Error, nameof(options));
        var started = _time.GetUtcNow();
        using var fetcher = new PoliteFetcher(options.Fetch, _time);
        var sites = await Task.WhenAll(endpoints.Select(e => Task.Run(() => new SiteCrawl(this, e, fetcher, options.RecheckAfter, progress, ct).RunAsync(), ct))).ConfigureAwait(false);
        return new CrawlSummary(sites, started, _time.GetUtcNow());
    }

    /// <summary>Parses without letting a parser bug stop the crawl.</summary>
    internal static PageReading Read(IPageReader reader, byte[] body, string siteUrl, string? contentType)
    {
        try { return reader.Read(body, siteUrl, contentType); }
        catch (Exception e) when (e is not OperationCanceledException) { return new PageReading(null, $"parser error: {e.Message}"); }
    }

    /// <summary>A page fetched from a mirror standing in for its site: its sources say where its bytes really came from.</summary>
    internal static PolicyDocument FetchedFrom(PolicyDocument document, PageRecord page) =>
        page.SiteUrl is { } siteUrl && siteUrl != page.Url
            ? document with { Sources = [.. document.Sources.Select(s => s with { FetchedFrom = page.Url })] }
            : document;

    /// <summary>The document with the text of its fetched attachments filled in (matched by the attachment's site URL).</summary>
    internal static PolicyDocument WithAttachmentTexts(PolicyDocument document, IReadOnlyDictionary<string, string> textsBySiteUrl) =>
        textsBySiteUrl.Count == 0 ? document : document with
        {
            Attachments = document.Attachments
                .Select(a => a.Url is not null && textsBySiteUrl.TryGetValue(DocumentId.CanonicalUrl(a.Url), out var text) ? a with { Text = text } : a)
                .ToList(),
        };

    internal static string? ReadAttachment(IPageReader reader, byte[] body, string url)
    {
        try { return reader.ReadAttachment(body, Path.GetFileName(new Uri(url).AbsolutePath)); }
        catch (Exception e) when (e is not OperationCanceledException) { return null; }
    }

    /// <summary>One site's part of a crawl, with its tally.</summary>
    private sealed partial class SiteCrawl(Crawler crawler, SiteEndpoint site, PoliteFetcher fetcher, TimeSpan recheckAfter, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        private readonly CrawlStore _store = crawler._store;
        private readonly HashSet<string> _startUrls = site.StartUrls.ToHashSet();
        private readonly List<CrawlFailure> _failures = [];
        private long _run;
        private bool _resumed;
        private DateTimeOffset _freshSince;
        private int _listPages, _fetched, _notModified, _fresh, _new, _changed, _attachments;

        public async Task<SiteCrawlSummary> RunAsync()
        {
            _run = _store.BeginRun(site.Code, Now, out _resumed);
            _freshSince = Now - recheckAfter;
            _store.Add(site.Code, _startUrls.Select(u => new DiscoveredPage(u, PageKind.List)));
            while (_store.NextDue(site.Code, _run, _freshSince) is { } page)
            {
                ct.ThrowIfCancellationRequested();
                // Pages found while crawling another address (an earlier mirror, or the real site) are left to crawls of that address.
                if (!site.IsAllowed(new Uri(page.Url))) { _store.Record(page with { DoneRun = _run }, [], null); continue; }
                if (page.Kind == PageKind.List) await VisitListAsync(page).ConfigureAwait(false);
                else await VisitDetailAsync(page).ConfigureAwait(false);
            }
            _fresh = _store.CountFresh(site.Code, _run, _freshSince);
            _store.FinishRun(_run, Now);
            return Summary();
        }

        private DateTimeOffset Now => crawler._time.GetUtcNow();

        private SiteCrawlSummary Summary() => new()
        {
            Site = site.Code, Resumed = _resumed, ListPages = _listPages, Fetched = _fetched, NotModified = _notModified, Fresh = _fresh,
            New = _new, Changed = _changed, Attachments = _attachments, Failures = [.. _failures],
        };

        private void Report(PageRecord page, string outcome) => progress?.Report(new CrawlProgress(site.Code, page.Url, page.Kind, outcome, Summary()));

        private async Task VisitListAsync(PageRecord page)
        {
            var result = await FetchAsync(page, maxBytes: null).ConfigureAwait(false);
            if (result.Status == FetchStatus.Failed) { Fail(page, result.Error!, result); return; }
            var discovered = new List<DiscoveredPage>();
            if (result.Status == FetchStatus.Ok)
            {
                var read = ListPage.Read(result.Body, result.ContentType, site.Profile);
                if (!read.TryGetValue(out var list)) { Fail(page, read.Error!, result); return; }
                page = WithBody(page, result);
                var from = new Uri(result.FinalUrl);
                foreach (var link in list.Links)
                    if (site.ToFetchUrl(link.Href, from) is { } url && site.Classify(url, link.Text) == LinkKind.Detail)
                        discovered.Add(new DiscoveredPage(url, PageKind.Detail, LinkText: link.Text));
                if (_startUrls.Contains(page.Url) && list.TotalPages is { } total)
                    discovered.AddRange(PagingUrls(page.Url, list, total).Select(u => new DiscoveredPage(u, PageKind.List)));
            }
            _store.Record(page with { DoneRun = _run, Error = null }, discovered, Log(page, result));
            _listPages++;
            Report(page, result.Status == FetchStatus.Ok ? $"list page, {discovered.Count} links" : "list page not modified");
        }

        /// <summary>Further list pages after the first, up to the profile's maximum.</summary>
        private IEnumerable<string> PagingUrls(string firstPage, ListPage list, int total)
        {
            var count = Math.Min(total, site.Profile.MaxListPages);
            var paging = site.Profile.Paging;
            for (var i = 1; i < count; i++)
            {
                var url = paging.Kind == PagingKind.QueryParameter
                    ? WithQueryParameter(firstPage, paging.Parameter, paging.FirstPage + i)
                    : site.ToFetchUrl($"{list.PageName}_{i}.{list.PageExtension}", new Uri(firstPage));
                if (url is not null) yield return url;
            }
        }

        private async Task VisitDetailAsync(PageRecord page)
        {
            // A snapshot this run stored but did not import (the crawl stopped in between) is imported without fetching.
            if (page.FetchedRun == _run && page.Snapshot is { } pending && crawler._snapshots.Read(pending) is { } stored)
            {
                await ImportAsync(page, stored, crawler._snapshots.ReadHeaders(pending)?.FetchedAt ?? Now).ConfigureAwait(false);
                return;
            }
            var result = await FetchAsync(page, maxBytes: null).ConfigureAwait(false);
            if (result.Status == FetchStatus.Failed) { Fail(page, result.Error!, result); return; }
            var unchanged = result.Status == FetchStatus.NotModified || SnapshotStore.Hash(result.Body) == page.Snapshot;
            // An unchanged notice is imported again only when it is missing from the index or an attachment failed last time.
            if (unchanged && page.DocumentId is { } id && crawler._sink.Get(id) is not null && !_store.Attachments(page.Url).Any(a => a.Error is not null))
            {
                _store.Record(page with { DoneRun = _run, Error = null, ETag = result.ETag ?? page.ETag, LastModified = result.LastModified ?? page.LastModified, CheckedAt = Now }, [], Log(page, result));
                _notModified++;
                Report(page, "not modified");
                return;
            }
            var body = result.Status == FetchStatus.Ok ? result.Body : crawler._snapshots.Read(page.Snapshot ?? "");
            if (body is null) { Fail(page, "not modified, but its snapshot is missing", result); return; }
            if (result.Status == FetchStatus.Ok) { page = WithBody(page, result); _fetched++; }
            page = page with { FetchedRun = _run, SiteUrl = site.ToSiteUrl(page.Url) };
            _store.Record(page, [], Log(page, result));
            await ImportAsync(page, body, Now).ConfigureAwait(false);
        }

        private async Task ImportAsync(PageRecord page, byte[] body, DateTimeOffset fetchedAt)
        {
            var reading = Read(crawler._reader, body, page.SiteUrl ?? site.ToSiteUrl(page.Url), page.ContentType);
            if (reading.Document is not { } document) { Fail(page, $"not a document: {reading.Error}", null); return; }
            if (document.Site == Site.Other) document = document with { Site = site.Profile.Site };
            document = FetchedFrom(document, page);

            var texts = await AttachmentTextsAsync(page, document).ConfigureAwait(false);
            // The fetch is this page's version; the sink keeps it when the content differs from the latest one.
            UpsertOutcome outcome;
            try { outcome = crawler._sink.Upsert(WithAttachmentTexts(document, texts) with { Versions = [new DocumentVersion(fetchedAt, document.ContentHash)] }); }
            catch (DocumentRejectedException e) { Fail(page, $"not stored: {e.Message}", null); return; }
            // Committed before the page is marked done, so a stop in between re-imports it rather than losing it.
            if (outcome != UpsertOutcome.Unchanged) crawler._sink.Commit();
            _store.Record(page with { DoneRun = _run, DocumentId = document.Id, Error = null, CheckedAt = Now }, [], null);
            switch (outcome)
            {
                case UpsertOutcome.Added: _new++; break;
                case UpsertOutcome.Updated: _changed++; break;
                default: _notModified++; break;
            }
            Report(page, outcome switch { UpsertOutcome.Added => "new", UpsertOutcome.Updated => "changed", _ => "unchanged" });
        }

        /// <summary>Fetches (or, when this run already did, re-reads) the notice's PDF/DOCX attachments; their text by site URL.</summary>
        private async Task<Dictionary<string, string>> AttachmentTextsAsync(PageRecord page, PolicyDocument document)
        {
            var from = new Uri(page.Url);
            var wanted = document.Attachments
                .Select(a => a.Url is null ? null : site.ToFetchUrl(a.Url, from))
                .OfType<string>().Where(site.IsReadableAttachment).ToHashSet();
            _store.Add(site.Code, wanted.Select(u => new DiscoveredPage(u, PageKind.Attachment, page.Url,
                document.Attachments.FirstOrDefault(a => a.Url is not null && site.ToFetchUrl(a.Url, from) == u)?.Name)));
            var texts = new Dictionary<string, string>();
            // By URL, not by parent: an attachment linked from two notices is fetched once and read for both.
            foreach (var row in wanted.Select(_store.Get).OfType<PageRecord>())
            {
                var bytes = row.DoneRun == _run ? (row.Snapshot is null ? null : crawler._snapshots.Read(row.Snapshot)) : await FetchAttachmentAsync(row).ConfigureAwait(false);
                if (bytes is not null && ReadAttachment(crawler._reader, bytes, row.Url) is { Length: > 0 } text)
                    texts[row.SiteUrl ?? site.ToSiteUrl(row.Url)] = text;
            }
            return texts;
        }

        private async Task<byte[]?> FetchAttachmentAsync(PageRecord row)
        {
            var result = await FetchAsync(row, site.Profile.MaxAttachmentBytes).ConfigureAwait(false);
            if (result.Status == FetchStatus.Failed) { Fail(row, $"attachment: {result.Error}", result); return null; }
            var done = row with { DoneRun = _run, Error = null, SiteUrl = site.ToSiteUrl(row.Url) };
            if (result.Status == FetchStatus.Ok) { done = WithBody(done, result); _attachments++; }
            _store.Record(done, [], Log(row, result));
            Report(row, result.Status == FetchStatus.Ok ? "attachment" : "attachment not modified");
            return result.Status == FetchStatus.Ok ? result.Body : crawler._snapshots.Read(row.Snapshot ?? "");
        }

        private Task<FetchResult> FetchAsync(PageRecord page, long? maxBytes)
        {
            // Validators are sent only while we hold the snapshot a 304 would point to.
            var hasCopy = page.Snapshot is not null;
            var request = new FetchRequest(page.Url, hasCopy ? page.ETag : null, hasCopy ? page.LastModified : null, maxBytes);
            return fetcher.FetchAsync(request, site.IsAllowed, ct);
        }

        /// <summary>The page with a new body stored as its snapshot.</summary>
        private PageRecord WithBody(PageRecord page, FetchResult result) => page with
        {
            Snapshot = crawler._snapshots.Save(result.Body, new SnapshotHeaders(result.FinalUrl, Now, result.HttpStatus, result.Headers)),
            ContentType = result.ContentType, ETag = result.ETag, LastModified = result.LastModified,
        };

        private void Fail(PageRecord page, string reason, FetchResult? result)
        {
            _store.Record(page with { DoneRun = _run, Error = reason }, [], result is null ? null : Log(page, result));
            _failures.Add(new CrawlFailure(page.Url, reason));
            Report(page, $"failed: {reason}");
        }

        private FetchLogEntry Log(PageRecord page, FetchResult result) =>
            new(_run, page.Url, Now, result.Status.ToString(), result.HttpStatus, result.Attempts, result.Body.Length, result.Error);

        [GeneratedRegex(@"(?<=[?&])(?<name>[^=&]+)=[^&]*")]
        private static partial Regex QueryPair();

        private static string WithQueryParameter(string url, string name, int value)
        {
            var replaced = false;
            var result = QueryPair().Replace(url, m =>
            {
                if (m.Groups["name"].Value != name) return m.Value;
                replaced = true;
                return $"{name}={value}";
            });
            return replaced ? result : result + (result.Contains('?') ? "&" : "?") + $"{name}={value}";
        }
    }
}
