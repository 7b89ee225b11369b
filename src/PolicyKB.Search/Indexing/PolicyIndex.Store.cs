using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search;

/// <summary>
/// The document store side: upserts by id (idempotent), reposts merged into one document with several sources,
/// reads of stored documents. Writes not yet visible to searchers are remembered (<c>_pending</c>) so that an
/// import batch sees its own documents without a reopen per document.
/// </summary>
public sealed partial class PolicyIndex
{
    private sealed record Stored(PolicyDocument Document, IReadOnlyList<string> Aliases)
    {
        private IdentityKeys? _keys;

        public Stored(PolicyDocument document, IReadOnlyList<string> aliases, IdentityKeys? keys) : this(document, aliases) => _keys = keys;

        /// <summary>The document's repost key and body fingerprint, computed once (hashing a body is not free).</summary>
        public IdentityKeys Keys => _keys ??= DocumentKeys.IdentityOf(Document);
    }

    private readonly object _pendingLock = new();
    private long _generation;
    /// <summary>Marks a write still on its way into the writer: never forgotten by a refresh.</summary>
    private const long InFlight = long.MaxValue;
    /// <summary>id → document written since the last refresh (null: deleted), with the write's generation.</summary>
    private readonly Dictionary<string, (Stored? Entry, long Generation)> _pending = new(StringComparer.Ordinal);
    /// <summary>repost key, body fingerprint or alias → id, for documents in <see cref="_pending"/>.</summary>
    private readonly Dictionary<string, string> _pendingKeys = new(StringComparer.Ordinal);
    /// <summary>Writes of one id reach the writer in the order they were decided; different ids analyse in parallel.</summary>
    private readonly object[] _idLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    public UpsertOutcome Upsert(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Id)) throw new ArgumentException("A document needs an id.", nameof(document));
        var id = document.Id;
        // Outside the lock: upserts of other documents wait on nothing but the lookups.
        var keys = DocumentKeys.IdentityOf(document);
        UpsertOutcome result;
        lock (_pendingLock)
        {
            Stored entry;
            UpsertOutcome outcome;
            var same = Find(id);
            if (same is not null && same.Document.Id == id)
                (entry, outcome) = Decide(WithMergedHistory(document, same.Document, keepSources: false), same, same.Aliases, keys);
            else if ((same ?? FindRepostOf(keys)) is { } original)
                // A repost (or a known alias): fold the new source into the document already indexed, whose content stays.
                (entry, outcome) = Decide(WithMergedHistory(original.Document, document, keepSources: true), original, original.Aliases.Append(id).Distinct().ToList(), original.Keys);
            else
                (entry, outcome) = Decide(document, null, [], keys);
            if (outcome == UpsertOutcome.Unchanged) return outcome;
            id = entry.Document.Id;
            Remember(id, entry);
            result = outcome;
        }
        Volatile.Write(ref _lastWrite, _clock.GetTimestamp());
        Flush(id);
        return result;
    }

    public PolicyDocument? Get(string id) => Find(id)?.Document;

    public PolicyDocument? FindAttachmentParent(string fileName)
    {
        var key = Path.GetFileName(fileName).Trim().ToLowerInvariant();
        return key.Length == 0 ? null : FindIndexed(new TermQuery(new Term(Schema.AttachmentFile, key)))?.Document;
    }

    public bool Delete(string id)
    {
        string stored;
        lock (_pendingLock)
        {
            if (Find(id) is not { } found) return false;
            stored = found.Document.Id;
            Remember(stored, null);
        }
        Flush(stored);
        return true;
    }

    public IEnumerable<PolicyDocument> All()
    {
        Refresh();
        var searcher = _searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var live = leaf.AtomicReader.LiveDocs;
                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                    if (live is null || live.Get(doc))
                        yield return DocumentMapper.FromStored(leaf.AtomicReader.Document(doc));
            }
        }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>
    /// <paramref name="kept"/> with the sources and versions of both documents. For an update of the same id the new
    /// content wins and earlier sources are kept; for a repost the indexed content stays and the new sources join.
    /// </summary>
    private static PolicyDocument WithMergedHistory(PolicyDocument kept, PolicyDocument other, bool keepSources)
    {
        var sources = keepSources
            ? EffectiveSources(kept).Concat(EffectiveSources(other))
            : kept.Sources.Concat(other.Sources);
        return kept with
        {
            Sources = sources.DistinctBy(s => DocumentId.CanonicalUrl(s.Url)).ToList(),
            Versions = kept.Versions.Concat(other.Versions).Distinct().OrderBy(v => v.FetchedAt).ToList(),
        };
    }

    private static IEnumerable<DocumentSource> EffectiveSources(PolicyDocument d) =>
        d.Sources.Count > 0 ? d.Sources : d.Url is { } url ? [new DocumentSource(url, d.Site)] : [];

    private static (Stored, UpsertOutcome) Decide(PolicyDocument document, Stored? existing, IReadOnlyList<string> aliases, IdentityKeys keys)
    {
        var entry = new Stored(document, aliases, keys);
        if (existing is null) return (entry, UpsertOutcome.Added);
        var same = existing.Aliases.SequenceEqual(aliases)
            && JsonSerializer.Serialize(existing.Document, PolicyJson.Options) == JsonSerializer.Serialize(document, PolicyJson.Options);
        return (entry, same ? UpsertOutcome.Unchanged : UpsertOutcome.Updated);
    }

    /// <summary>
    /// Sends the latest decided write of an id to the writer (analysis happens here, outside the store lock, so
    /// different ids index in parallel). Decisions are published at once as in flight; whichever thread gets here
    /// first writes the newest decision, so writes of one id never reach the index out of order.
    /// </summary>
    private void Flush(string id)
    {
        lock (_idLocks[(uint)StringComparer.Ordinal.GetHashCode(id) % _idLocks.Length])
        {
            Stored? current;
            lock (_pendingLock)
            {
                if (!_pending.TryGetValue(id, out var p) || p.Generation != InFlight) return;
                current = p.Entry;
            }
            try
            {
                if (current is null) _writer.DeleteDocuments(new Term(Schema.Id, id));
                else _writer.UpdateDocument(new Term(Schema.Id, id), DocumentMapper.ToLucene(current.Document, current.Aliases, current.Keys));
            }
            catch
            {
                lock (_pendingLock) Settle(id, current, failed: true);
                throw;
            }
            lock (_pendingLock) Settle(id, current, failed: false);
        }
    }

    /// <summary>Publishes a decided write (null: a delete) to later upserts, as in flight.</summary>
    private void Remember(string id, Stored? entry)
    {
        _pending[id] = (entry, InFlight);
        if (entry is null) return;
        foreach (var key in LookupKeys(entry.Keys).Concat(entry.Aliases.Select(a => "a:" + a)))
            _pendingKeys[key] = id;
    }

    /// <summary>The write is in the writer: a refresh started after this may forget it (unless a newer decision replaced it).</summary>
    private void Settle(string id, Stored? entry, bool failed)
    {
        if (!_pending.TryGetValue(id, out var p) || !ReferenceEquals(p.Entry, entry) || p.Generation != InFlight) return;
        if (failed) _pending.Remove(id);
        else _pending[id] = (entry, ++_generation);
    }

    private void ForgetPending(long upTo)
    {
        lock (_pendingLock)
        {
            foreach (var id in _pending.Where(p => p.Value.Generation <= upTo).Select(p => p.Key).ToList()) _pending.Remove(id);
            foreach (var key in _pendingKeys.Where(k => !_pending.ContainsKey(k.Value)).Select(k => k.Key).ToList()) _pendingKeys.Remove(key);
        }
    }

    private static IEnumerable<string> LookupKeys(IdentityKeys keys)
    {
        if (keys.Repost is { } r) yield return "r:" + r;
        if (keys.BodyFingerprint is { } b) yield return "b:" + b;
    }

    /// <summary>The stored document with this id or alias, newest write first.</summary>
    private Stored? Find(string id)
    {
        lock (_pendingLock)
        {
            if (_pending.TryGetValue(id, out var p)) return p.Entry;
            if (_pendingKeys.TryGetValue("a:" + id, out var a) && _pending.TryGetValue(a, out var aliased)) return aliased.Entry;
        }
        return Schema.IdentityFields.Select(field => FindIndexed(new TermQuery(new Term(field, id)))).FirstOrDefault(found => found is not null);
    }

    private Stored? FindRepostOf(IdentityKeys keys)
    {
        foreach (var key in LookupKeys(keys))
        {
            if (_pendingKeys.TryGetValue(key, out var k) && _pending.TryGetValue(k, out var p) && p.Entry is not null) return p.Entry;
            var field = key.StartsWith("r:", StringComparison.Ordinal) ? Schema.RepostKey : Schema.BodyKey;
            if (FindIndexed(new TermQuery(new Term(field, key[2..]))) is { } found) return found;
        }
        return null;
    }

    /// <summary>First match among searcher-visible documents, unless a newer write replaced or deleted it.</summary>
    private Stored? FindIndexed(Query query) => WithSearcher(searcher =>
    {
        var top = searcher.Search(query, 1);
        if (top.TotalHits == 0) return null;
        var stored = searcher.Doc(top.ScoreDocs[0].Doc);
        var document = DocumentMapper.FromStored(stored);
        lock (_pendingLock)
            if (_pending.TryGetValue(document.Id, out var newer)) return newer.Entry;
        return new Stored(document, stored.GetValues(Schema.Alias));
    });
}
