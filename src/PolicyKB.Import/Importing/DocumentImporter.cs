using System.Runtime.ExceptionServices;
using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>
/// Imports files, folders and fetched bytes into an <see cref="IDocumentSink"/>: parses each, upserts it (identical content
/// is left alone, changed content updates the stored document), commits every batch and at the end, and reports one result
/// per file. A bad file is reported with its reason and skipped; it never stops the run.
/// Pages are imported before attachment files so that a PDF/DOCX linked by a notice of the same run gets that notice as parent.
/// Files are parsed and upserted on all cores (<see cref="ImportOptions.Parallelism"/>); results are reported in file order.
/// Not thread-safe itself: one importer per writer, one call at a time.
/// </summary>
public sealed class DocumentImporter
{
    private static readonly HashSet<string> AttachmentExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".docx" };

    private readonly IDocumentSink _sink;
    private readonly DocumentParser _parser;
    private readonly ImportOptions _options;
    private readonly TimeProvider _clock;
    private int _uncommitted;

    /// <param name="clock">When each file is read: the time of the version it adds (default: the system clock).</param>
    public DocumentImporter(IDocumentSink sink, DocumentParser parser, ImportOptions? options = null, TimeProvider? clock = null)
    {
        _sink = sink;
        _parser = parser;
        _options = options ?? new ImportOptions();
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The files an import of these paths reads, in import order (pages first); for a progress bar's total.</summary>
    public IReadOnlyList<string> FilesOf(IEnumerable<string> paths) => Walk(paths, _options).Files;

    /// <summary>
    /// The files an import of these paths takes, pages before attachment files (so that an attachment finds its notice
    /// stored), with the links left outside and the cap; also what `policykb import --server` uploads, in this order.
    /// </summary>
    public static FolderWalkResult Walk(IEnumerable<string> paths, ImportOptions options)
    {
        var walk = FolderWalk.Files(paths, f => options.Extensions.Contains(Path.GetExtension(f)), options.MaxFiles);
        var ordered = walk.Files.OrderBy(f => AttachmentExtensions.Contains(Path.GetExtension(f)) ? 1 : 0).ThenBy(f => f, StringComparer.Ordinal).ToList();
        return walk with { Files = ordered };
    }

    public ImportReport ImportPaths(IEnumerable<string> paths, IProgress<ImportFileResult>? progress = null, CancellationToken ct = default)
    {
        var results = new List<ImportFileResult>();
        var list = paths.ToList();
        foreach (var missing in list.Where(p => !Directory.Exists(p) && !File.Exists(p)))
            Report(results, progress, ImportFileResult.Fail(missing, "no such file or folder"));
        var walk = Walk(list, _options);
        foreach (var refusal in walk.Refusals(list)) Report(results, progress, refusal);
        try
        {
            // Pages, then attachment files (Walk's order): an attachment finds its notice among the pages already stored.
            foreach (var group in walk.Files.GroupBy(f => AttachmentExtensions.Contains(Path.GetExtension(f))))
            {
                var imported = group.AsParallel().AsOrdered()
                    .WithDegreeOfParallelism(Math.Max(1, _options.Parallelism))
                    .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                    .WithCancellation(ct)
                    .Select(ImportFile);
                foreach (var result in imported)
                {
                    Report(results, progress, result);
                    if (Volatile.Read(ref _uncommitted) >= _options.BatchSize) Commit();
                }
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // A worker's failure (the sink's, say) reaches the caller as itself, as it did on one thread.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        finally
        {
            if (_uncommitted > 0) Commit();
        }
        return new ImportReport(results);
    }

    /// <summary>Imports one page or file given as bytes (the crawler, POST /api/import) and commits it.</summary>
    public ImportFileResult ImportBytes(byte[] content, PageSource source)
    {
        var name = source.Url ?? source.FilePath ?? "(bytes)";
        if (content.LongLength > _options.MaxFileBytes) return ImportFileResult.Fail(name, TooLarge(content.LongLength));
        var result = Store(name, content, source);
        if (_uncommitted > 0) Commit();
        return result;
    }

    private ImportFileResult ImportFile(string path)
    {
        if (!_options.Extensions.Contains(Path.GetExtension(path)))
            return ImportFileResult.Fail(path, $"unsupported file type '{Path.GetExtension(path)}': import takes {string.Join(", ", _options.Extensions)}");
        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxFileBytes) return ImportFileResult.Fail(path, TooLarge(length));
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportFileResult.Fail(path, $"cannot read the file: {e.Message}");
        }
        return Store(path, content, new PageSource(FilePath: Path.GetFullPath(path)));
    }

    private ImportFileResult Store(string name, byte[] content, PageSource source)
    {
        var parsed = _parser.Parse(content, source);
        if (parsed.Document is not { } doc) return ImportFileResult.Fail(name, parsed.Error ?? "not parsed", parsed.Warnings);
        doc = LinkToParent(doc, source);
        // This reading is a version, as a crawler's fetch is: a file imported again with another text keeps the one it replaces.
        if (doc.Versions.Count == 0) doc = doc with { Versions = [new DocumentVersion(_clock.GetUtcNow(), doc.ContentHash)] };
        // The sink alone decides what the document is (new, updated, unchanged, a repost of one it holds).
        UpsertOutcome outcome;
        try { outcome = _sink.Upsert(doc); }
        catch (DocumentRejectedException e) { return ImportFileResult.Fail(name, e.Message, parsed.Warnings); }
        if (outcome != UpsertOutcome.Unchanged) Interlocked.Increment(ref _uncommitted);
        var status = outcome switch
        {
            UpsertOutcome.Added => ImportStatus.Imported,
            UpsertOutcome.Updated => ImportStatus.Updated,
            _ => ImportStatus.Unchanged,
        };
        return new ImportFileResult(name, status, doc.Id, doc.Title, parsed.Warnings, null);
    }

    /// <summary>
    /// An attachment file that a stored notice links by file name (the sink sees the notices of this run too: pages are
    /// imported first) becomes a child of that notice, under the attachment's address, issued and dated as the notice
    /// where the file says nothing of its own. The 文号 stays the notice's alone.
    /// </summary>
    private PolicyDocument LinkToParent(PolicyDocument doc, PageSource source)
    {
        var name = source.FilePath ?? (source.Url is { } url ? url.Split('?', '#')[0] : null);
        if (name is null || !AttachmentExtensions.Contains(Path.GetExtension(name))) return doc;
        var file = Path.GetFileName(name);
        if (_sink.FindAttachmentParent(file) is not { } notice) return doc;
        var link = notice.Attachments.FirstOrDefault(a => string.Equals(a.FileName, file, StringComparison.OrdinalIgnoreCase));
        doc = doc with
        {
            ParentId = notice.Id,
            Site = notice.Site,
            Issuers = doc.Issuers.Count > 0 ? doc.Issuers : notice.Issuers,
            IssuersRaw = doc.Issuers.Count > 0 ? doc.IssuersRaw : notice.IssuersRaw,
            WrittenDate = doc.WrittenDate ?? notice.WrittenDate,
            PublishedDate = doc.PublishedDate ?? notice.PublishedDate,
        };
        if (doc.Url is null && link?.Url is { } address)
            doc = doc with { Url = address, Id = DocumentId.FromUrl(address), Sources = [new DocumentSource(DocumentId.CanonicalUrl(address), notice.Site)] };
        return doc with { ContentHash = PolicyDocument.HashOf(doc) };
    }

    /// <summary>Commits what is upserted; upserts of other threads may land on either side of it and are counted for the next.</summary>
    private void Commit()
    {
        var counted = Volatile.Read(ref _uncommitted);
        _sink.Commit();
        Interlocked.Add(ref _uncommitted, -counted);
    }

    private string TooLarge(long length)
        => $"file is {length / (1024.0 * 1024.0):0.0} MB, over the {_options.MaxFileBytes / (1024.0 * 1024.0):0.#} MB limit";

    private static void Report(List<ImportFileResult> results, IProgress<ImportFileResult>? progress, ImportFileResult result)
    {
        results.Add(result);
        progress?.Report(result);
    }
}
