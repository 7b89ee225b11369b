using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Ingest;
using PolicyKB.Search.Status;

namespace PolicyKB.Search;

/// <summary>
/// The document store side: documents keyed by id (and by the ids of the sources folded into them), found by their
/// identity keys, written and deleted. It decides nothing: <see cref="DocumentIngest"/> alone decides what an incoming
/// document is (new, updated, unchanged, a repost) and stages the result here. Writes not yet visible to searchers are
/// remembered (<c>_pending</c>) so that an import batch sees its own documents without a reopen per document.
/// </summary>
public sealed partial class PolicyIndex
{
    internal sealed record Stored(PolicyDocument Document, IReadOnlyList<string> Aliases)
    {
        /// <summary>The 效力 facet value a status revisit decided; null: the document's own words decide it (<see cref="OwnStatusValue"/>).</summary>
        public string? StatusValue { get; init; }

        private IdentityKeys? _keys;

        /// <summary>
        /// A document as the ingest decided it: its aliases are the ids of the other sources it holds. With the reading
        /// of its text by the status phrases, when the ingest read it before deciding (the incoming text).
        /// </summary>
        public static Stored Of(PolicyDocument document, StatusReading? reading = null) =>
            new(document, document.Sources.Select(s => s.Id).OfType<string>().Where(id => id != document.Id).Distinct().ToList())
            {
                StatusValue = reading?.OwnValue,
                _acts = reading?.Acts,
            };

        /// <summary>The document's repost key and body fingerprint, computed once (hashing a body is not free).</summary>
        public IdentityKeys Keys => _keys ??= DocumentKeys.IdentityOf(Document);

        private NamedActs? _acts;

        /// <summary>
        /// What the document repeals or revises, read from its text once: the ingest names it for a status revisit when it
        /// stages the document, and the writer indexes it (every clause of the body is matched against the phrases).
        /// </summary>
        public NamedActs Acts(StatusRules rules) => _acts ??= rules.NamedInActs(Document);
    }

    private readonly DocumentIngest _ingest;
    private readonly object _pendingLock = new();
    private long _generation;
    /// <summary>Marks a write still on its way into the writer: never forgotten by a refresh.</summary>
    private const long InFlight = long.MaxValue;
    /// <summary>id → document written since the last refresh (null: deleted), with the write's generation.</summary>
    private readonly Dictionary<string, (Stored? Entry, long Generation)> _pending = new(StringComparer.Ordinal);
    /// <summary>文号, body fingerprint, alias or attachment file → ids, for documents in <see cref="_pending"/>.</summary>
    private readonly Dictionary<string, HashSet<string>> _pendingKeys = new(StringComparer.Ordinal);
    /// <summary>Writes of one id reach the writer in the order they were decided; different ids analyse in parallel.</summary>
    private readonly object[] _idLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    /// <summary>Hands the document to the one ingest path, which decides what it is and stores it.</summary>
    public UpsertOutcome Upsert(PolicyDocument document) => _ingest.Ingest(document);

    public PolicyDocument? Get(string id) => Find(id)?.Document;

    public PolicyDocument? FindAttachmentParent(string fileName)
    {
        var key = AttachmentKey(fileName);
        return key.Length == 0 ? null : FindAll("f:" + key, Schema.AttachmentFile, key).FirstOrDefault()?.Document;
    }

    /// <summary>Removes the document, or only the source with this id from the document that holds it: nothing else is lost.</summary>
    public bool Delete(string id) => _ingest.Remove(id);

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

    /// <summary>Held by the ingest while it decides, so that two decisions never see each other half done.</summary>
    internal object DecisionLock => _pendingLock;

    /// <summary>The stored document with this id or alias, newest write first.</summary>
    internal Stored? Find(string id)
    {
        lock (_pendingLock)
        {
            if (_pending.TryGetValue(id, out var p)) return p.Entry;
            foreach (var aliased in PendingWith("a:" + id)) return aliased;
        }
        return Schema.IdentityFields.Select(field => FindIndexed(new TermQuery(new Term(field, id)), 1).FirstOrDefault()).FirstOrDefault(found => found is not null);
    }

    /// <summary>Documents that share the 文号 or the body fingerprint of <paramref name="document"/>: the candidates for one text.</summary>
    internal IEnumerable<Stored> Candidates(PolicyDocument document)
    {
        var keys = DocumentKeys.IdentityOf(document);
        var found = new List<Stored>();
        if (DocumentKeys.DocNoKey(document.DocumentNumber) is { } no) found.AddRange(FindAll("n:" + no, Schema.DocNoKey, no));
        if (keys.BodyFingerprint is { } body) found.AddRange(FindAll("b:" + body, Schema.BodyKey, body));
        return found.DistinctBy(s => s.Document.Id);
    }

    /// <summary>Publishes a decided write to later decisions (as in flight); <see cref="Write"/> sends it to the writer.</summary>
    internal void Stage(Stored entry) => Remember(entry.Document.Id, entry);

    internal void StageDelete(string id) => Remember(id, null);

    /// <summary>
    /// Sends the latest decided write of an id to the writer (analysis happens here, outside the decision lock, so
    /// different ids index in parallel). Whichever thread gets here first writes the newest decision, so writes of one
    /// id never reach the index out of order.
    /// </summary>
    internal void Write(string id)
    {
        var writer = Writer;
        Volatile.Write(ref _lastWrite, _clock.GetTimestamp());
        Interlocked.Increment(ref _writesSinceTailMerge);
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
                if (current is null) writer.DeleteDocuments(new Term(Schema.Id, id));
                else
                {
                    var doc = DocumentMapper.ToLucene(current.Document, current.Aliases, current.Keys);
                    StatusFacet.AddTo(doc, current.Document, current.StatusValue ?? OwnStatusValue(current.Document), current.Acts(StatusRules), StatusRules);
                    writer.UpdateDocument(new Term(Schema.Id, id), doc);
                }
            }
            catch
            {
                lock (_pendingLock) Settle(id, current, failed: true);
                throw;
            }
            lock (_pendingLock) Settle(id, current, failed: false);
        }
    }

    /// <summary>True when storing <paramref name="document"/> would change nothing of <paramref name="existing"/>.</summary>
    internal static bool SameAsStored(Stored existing, PolicyDocument document) =>
        JsonSerializer.Serialize(existing.Document, PolicyJson.Options) == JsonSerializer.Serialize(document, PolicyJson.Options)
        && existing.Aliases.SequenceEqual(Stored.Of(document).Aliases);

    private void Remember(string id, Stored? entry)
    {
        _ = Writer;
        lock (_pendingLock)
        {
            _pending[id] = (entry, InFlight);
            if (entry is null) return;
            foreach (var key in PendingKeys(entry))
            {
                if (!_pendingKeys.TryGetValue(key, out var ids)) _pendingKeys[key] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(id);
            }
        }
    }

    private static IEnumerable<string> PendingKeys(Stored entry)
    {
        if (DocumentKeys.DocNoKey(entry.Document.DocumentNumber) is { } no) yield return "n:" + no;
        if (entry.Keys.BodyFingerprint is { } b) yield return "b:" + b;
        foreach (var alias in entry.Aliases) yield return "a:" + alias;
        foreach (var file in entry.Document.Attachments.Select(DocumentMapper.AttachmentFileKey).OfType<string>()) yield return "f:" + file;
    }

    /// <summary>Pending documents filed under a key whose latest write still has it.</summary>
    private IEnumerable<Stored> PendingWith(string key)
    {
        if (!_pendingKeys.TryGetValue(key, out var ids)) yield break;
        foreach (var id in ids)
            if (_pending.TryGetValue(id, out var p) && p.Entry is { } entry && PendingKeys(entry).Contains(key))
                yield return entry;
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
            foreach (var (key, ids) in _pendingKeys.ToList())
            {
                ids.RemoveWhere(id => !_pending.ContainsKey(id));
                if (ids.Count == 0) _pendingKeys.Remove(key);
            }
        }
    }

    /// <summary>Pending and searcher-visible documents under a key, newest write first, each once.</summary>
    private List<Stored> FindAll(string pendingKey, string field, string value)
    {
        List<Stored> found;
        lock (_pendingLock) found = PendingWith(pendingKey).ToList();
        found.AddRange(FindIndexed(new TermQuery(new Term(field, value)), MaxCandidates).Where(s => found.All(f => f.Document.Id != s.Document.Id)));
        return found;
    }

    /// <summary>How many stored documents under one key are compared with an incoming one (a 文号 rarely has more).</summary>
    private const int MaxCandidates = 50;

    private static string AttachmentKey(string fileName) => Path.GetFileName(fileName).Trim().ToLowerInvariant();

    /// <summary>
    /// Matches among searcher-visible documents, less those written since: their latest write is pending, and the
    /// pending lookups that come first find it when it still matches.
    /// </summary>
    private List<Stored> FindIndexed(Query query, int max) => WithSearcher(searcher =>
    {
        var found = new List<Stored>();
        foreach (var hit in searcher.Search(query, max).ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc);
            var document = DocumentMapper.FromStored(stored);
            lock (_pendingLock)
                if (_pending.ContainsKey(document.Id)) continue;
            found.Add(new Stored(document, stored.GetValues(Schema.Alias, CultureInfo.InvariantCulture)));
        }
        return found;
    });
}
