namespace PolicyKB.Model;

/// <summary>
/// Where imported documents go (the index). The importer and the crawler write through this, nothing else.
/// Thread-safe: the importer upserts from all cores and commits beside them.
/// </summary>
public interface IDocumentSink
{
    /// <summary>Adds or replaces the document with the same id. Returns what happened; an identical document is left alone.</summary>
    /// <exception cref="DocumentRejectedException">the sink cannot take this document; what it held for the document stays as it was</exception>
    UpsertOutcome Upsert(PolicyDocument document);

    /// <summary>Makes everything upserted so far durable.</summary>
    void Commit();

    /// <summary>The stored document with this id, or null.</summary>
    PolicyDocument? Get(string id);

    /// <summary>
    /// The stored notice that links an attachment with this file name (W0….pdf), or null: lets an attachment file
    /// imported in a later run than its notice still find its parent. Sinks that cannot look it up answer null.
    /// </summary>
    PolicyDocument? FindAttachmentParent(string fileName) => null;
}

public enum UpsertOutcome { Added, Updated, Unchanged }
