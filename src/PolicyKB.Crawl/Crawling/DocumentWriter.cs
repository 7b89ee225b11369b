using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>
/// Writes crawled documents to the sink, keeping each document's history: the versions of the stored
/// document are carried over, and a fetch whose content hash differs from the latest version appends one.
/// </summary>
public sealed class DocumentWriter(IDocumentSink sink)
{
    /// <summary>Upserts <paramref name="document"/> (the caller commits); <paramref name="fetchedAt"/> null (a reparse) records no new version.</summary>
    public UpsertOutcome Write(PolicyDocument document, DateTimeOffset? fetchedAt)
    {
        var versions = sink.Get(document.Id)?.Versions ?? [];
        if (fetchedAt is { } at && (versions.Count == 0 || versions[^1].ContentHash != document.ContentHash))
            versions = [.. versions, new DocumentVersion(at, document.ContentHash)];
        return sink.Upsert(document with { Versions = versions });
    }

    public void Commit() => sink.Commit();

    /// <summary>The document with the text of its fetched attachments filled in (matched by the attachment's site URL).</summary>
    public static PolicyDocument WithAttachmentTexts(PolicyDocument document, IReadOnlyDictionary<string, string> textsBySiteUrl) =>
        textsBySiteUrl.Count == 0 ? document : document with
        {
            Attachments = document.Attachments
                .Select(a => a.Url is not null && textsBySiteUrl.TryGetValue(DocumentId.CanonicalUrl(a.Url), out var text) ? a with { Text = text } : a)
                .ToList(),
        };
}
