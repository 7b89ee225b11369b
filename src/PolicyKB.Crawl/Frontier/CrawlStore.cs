using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace PolicyKB.Crawl;

/// <summary>What a frontier row is (stored as its number: keep the order).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageKind>))]
public enum PageKind { List, Detail, Attachment }

/// <summary>One URL the crawler knows, with the state of its latest visit.</summary>
internal sealed record PageRecord
{
    public required string Url { get; init; }
    public required string Site { get; init; }
    public PageKind Kind { get; init; }
    /// <summary>An attachment's notice URL.</summary>
    public string? Parent { get; init; }
    /// <summary>The link's text where it was found (an attachment's name).</summary>
    public string? LinkText { get; init; }
    /// <summary>The run that stored this page's snapshot and still has to import it.</summary>
    public long? FetchedRun { get; init; }
    /// <summary>The run that finished this page (fetched and imported, unchanged, or given up).</summary>
    public long? DoneRun { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>Hash of the latest snapshot (see <see cref="SnapshotStore"/>).</summary>
    public string? Snapshot { get; init; }
    public string? ContentType { get; init; }
    /// <summary>The page's URL on the real site (differs from <see cref="Url"/> on a mirror).</summary>
    public string? SiteUrl { get; init; }
    public string? DocumentId { get; init; }
    public string? Error { get; init; }
    /// <summary>When a detail page was last found unchanged or imported; a crawl leaves it alone until its re-check is due.</summary>
    public DateTimeOffset? CheckedAt { get; init; }
}

/// <summary>A new link for the frontier.</summary>
internal sealed record DiscoveredPage(string Url, PageKind Kind, string? Parent = null, string? LinkText = null);

/// <summary>One line of the fetch log.</summary>
internal sealed record FetchLogEntry(long Run, string Url, DateTimeOffset At, string Outcome, int HttpStatus, int Attempts, long Bytes, string? Error);

/// <summary>
/// The crawl's frontier and fetch log in DIR/crawl.db. Every state change of a page is one transaction, so a
/// crawl killed at any moment resumes where it stopped: finished pages are not fetched again, none are lost.
/// Runs are per site; an unfinished run is resumed by the next crawl of that site.
/// </summary>
internal sealed class CrawlStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();

    private CrawlStore(SqliteConnection db) => _db = db;

    public static CrawlStore Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, started TEXT NOT NULL, finished TEXT);
            CREATE TABLE IF NOT EXISTS pages (
                url TEXT PRIMARY KEY, site TEXT NOT NULL, kind INTEGER NOT NULL, parent TEXT, link_text TEXT,
                seq INTEGER NOT NULL, fetched_run INTEGER, done_run INTEGER, etag TEXT, last_modified TEXT,
                snapshot TEXT, content_type TEXT, site_url TEXT, document_id TEXT, error TEXT);
            CREATE INDEX IF NOT EXISTS pages_due ON pages (site, kind, seq);
            CREATE INDEX IF NOT EXISTS pages_parent ON pages (parent);
            CREATE TABLE IF NOT EXISTS fetch_log (id INTEGER PRIMARY KEY AUTOINCREMENT, run INTEGER NOT NULL, url TEXT NOT NULL,
                at TEXT NOT NULL, outcome TEXT NOT NULL, http INTEGER NOT NULL, attempts INTEGER NOT NULL, bytes INTEGER NOT NULL, error TEXT);
            """;
        cmd.ExecuteNonQuery();
        // crawl.db files of earlier versions have no checked_at: their pages are checked once more, then kept as fresh.
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_table_info('pages') WHERE name = 'checked_at'";
        if ((long)cmd.ExecuteScalar()! == 0)
        {
            cmd.CommandText = "ALTER TABLE pages ADD COLUMN checked_at TEXT";
            cmd.ExecuteNonQuery();
        }
        return new CrawlStore(db);
    }

    /// <summary>The site's unfinished run (resumed = true), else a new one.</summary>
    public long BeginRun(string site, DateTimeOffset now, out bool resumed)
    {
        lock (_lock)
        {
            var open = Scalar("SELECT id FROM runs WHERE site = $site AND finished IS NULL ORDER BY id DESC LIMIT 1", ("$site", site));
            resumed = open is not null;
            return open is long id ? id : (long)Scalar("INSERT INTO runs (site, started) VALUES ($site, $at) RETURNING id", ("$site", site), ("$at", now.ToString("O")))!;
        }
    }

    public void FinishRun(long run, DateTimeOffset now)
    {
        lock (_lock) Execute("UPDATE runs SET finished = $at WHERE id = $run", ("$at", now.ToString("O")), ("$run", run));
    }

    /// <summary>Adds pages not yet known (known ones keep their state); returns how many were new.</summary>
    public int Add(string site, IEnumerable<DiscoveredPage> pages)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var added = AddInTransaction(site, pages);
            tx.Commit();
            return added;
        }
    }

    /// <summary>
    /// The next list or detail page of the site that this run has not finished, list pages first, then in discovery
    /// order. A detail page checked after <paramref name="freshSince"/> is not due, unless it or one of its attachments
    /// failed last time.
    /// </summary>
    public PageRecord? NextDue(string site, long run, DateTimeOffset freshSince)
    {
        lock (_lock)
            return Query($"SELECT * FROM pages WHERE site = $site AND kind <> $att AND (done_run IS NULL OR done_run < $run) AND NOT ({Fresh}) ORDER BY kind, seq LIMIT 1",
                FreshParameters(site, run, freshSince)).FirstOrDefault();
    }

    /// <summary>Detail pages of the site that this run left alone because they were checked after <paramref name="freshSince"/>.</summary>
    public int CountFresh(string site, long run, DateTimeOffset freshSince)
    {
        lock (_lock)
            return (int)(long)Scalar($"SELECT COUNT(*) FROM pages WHERE site = $site AND (done_run IS NULL OR done_run < $run) AND {Fresh}",
                FreshParameters(site, run, freshSince))!;
    }

    /// <summary>
    /// A detail page checked after the cut-off that neither failed nor has an attachment that failed (strictly after:
    /// with a period of 0, a page checked at the instant the run starts is due).
    /// </summary>
    private const string Fresh = """
        kind = $detail AND error IS NULL AND checked_at IS NOT NULL AND checked_at > $fresh
        AND NOT EXISTS (SELECT 1 FROM pages a WHERE a.parent = pages.url AND a.kind = $att AND a.error IS NOT NULL)
        """;

    private static (string, object?)[] FreshParameters(string site, long run, DateTimeOffset freshSince) =>
        [("$site", site), ("$att", (long)PageKind.Attachment), ("$detail", (long)PageKind.Detail), ("$run", run), ("$fresh", Stamp(freshSince))];

    /// <summary>UTC in the round-trip format: such stamps sort as text in time order.</summary>
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public PageRecord? Get(string url)
    {
        lock (_lock) return Query("SELECT * FROM pages WHERE url = $url", ("$url", url)).FirstOrDefault();
    }

    public IReadOnlyList<PageRecord> Attachments(string parentUrl)
    {
        lock (_lock) return Query("SELECT * FROM pages WHERE parent = $p AND kind = $att ORDER BY seq", ("$p", parentUrl), ("$att", (long)PageKind.Attachment));
    }

    /// <summary>Detail pages with a snapshot, for reparse (all sites when <paramref name="site"/> is null).</summary>
    public IReadOnlyList<PageRecord> Snapshotted(string? site = null)
    {
        lock (_lock)
            return Query("SELECT * FROM pages WHERE kind = $detail AND snapshot IS NOT NULL AND ($site IS NULL OR site = $site) ORDER BY seq",
                ("$detail", (long)PageKind.Detail), ("$site", (object?)site ?? DBNull.Value));
    }

    /// <summary>Records a fetch in one transaction: the page's new state, the links found on it, the log line.</summary>
    public void Record(PageRecord page, IEnumerable<DiscoveredPage> discovered, FetchLogEntry? log)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Execute("""
                UPDATE pages SET fetched_run = $fr, done_run = $dr, etag = $etag, last_modified = $lm, snapshot = $snap,
                    content_type = $ct, site_url = $su, document_id = $doc, error = $err, checked_at = $checked WHERE url = $url
                """,
                ("$fr", page.FetchedRun), ("$dr", page.DoneRun), ("$etag", page.ETag), ("$lm", page.LastModified), ("$snap", page.Snapshot),
                ("$ct", page.ContentType), ("$su", page.SiteUrl), ("$doc", page.DocumentId), ("$err", page.Error),
                ("$checked", page.CheckedAt is { } checkedAt ? Stamp(checkedAt) : null), ("$url", page.Url));
            AddInTransaction(page.Site, discovered);
            if (log is not null)
                Execute("INSERT INTO fetch_log (run, url, at, outcome, http, attempts, bytes, error) VALUES ($run, $url, $at, $o, $h, $a, $b, $e)",
                    ("$run", log.Run), ("$url", log.Url), ("$at", log.At.ToString("O")), ("$o", log.Outcome), ("$h", log.HttpStatus),
                    ("$a", log.Attempts), ("$b", log.Bytes), ("$e", log.Error));
            tx.Commit();
        }
    }

    /// <summary>The fetch log of one run, oldest first.</summary>
    public IReadOnlyList<FetchLogEntry> Log(long run)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT run, url, at, outcome, http, attempts, bytes, error FROM fetch_log WHERE run = $run ORDER BY id", ("$run", run));
            using var r = cmd.ExecuteReader();
            var list = new List<FetchLogEntry>();
            while (r.Read())
                list.Add(new FetchLogEntry(r.GetInt64(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                    r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7)));
            return list;
        }
    }

    private int AddInTransaction(string site, IEnumerable<DiscoveredPage> pages)
    {
        var added = 0;
        foreach (var p in pages)
            added += Execute("""
                INSERT OR IGNORE INTO pages (url, site, kind, parent, link_text, seq)
                VALUES ($url, $site, $kind, $parent, $text, (SELECT IFNULL(MAX(seq), 0) + 1 FROM pages))
                """,
                ("$url", p.Url), ("$site", site), ("$kind", (long)p.Kind), ("$parent", p.Parent), ("$text", p.LinkText));
        return added;
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private int Execute(string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private List<PageRecord> Query(string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<PageRecord>();
        string? S(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetString(r.GetOrdinal(c));
        long? L(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetInt64(r.GetOrdinal(c));
        while (r.Read())
            list.Add(new PageRecord
            {
                Url = S("url")!, Site = S("site")!, Kind = (PageKind)L("kind")!.Value, Parent = S("parent"), LinkText = S("link_text"),
                FetchedRun = L("fetched_run"), DoneRun = L("done_run"), ETag = S("etag"), LastModified = S("last_modified"),
                Snapshot = S("snapshot"), ContentType = S("content_type"), SiteUrl = S("site_url"), DocumentId = S("document_id"), Error = S("error"),
                CheckedAt = S("checked_at") is { } c ? DateTimeOffset.Parse(c, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind) : null,
            });
        return list;
    }

    public void Dispose() => _db.Dispose();
}
