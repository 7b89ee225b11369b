using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Importing;

/// <summary>
/// A test double of the index: documents by id in memory, with the commits counted and only committed documents
/// "durable". Thread-safe, as the sink contract asks (one lock).
/// </summary>
internal sealed class MemorySink : IDocumentSink
{
    private readonly object _lock = new();
    private readonly Dictionary<string, PolicyDocument> _pending = new();

    public Dictionary<string, PolicyDocument> Committed { get; } = new();
    public int Commits { get; private set; }

    /// <summary>Documents the sink refuses (as the index refuses a text its status phrases cannot read in time).</summary>
    public Func<PolicyDocument, bool> Refuses { get; init; } = _ => false;

    public UpsertOutcome Upsert(PolicyDocument document)
    {
        if (Refuses(document)) throw new DocumentRejectedException($"refused {document.Title}");
        lock (_lock)
        {
            var current = Get(document.Id);
            _pending[document.Id] = document;
            if (current is null) return UpsertOutcome.Added;
            return current.ContentHash == document.ContentHash ? UpsertOutcome.Unchanged : UpsertOutcome.Updated;
        }
    }

    public void Commit()
    {
        lock (_lock)
        {
            foreach (var (id, doc) in _pending) Committed[id] = doc;
            _pending.Clear();
            Commits++;
        }
    }

    public PolicyDocument? Get(string id)
    {
        lock (_lock) return _pending.GetValueOrDefault(id) ?? Committed.GetValueOrDefault(id);
    }

    /// <summary>As the index does: the stored (or pending) notice one of whose attachments has this file name.</summary>
    public PolicyDocument? FindAttachmentParent(string fileName)
    {
        lock (_lock)
            return _pending.Values.Concat(Committed.Values).FirstOrDefault(d => d.Attachments.Any(a =>
                string.Equals(a.FileName, fileName, StringComparison.OrdinalIgnoreCase)));
    }
}
