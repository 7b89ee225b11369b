using PolicyKB.Model;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Status;
using Stored = PolicyKB.Search.PolicyIndex.Stored;

namespace PolicyKB.Search.Ingest;

/// <summary>
/// The one write path of the knowledge base. The importer, the crawler, reparse and the admin API hand every document
/// here (through <see cref="IDocumentSink.Upsert"/>), and this alone decides what it is: new, an update of the page it
/// came from, unchanged, or a repost of a text already stored. It keeps every source's own entry (address, title, date,
/// content hash) and the document's versions, and never lets two texts become one unless <see cref="TextIdentity"/>
/// says they are the same text: a source whose text moves away from the document holding it becomes a document again.
/// </summary>
internal sealed class DocumentIngest
{
    private readonly PolicyIndex _store;

    internal DocumentIngest(PolicyIndex store) => _store = store;

    public UpsertOutcome Ingest(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Id)) throw new ArgumentException("A document needs an id.", nameof(document));
        // The status phrases (a file the user edits) read the text before anything is decided: a text they cannot read
        // in time is refused with nothing staged, and the reading runs on every core rather than under the lock.
        var reading = _store.ReadStatus(document);
        var writes = new List<string>();
        UpsertOutcome outcome;
        lock (_store.DecisionLock) outcome = Decide(document, reading, writes);
        // Analysis happens outside the decision lock, so other documents are decided meanwhile.
        WriteAll(writes);
        if (_store.RevisitsDue) _store.RevisitStatuses();
        return outcome;
    }

    /// <summary>
    /// Sends every decided write to the writer: one refused (a stored text the status phrases now cannot read in time)
    /// keeps what the index holds for it, and the others still go, so that no decision is left half written.
    /// </summary>
    private void WriteAll(List<string> writes)
    {
        DocumentRejectedException? refused = null;
        foreach (var id in writes)
        {
            try { _store.Write(id); }
            catch (DocumentRejectedException e) { refused ??= e; }
        }
        if (refused is not null) throw refused;
    }

    /// <summary>Removes a document; when <paramref name="id"/> is a source folded into another, removes only that source.</summary>
    public bool Remove(string id)
    {
        var writes = new List<string>();
        lock (_store.DecisionLock)
        {
            if (_store.Find(id) is not { } holder) return false;
            if (holder.Document.Id != id)
                Stage(writes, holder.Document with { Sources = holder.Document.Sources.Where(s => s.Id != id).ToList() });
            else
            {
                // What it repealed or revised is in force again, unless another text says otherwise.
                _store.RevisitStatusFor(holder);
                _store.StageDelete(id);
                writes.Add(id);
                // The text stays with the sources that still carry it, under the first one's address.
                if (Reposts(holder.Document) is { Count: > 0 } reposts) Stage(writes, Rekeyed(holder.Document, reposts));
            }
        }
        WriteAll(writes);
        return true;
    }

    private UpsertOutcome Decide(PolicyDocument incoming, StatusReading reading, List<string> writes)
    {
        var holder = _store.Find(incoming.Id);
        if (holder is not null && holder.Document.Id == incoming.Id) return UpdateOriginal(holder, incoming, reading, writes);
        // A page without an address is never kept as a source (an alias of one, from an older index, is stored on its own).
        if (holder is not null && incoming.Url is not null) return UpdateRepost(holder, incoming, reading, writes);
        return Arrive(incoming, reading, writes) ? UpsertOutcome.Updated : UpsertOutcome.Added;
    }

    /// <summary>
    /// A page no stored document holds (new, or one whose text just left the document that held it): kept as a source
    /// of the stored document of the same text, else stored as a document of its own. True when it was folded.
    /// </summary>
    /// <param name="reading">what the status phrases read in the incoming text</param>
    private bool Arrive(PolicyDocument incoming, StatusReading reading, List<string> writes)
    {
        // Only a page with an address can be kept as a source of another document (its entry is how a change is seen).
        if (incoming.Url is not null
            && _store.Candidates(incoming).FirstOrDefault(c => c.Document.Id != incoming.Id && c.Document.Url is not null && TextIdentity.SameText(c.Document, incoming)) is { } original)
        {
            if (_store.Find(incoming.Id) is { } own && own.Document.Id == incoming.Id)
            {
                _store.StageDelete(incoming.Id);
                writes.Add(incoming.Id);
            }
            // A repost's readings stay on its source entry (its content hash): the versions are the original page's own,
            // so that each kept text is what that page said (merged, a repost read again added a version every time).
            Stage(writes, original.Document with
            {
                Sources = WithSource(Sources(original.Document), SourceOf(incoming)),
                Attachments = WithAttachments(original.Document.Attachments, incoming.Attachments),
            });
            return true;
        }
        Stage(writes, incoming, reading);
        return false;
    }

    /// <summary>The page a document was first stored from, read again.</summary>
    private UpsertOutcome UpdateOriginal(Stored holder, PolicyDocument incoming, StatusReading reading, List<string> writes)
    {
        var stored = holder.Document;
        if (stored.ContentHash != incoming.ContentHash && !TextIdentity.SameText(stored, incoming))
        {
            // Another text now: the text it had stays with its reposts (under the first), and the new one finds its place.
            var reposts = Reposts(stored);
            if (reposts.Count > 0) Stage(writes, Rekeyed(stored, reposts));
            var moved = incoming with { Versions = VersionsKeepingText(stored, incoming) };
            Arrive(moved, reading, writes);
            return UpsertOutcome.Updated;
        }
        // The page's new content, with the sources it had and the ones its new reading gives.
        // The attachments its reposts link stay (the same notice's files, linked from another site).
        var fromReposts = Reposts(stored).SelectMany(r => r.AttachmentKeys ?? []).ToHashSet(StringComparer.Ordinal);
        var updated = incoming with
        {
            Sources = incoming.Sources.Aggregate(stored.Sources, WithSource),
            Versions = VersionsKeepingText(stored, incoming),
            Attachments = WithAttachments(incoming.Attachments, stored.Attachments.Where(a => fromReposts.Contains(a.Key)).ToList()),
        };
        if (PolicyIndex.SameAsStored(holder, updated)) return UpsertOutcome.Unchanged;
        Stage(writes, updated, reading);
        return UpsertOutcome.Updated;
    }

    /// <summary>A page kept as a source of another document, read again.</summary>
    private UpsertOutcome UpdateRepost(Stored holder, PolicyDocument incoming, StatusReading reading, List<string> writes)
    {
        var stored = holder.Document;
        var own = SourceOf(incoming);
        var entry = stored.Sources.FirstOrDefault(s => s.Id == incoming.Id);
        if (entry?.ContentHash is { } known && known == incoming.ContentHash) return UpsertOutcome.Unchanged;
        // Still the same text, to the letter (a source kept before its hash was recorded only needs to be the same text).
        var same = TextIdentity.SameText(stored, incoming) && (entry?.ContentHash is null || TextIdentity.SameBody(stored, incoming));
        if (same)
        {
            var updated = stored with
            {
                Sources = WithSource(stored.Sources, own),
                Attachments = WithAttachments(stored.Attachments, incoming.Attachments),
            };
            if (PolicyIndex.SameAsStored(holder, updated)) return UpsertOutcome.Unchanged;
            Stage(writes, updated);
            return UpsertOutcome.Updated;
        }
        // Its text moved on: the text it left keeps its other sources, and its own finds its place (alone, or with its twin).
        Stage(writes, stored with { Sources = stored.Sources.Where(s => s.Id != incoming.Id && s.Url != own.Url).ToList() });
        Arrive(incoming, reading, writes);
        return UpsertOutcome.Updated;
    }

    /// <param name="reading">what the status phrases read in the document's text when it is the incoming one; null for a
    /// stored text (read here: the revisit is named before the entry is staged, so a refusal leaves it unstaged)</param>
    private void Stage(List<string> writes, PolicyDocument document, StatusReading? reading = null)
    {
        var entry = Stored.Of(document, reading);
        _store.RevisitStatusFor(entry);
        _store.Stage(entry);
        writes.Add(document.Id);
    }

    /// <summary>
    /// The entry a page keeps as a source of another document: its address and id, with its title, date and content
    /// hash, by which a later change to it is seen.
    /// </summary>
    private static DocumentSource SourceOf(PolicyDocument page)
    {
        var url = DocumentId.CanonicalUrl(page.Url!);
        // Where the page's bytes really came from (a mirror standing in for the site), as its reading said.
        var fetchedFrom = page.Sources.FirstOrDefault(s => s.Url == url)?.FetchedFrom;
        return new(url, page.Site, fetchedFrom)
        {
            Id = page.Id, Title = page.Title, PublishedDate = page.PublishedDate, ContentHash = page.ContentHash,
            AttachmentKeys = page.Attachments.Count > 0 ? page.Attachments.Select(a => a.Key).Distinct().ToList() : null,
        };
    }

    /// <summary>The attachments with those of <paramref name="more"/> that they lack (a repost may link the notice's files too).</summary>
    private static IReadOnlyList<Attachment> WithAttachments(IReadOnlyList<Attachment> attachments, IReadOnlyList<Attachment> more)
    {
        var keys = attachments.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var missing = more.Where(a => keys.Add(a.Key)).ToList();
        return missing.Count == 0 ? attachments : [.. attachments, .. missing];
    }

    /// <summary>The pages folded into a document (entries with an id of their own).</summary>
    private static List<DocumentSource> Reposts(PolicyDocument d) => d.Sources.Where(s => s.Id is not null && s.Id != d.Id).ToList();

    /// <summary>A document's sources; one stored without any stands for its own page.</summary>
    private static IReadOnlyList<DocumentSource> Sources(PolicyDocument d) =>
        d.Sources.Count > 0 || d.Url is null ? d.Sources : [new DocumentSource(DocumentId.CanonicalUrl(d.Url), d.Site)];

    /// <summary>The sources with <paramref name="source"/>'s entry put in place of the old one for its address (or added).</summary>
    private static IReadOnlyList<DocumentSource> WithSource(IReadOnlyList<DocumentSource> sources, DocumentSource source)
    {
        var at = sources.ToList().FindIndex(s => s.Url == source.Url);
        if (at < 0) return [.. sources, source];
        return [.. sources.Take(at), source, .. sources.Skip(at + 1).Where(s => s.Url != source.Url)];
    }

    /// <summary>The text <paramref name="stored"/> held, now under the first of the reposts that carry it.</summary>
    private static PolicyDocument Rekeyed(PolicyDocument stored, IReadOnlyList<DocumentSource> reposts) => stored with
    {
        Id = reposts[0].Id!,
        Url = reposts[0].Url,
        Site = reposts[0].Site,
        Sources = reposts.Select((s, i) => i == 0 ? s with { Id = null } : s).ToList(),
        Versions = [],
    };

    /// <summary>
    /// The versions of a page read again: when its text changed with a new version, the version that read the stored
    /// text keeps it (title, 发布日期, body), so that versions can be compared. The index keeps the texts of the
    /// <see cref="MaxVersionTexts"/> latest earlier versions: older ones keep their time and hash, and their raw pages stay
    /// in the crawler's snapshots/ (content-addressed, never pruned), so nothing fetched is lost.
    /// </summary>
    private static IReadOnlyList<DocumentVersion> VersionsKeepingText(PolicyDocument stored, PolicyDocument incoming)
    {
        var merged = MergeVersions(stored.Versions, incoming.Versions);
        if (stored.ContentHash == incoming.ContentHash || stored.Versions.Count == 0 || merged.Count == stored.Versions.Count) return merged;
        var versions = merged.ToList();
        var previous = stored.Versions.Count - 1;
        versions[previous] = versions[previous] with { Text = versions[previous].Text ?? VersionText.Of(stored) };
        var kept = 0;
        for (var i = previous; i >= 0; i--)
            if (versions[i].Text is not null && ++kept > MaxVersionTexts) versions[i] = versions[i] with { Text = null };
        return versions;
    }

    /// <summary>How many earlier versions' texts a document keeps in the index (a notice rarely changes more often).</summary>
    public const int MaxVersionTexts = 10;

    /// <summary>The stored versions, then each incoming one whose content differs from the latest.</summary>
    private static IReadOnlyList<DocumentVersion> MergeVersions(IReadOnlyList<DocumentVersion> stored, IReadOnlyList<DocumentVersion> incoming)
    {
        var versions = stored.ToList();
        foreach (var v in incoming.OrderBy(v => v.FetchedAt))
            if (versions.Count == 0 || versions[^1].ContentHash != v.ContentHash) versions.Add(v);
        return versions;
    }
}
