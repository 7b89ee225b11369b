using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>What a reparse did.</summary>
public sealed record ReparseSummary(int Documents, int Added, int Updated, int Unchanged, IReadOnlyList<CrawlFailure> Failures);

/// <summary>
/// Rebuilds every crawled document from its latest snapshot (and its attachments' snapshots) with the current
/// parser, without fetching: run after a parser improvement. Version histories are kept as they are.
/// </summary>
internal sealed class Reparser(IDocumentSink sink, CrawlStore store, SnapshotStore snapshots, IPageReader reader, IReadOnlyDictionary<string, SiteProfile> profiles)
{
    /// <param name="site">A site code, or null for every site.</param>
    public ReparseSummary Run(string? site = null, IProgress<CrawlProgress>? progress = null, CancellationToken ct = default)
    {
        var failures = new List<CrawlFailure>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var page in store.Snapshotted(site))
        {
            ct.ThrowIfCancellationRequested();
            var outcome = Reparse(page, out var error);
            if (error is not null) failures.Add(new CrawlFailure(page.Url, error));
            else if (outcome == UpsertOutcome.Added) added++;
            else if (outcome == UpsertOutcome.Updated) updated++;
            else unchanged++;
            progress?.Report(new CrawlProgress(page.Site, page.Url, page.Kind, error is null ? outcome.ToString().ToLowerInvariant() : $"failed: {error}",
                new SiteCrawlSummary { Site = page.Site, New = added, Changed = updated, NotModified = unchanged, Failures = [.. failures] }));
        }
        sink.Commit();
        return new ReparseSummary(added + updated + unchanged, added, updated, unchanged, failures);
    }

    private UpsertOutcome Reparse(PageRecord page, out string? error)
    {
        error = null;
        if (snapshots.Read(page.Snapshot!) is not { } body) { error = "snapshot missing or damaged"; return UpsertOutcome.Unchanged; }
        var reading = Crawler.Read(reader, body, page.SiteUrl ?? page.Url, page.ContentType);
        if (reading.Document is not { } document) { error = $"not a document: {reading.Error}"; return UpsertOutcome.Unchanged; }
        if (document.Site == Site.Other && profiles.TryGetValue(page.Site, out var profile))
            document = document with { Site = profile.Site };
        document = Crawler.FetchedFrom(document, page);
        var texts = new Dictionary<string, string>();
        foreach (var attachment in store.Attachments(page.Url))
            if (attachment.Snapshot is { } hash && snapshots.Read(hash) is { } bytes && Crawler.ReadAttachment(reader, bytes, attachment.Url) is { Length: > 0 } text)
                texts[attachment.SiteUrl ?? attachment.Url] = text;
        // No fetch, no new version: the sink keeps the versions it holds.
        try { return sink.Upsert(Crawler.WithAttachmentTexts(document, texts)); }
        catch (DocumentRejectedException e) { error = $"not stored: {e.Message}"; return UpsertOutcome.Unchanged; }
    }
}
