using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Model;
using PolicyKB.Search.Analysis;
using PolicyKB.Search.Facets;
using PolicyKB.Search.Indexing;
using PolicyKB.Search.Querying;
using PolicyKB.Search.Ingest;
using PolicyKB.Search.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyKB.Search;

/// <summary>
/// The Lucene.Net index of a knowledge-base folder (files in DIR/lucene), opened for writing (<see cref="Open"/>: the
/// folder's one writer, holding its <see cref="WriterLock"/> for its whole life; searches read near-real-time searchers
/// refreshed in the background or by <see cref="Refresh"/> and <see cref="Commit"/>) or for reading
/// (<see cref="OpenReadOnly"/>: never writes a file, and sees the writer's commits as they land). Thread-safe.
/// </summary>
public sealed partial class PolicyIndex : IPolicyIndex
{
    private readonly LuceneDirectory _luceneDirectory;
    /// <summary>Null when the index was opened read-only.</summary>
    private readonly IndexWriter? _writer;
    private readonly int _tailMergeAfter;
    private readonly WriterLock? _lock;
    private readonly SearcherManager _searchers;
    private readonly ITimer _refreshTimer;
    private readonly TimeSpan _refreshInterval;
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(10);
    private long _lastWrite;
    private long _lastRefresh;
    private readonly TimeProvider _clock;
    private readonly Analyzer _recall = new RecallAnalyzer();
    private readonly WordAnalyzer _words;
    private readonly QueryCompiler _compiler;
    private readonly int _parallelSearchFrom;
    private readonly SegmentCountCache _counts;
    private DateTimeOffset? _lastCommit;
    private int _disposed;

    public string Directory { get; }

    // Segments name their codec: it must be known before any index is read.
    static PolicyIndex() => PolicyCodec.Register();

    private PolicyIndex(string directory, LuceneDirectory luceneDirectory, IndexWriter? writer, WriterLock? writerLock, WordAnalyzer words, PolicyIndexOptions options, DateTimeOffset? lastCommit)
    {
        Directory = directory;
        _luceneDirectory = luceneDirectory;
        _writer = writer;
        _lock = writerLock;
        _clock = options.Clock;
        _statusRules = StatusRulesOver(options);
        _lastCommit = lastCommit;
        _words = words;
        _compiler = new QueryCompiler(_recall, _words, options.ResolveThesaurus());
        _searchers = writer is null
            ? new SearcherManager(luceneDirectory, new Bm25SearcherFactory())
            : new SearcherManager(writer, true, new Bm25SearcherFactory());
        _ingest = new DocumentIngest(this);
        _refreshInterval = options.RefreshInterval;
        _parallelSearchFrom = options.ParallelSearchFrom;
        _tailMergeAfter = options.TailMergeAfter;
        _counts = new SegmentCountCache(options.CountCache);
        _refreshTimer = _clock.CreateTimer(_ => RefreshQuietly(), null, options.RefreshInterval, options.RefreshInterval);
    }

    /// <summary>Opens for writing (creating when missing) the index in <paramref name="directory"/>/lucene: takes the folder's write lock.</summary>
    /// <exception cref="KnowledgeBaseLockedException">another writer holds the folder</exception>
    /// <exception cref="IndexVersionException">the index has another schema version</exception>
    public static PolicyIndex Open(string directory, PolicyIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var full = Path.GetFullPath(directory);
        var writerLock = WriterLock.Acquire(full, options.WriterCommand, options.Clock);
        var path = Path.Combine(full, "lucene");
        LuceneDirectory? lucene = null;
        IndexWriter? writer = null;
        try
        {
            System.IO.Directory.CreateDirectory(path);
            lucene = new MappedDirectory(path);
            var existing = ReadCommitData(lucene);
            if (existing is not null && existing.GetValueOrDefault(Schema.VersionKey) != Schema.Version)
                throw new IndexVersionException(full, existing.GetValueOrDefault(Schema.VersionKey), Schema.Version);

            var words = new WordAnalyzer(options.Data.UserDictionary);
            var analyzer = new PerFieldAnalyzerWrapper(new RecallAnalyzer(), Schema.WordFields.ToDictionary(f => f, _ => (Analyzer)words));
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                WriteLockTimeout = 0,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 64,
                Codec = new PolicyCodec(),
                MergePolicy = options.Merges(),
            };
            // Only a writer of another kind (not policykb, or a version before the folder lock) can hold Lucene's own lock here.
            try { writer = new IndexWriter(lucene, config); }
            catch (LockObtainFailedException e) { throw new KnowledgeBaseLockedException(full, null, e); }

            if (existing is null)
            {
                // Record the schema version right away, so the folder is recognisable even before the first import commit.
                writer.SetCommitData(new Dictionary<string, string> { [Schema.VersionKey] = Schema.Version });
                writer.Commit();
            }
            return new PolicyIndex(full, lucene, writer, writerLock, words, options, ParseCommitTime(existing));
        }
        catch
        {
            // A data file that fails to load fails here, after the writer holds Lucene's lock: let go of it, write nothing.
            writer?.Rollback();
            lucene?.Dispose();
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>Loads SmartCn's dictionaries on another core, so a short-lived process can open its index meanwhile.</summary>
    public static Task PreloadAnalysis() => WordAnalyzer.Preload();

    /// <summary>
    /// Opens the folder's index for reading only: no lock, no commit, no file written (a read-only copy or a backup
    /// stays as it was), while a writer in another process may go on. Commits the writer makes are seen within
    /// <see cref="PolicyIndexOptions.RefreshInterval"/>.
    /// </summary>
    /// <exception cref="IndexMissingException">the folder holds no committed index</exception>
    /// <exception cref="IndexVersionException">the index has another schema version</exception>
    public static PolicyIndex OpenReadOnly(string directory, PolicyIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var full = Path.GetFullPath(directory);
        var path = Path.Combine(full, "lucene");
        if (!System.IO.Directory.Exists(path)) throw new IndexMissingException(full);
        // No lock factory: a reader takes no lock and must not create a write.lock in a read-only folder.
        var lucene = new MappedDirectory(path, NoLockFactory.GetNoLockFactory());
        try
        {
            var existing = ReadCommitData(lucene) ?? throw new IndexMissingException(full);
            if (existing.GetValueOrDefault(Schema.VersionKey) != Schema.Version)
                throw new IndexVersionException(full, existing.GetValueOrDefault(Schema.VersionKey), Schema.Version);
            return new PolicyIndex(full, lucene, null, null, new WordAnalyzer(options.Data.UserDictionary), options, ParseCommitTime(existing));
        }
        catch
        {
            lucene.Dispose();
            throw;
        }
    }

    /// <summary>Segments whose facet counts a search took from the count cache instead of counting them.</summary>
    internal long CountsReused => _counts.Served;

    /// <summary>True when this index was opened with <see cref="OpenReadOnly"/>.</summary>
    public bool IsReadOnly => _writer is null;

    private IndexWriter Writer => _writer ?? throw new IndexReadOnlyException(Directory);

    /// <summary>Runs Lucene's CheckIndex over the folder's index (read-only) and reports counts and problems.</summary>
    public static CheckReport Check(string directory)
    {
        var full = Path.GetFullPath(directory);
        var path = Path.Combine(full, "lucene");
        if (!System.IO.Directory.Exists(path))
            return new CheckReport(full, false, 0, 0, false, null, null, [$"No index in '{full}': import documents first."]);
        using var lucene = new MappedDirectory(path);
        var data = ReadCommitData(lucene);
        if (data is null)
            return new CheckReport(full, false, 0, 0, false, null, null, [$"No committed index in '{path}'."]);
        var status = new CheckIndex(lucene).DoCheckIndex();
        var problems = new List<string>();
        var version = data.GetValueOrDefault(Schema.VersionKey);
        if (version != Schema.Version) problems.Add($"Schema version {version ?? "unknown"}, expected {Schema.Version}: re-import.");
        if (status.MissingSegments) problems.Add("The segments file is missing.");
        if (status.CantOpenSegments) problems.Add("The segments file cannot be opened.");
        if (status.ToolOutOfDate) problems.Add("The index was written by a newer Lucene version.");
        if (status.NumBadSegments > 0) problems.Add($"{status.NumBadSegments} damaged segment(s); {status.TotLoseDocCount} document(s) would be lost by repairing. Re-import to rebuild.");
        foreach (var s in status.SegmentInfos)
        {
            foreach (var error in new Exception?[] { s.FieldNormStatus?.Error, s.TermIndexStatus?.Error, s.StoredFieldStatus?.Error, s.TermVectorStatus?.Error, s.DocValuesStatus?.Error })
                if (error is not null) problems.Add($"Segment {s.Name}: {error.Message}");
        }
        var documents = status.SegmentInfos.Sum(s => s.DocCount - s.NumDeleted);
        return new CheckReport(full, true, documents, status.NumSegments, status.Clean && problems.Count == 0, version, ParseCommitTime(data), problems);
    }

    private static Dictionary<string, string>? ReadCommitData(LuceneDirectory lucene)
    {
        if (!DirectoryReader.IndexExists(lucene)) return null;
        var infos = new SegmentInfos();
        infos.Read(lucene);
        return new Dictionary<string, string>(infos.UserData);
    }

    private static DateTimeOffset? ParseCommitTime(Dictionary<string, string>? data) =>
        data?.TryGetValue(Schema.CommittedAtKey, out var s) == true && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    public int Count => WithSearcher(s => s.IndexReader.NumDocs);

    public DateTimeOffset? LastCommit => _lastCommit;

    /// <summary>Makes everything upserted durable (with the schema version and commit time) and visible to searches.</summary>
    public void Commit()
    {
        var writer = Writer;
        RevisitStatuses();
        var now = _clock.GetUtcNow();
        writer.SetCommitData(new Dictionary<string, string>
        {
            [Schema.VersionKey] = Schema.Version,
            [Schema.CommittedAtKey] = now.ToString("O", CultureInfo.InvariantCulture),
        });
        writer.Commit();
        // After a batch of writes, the small segments it left (a long import's tiers, a crawl's pages) become one.
        // Only the commit that takes the count merges, when two commit together.
        if (Volatile.Read(ref _writesSinceTailMerge) >= _tailMergeAfter && Interlocked.Exchange(ref _writesSinceTailMerge, 0) >= _tailMergeAfter
            && SegmentMerges.MergeTail(writer))
            writer.Commit();
        _lastCommit = now;
        Refresh();
    }

    /// <summary>Documents written since the small segments were last merged together.</summary>
    private int _writesSinceTailMerge;

    public void Refresh()
    {
        long generation;
        lock (_pendingLock) generation = _generation;
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _lastRefresh, _clock.GetTimestamp());
        ForgetPending(generation);
    }

    /// <summary>
    /// The background refresh. Every reopen flushes the writer's buffer into a new small segment, which made a bulk
    /// import three times slower; so while writes keep arriving the reopen waits (up to <see cref="MaxStaleness"/>),
    /// and an import's own commits make its batches visible. Lookups of unrefreshed writes go through _pending.
    /// </summary>
    private void RefreshQuietly()
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        var now = _clock.GetTimestamp();
        if (_writer is not null && _clock.GetElapsedTime(Volatile.Read(ref _lastWrite), now) < _refreshInterval
            && _clock.GetElapsedTime(Volatile.Read(ref _lastRefresh), now) < MaxStaleness) return;
        try { Refresh(); }
        catch (ObjectDisposedException) { /* closing */ }
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try { return action(searcher); }
        finally { _searchers.Release(searcher); }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _refreshTimer.Dispose();
        try
        {
            if (_writer is not null) Commit();
        }
        finally
        {
            _searchers.Dispose();
            _writer?.Dispose();
            _luceneDirectory.Dispose();
            // Last: the folder is free only once the writer has let go of every file.
            _lock?.Dispose();
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
