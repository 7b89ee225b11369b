using System.Diagnostics;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Benchmarks;

/// <summary>A search engine under test, as a query client: one query in, the number of hits out.</summary>
public interface IQueryClient : IDisposable
{
    /// <summary>Runs the query; <paramref name="full"/> adds counts for three facets (issuer, theme, year) and snippets of the top 10.</summary>
    int Run(BenchQuery query, bool full);
}

/// <summary>PolicyKB: pages parsed by DocumentParser and upserted into PolicyIndex, on all cores.</summary>
public static class PolicyKbEngine
{
    public const string Name = "PolicyKB";

    public static ImportResult Import(Workload workload, string indexDir)
    {
        var failed = 0;
        long parseTicks = 0, indexTicks = 0;
        long bytes;
        var watch = Stopwatch.StartNew();
        using (var index = PolicyIndex.Open(indexDir, BenchData.IndexOptions))
        {
            bytes = workload.ForEachPage(page =>
            {
                var start = Stopwatch.GetTimestamp();
                var result = BenchData.Parser.Parse(page.Html, new PageSource(page.Url, page.Path));
                var parsed = Stopwatch.GetTimestamp();
                Interlocked.Add(ref parseTicks, parsed - start);
                if (result.Document is not { } doc) Interlocked.Increment(ref failed);
                else
                {
                    try { index.Upsert(doc); }
                    catch (DocumentRejectedException) { Interlocked.Increment(ref failed); }
                }
                Interlocked.Add(ref indexTicks, Stopwatch.GetTimestamp() - parsed);
            });
            index.Commit();
        }
        watch.Stop();
        // Reading (or, for a streamed corpus, making) the pages is the rest of the threads' time.
        var loadTicks = (long)(watch.Elapsed.TotalSeconds * Stopwatch.Frequency) * Environment.ProcessorCount - parseTicks - indexTicks;
        // Where the threads spent their time: tells whether parsing or indexing bounds the rate.
        var total = (double)Math.Max(1, parseTicks + indexTicks + Math.Max(0, loadTicks));
        var made = workload.StreamSeed is null ? "reading files" : "making the streamed pages (included in the rate)";
        return new ImportResult(Name, workload.Documents - failed, failed, watch.Elapsed.TotalSeconds, bytes,
            Measure.DirectorySize(indexDir), Measure.PeakWorkingSet(),
            $"parse HTML + analyse + index; threads spent {100 * parseTicks / total:0}% parsing, {100 * indexTicks / total:0}% upserting, {100 * Math.Max(0, loadTicks) / total:0}% {made} or waiting");
    }

    /// <summary>Query clients share one index: it is thread-safe, as the service uses it.</summary>
    public static Func<IQueryClient> Clients(string indexDir)
    {
        var index = PolicyIndex.Open(indexDir, BenchData.IndexOptions);
        return () => new Client(index);
    }

    private sealed class Client(PolicyIndex index) : IQueryClient
    {
        public int Run(BenchQuery query, bool full)
        {
            // The three facets FTS5 counts too.
            var result = index.Search(query.Request(full, [FacetNames.Issuer, FacetNames.Theme, FacetNames.Year], full));
            return result.Total;
        }

        public void Dispose() { }
    }
}

/// <summary>The stack's limit: Lucene.Net indexing the pre-parsed text with CJKAnalyzer bigrams, no HTML, no normalisation, on all cores.</summary>
public static class BareLuceneEngine
{
    public const string Name = "bare Lucene.Net";

    public static ImportResult Import(Workload workload, string indexDir)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        long bytes;
        using (var dir = FSDirectory.Open(indexDir))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new CJKAnalyzer(LuceneVersion.LUCENE_48)) { RAMBufferSizeMB = 64 }))
        {
            bytes = workload.ForEachText(d =>
            {
                var doc = new Document
                {
                    new StringField("id", d.Url, Field.Store.YES),
                    new TextField("title", d.Title, Field.Store.YES),
                    new TextField("body", d.Body, Field.Store.YES),
                };
                writer.UpdateDocument(new Term("id", d.Url), doc);
                Interlocked.Increment(ref count);
            });
            writer.Commit();
        }
        watch.Stop();
        return new ImportResult(Name, count, 0, watch.Elapsed.TotalSeconds, bytes, Measure.DirectorySize(indexDir), Measure.PeakWorkingSet(),
            workload.StreamSeed is null ? "pre-parsed text; MB/s counted over the same HTML bytes" : "pre-parsed text made from the streamed pages (included in the rate); MB/s counted over the same HTML bytes");
    }
}

/// <summary>SQLite FTS5 with the trigram tokenizer over the pre-parsed text, facets in plain tables (one writer: SQLite's model).</summary>
public static class Fts5Engine
{
    public const string Name = "SQLite FTS5 trigram";
    private const string DatabaseFile = "fts5.db";

    public static string Version()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }

    public static ImportResult Import(Workload workload, string indexDir)
    {
        System.IO.Directory.CreateDirectory(indexDir);
        var watch = Stopwatch.StartNew();
        var count = 0;
        using (var c = Open(indexDir, readOnly: false))
        {
            Exec(c, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE docs(id INTEGER PRIMARY KEY, url TEXT UNIQUE, title TEXT, year INTEGER);
                CREATE TABLE facets(doc INTEGER, dim TEXT, value TEXT);
                CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='trigram');
                """);
            var tx = c.BeginTransaction();
            using var doc = Command(c, "INSERT INTO docs(id, url, title, year) VALUES ($id, $url, $title, $year)", "$id", "$url", "$title", "$year");
            using var fts = Command(c, "INSERT INTO fts(rowid, title, body) VALUES ($id, $title, $body)", "$id", "$title", "$body");
            using var facet = Command(c, "INSERT INTO facets(doc, dim, value) VALUES ($id, $dim, $value)", "$id", "$dim", "$value");
            doc.Transaction = fts.Transaction = facet.Transaction = tx;
            foreach (var d in workload.Texts())
            {
                var id = ++count;
                Bind(doc, id, d.Url, d.Title, d.Year).ExecuteNonQuery();
                Bind(fts, id, d.Title, d.Body).ExecuteNonQuery();
                foreach (var i in d.Issuers) Bind(facet, id, "issuer", i).ExecuteNonQuery();
                foreach (var t in d.Themes) Bind(facet, id, "theme", t).ExecuteNonQuery();
                if (count % 2000 == 0) { tx.Commit(); tx.Dispose(); tx = c.BeginTransaction(); doc.Transaction = fts.Transaction = facet.Transaction = tx; }
            }
            tx.Commit();
            tx.Dispose();
            Exec(c, "CREATE INDEX facets_dim_value ON facets(dim, value, doc); CREATE INDEX facets_doc ON facets(doc, dim); CREATE INDEX docs_year ON docs(year); PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        watch.Stop();
        return new ImportResult(Name, count, 0, watch.Elapsed.TotalSeconds, workload.HtmlBytes, Measure.DirectorySize(indexDir), Measure.PeakWorkingSet(),
            $"pre-parsed text, SQLite {Version()}; MB/s counted over the same HTML bytes");
    }

    public static Func<IQueryClient> Clients(string indexDir) => () => new Client(Open(indexDir, readOnly: true));

    private static SqliteConnection Open(string dir, bool readOnly)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dir, DatabaseFile),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        c.Open();
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
        return cmd;
    }

    private static SqliteCommand Bind(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        return cmd;
    }

    /// <summary>
    /// One connection a client. The trigram index serves terms of three characters or more; shorter terms
    /// (most Chinese words have two) can only be LIKE scans, which is how FTS5 trigram answers them.
    /// </summary>
    private sealed class Client(SqliteConnection connection) : IQueryClient
    {
        public int Run(BenchQuery query, bool full) => Answer(connection, query, full).Total;

        public void Dispose() => connection.Dispose();
    }

    /// <summary>Opens a read-only connection to the FTS5 database of <paramref name="indexDir"/> (one a thread: a connection is not shared).</summary>
    public static SqliteConnection OpenReadOnly(string indexDir) => Open(indexDir, readOnly: true);

    /// <summary>
    /// The answer to a query: the total, with <paramref name="full"/> the counts of three facets and the top 10 with
    /// their <c>snippet()</c>; without, the total and the top 10 titles.
    /// </summary>
    public static Fts5Answer Answer(SqliteConnection connection, BenchQuery query, bool full)
    {
        var (where, parameters) = Where(query);
        int total;
        var facets = new Dictionary<string, List<FacetCount>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.Parameters.AddRange(parameters());
            if (full)
            {
                // Total and three facets from one materialised match set.
                cmd.CommandText = $"""
                    WITH m AS MATERIALIZED (SELECT rowid AS id FROM fts WHERE {where})
                    SELECT 'total', NULL, count(*) FROM m
                    UNION ALL SELECT * FROM (SELECT 'issuer', value, count(*) AS n FROM facets JOIN m ON facets.doc = m.id WHERE dim = 'issuer' GROUP BY value ORDER BY n DESC LIMIT 20)
                    UNION ALL SELECT * FROM (SELECT 'theme', value, count(*) AS n FROM facets JOIN m ON facets.doc = m.id WHERE dim = 'theme' GROUP BY value ORDER BY n DESC LIMIT 20)
                    UNION ALL SELECT 'year', year, count(*) FROM docs JOIN m ON docs.id = m.id GROUP BY year
                    """;
                using var r = cmd.ExecuteReader();
                r.Read();
                total = r.GetInt32(2);
                while (r.Read())
                {
                    var dim = r.GetString(0);
                    if (!facets.TryGetValue(dim, out var list)) facets[dim] = list = [];
                    list.Add(new FacetCount(Convert.ToString(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ?? "", r.GetInt32(2)));
                }
            }
            else
            {
                cmd.CommandText = $"SELECT count(*) FROM fts WHERE {where}";
                total = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
        var hits = new List<Fts5Hit>();
        using (var top = connection.CreateCommand())
        {
            top.Parameters.AddRange(parameters());
            var ranked = where.Contains("MATCH");
            var snippet = full ? ", snippet(fts, 1, '<mark>', '</mark>', '…', 24)" : "";
            // Without MATCH there is no bm25 rank; such queries list by rowid, as an app would.
            top.CommandText = $"SELECT rowid, title{(ranked ? snippet : full ? ", substr(body, 1, 80)" : "")} FROM fts WHERE {where} ORDER BY {(ranked ? "rank" : "rowid DESC")} LIMIT 10";
            using var r = top.ExecuteReader();
            while (r.Read()) hits.Add(new Fts5Hit(r.GetInt64(0), r.GetString(1), full ? r.GetString(2) : null));
        }
        return new Fts5Answer(total, facets, hits);
    }

    /// <summary>
    /// The top URLs for a query typed as a researcher would (words split at spaces, quotes dropped), best first by FTS5's
    /// bm25 rank; a query of only short words has no MATCH and so no rank, and lists by rowid as the timed client does.
    /// </summary>
    public static Func<string, IReadOnlyList<string>> Ranker(string indexDir, int depth)
    {
        var connection = Open(indexDir, readOnly: true);
        return text =>
        {
            var terms = text.Replace("\"", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (where, parameters) = Where(new BenchQuery("judged", terms));
            using var cmd = connection.CreateCommand();
            cmd.Parameters.AddRange(parameters());
            var order = where.Contains("MATCH") ? "rank" : "-rowid";
            cmd.CommandText = $"SELECT (SELECT url FROM docs WHERE id = m.id) FROM (SELECT rowid AS id, {order} AS o FROM fts WHERE {where} ORDER BY o LIMIT {depth}) m ORDER BY m.o";
            using var r = cmd.ExecuteReader();
            var urls = new List<string>();
            while (r.Read()) urls.Add(r.GetString(0));
            return urls;
        };
    }

    private static (string Where, Func<SqliteParameter[]> Parameters) Where(BenchQuery query)
        {
            var clauses = new List<string>();
            var values = new List<(string, object)>();
            var match = query.Terms.Where(t => t.Length >= 3).Select(t => "\"" + t.Replace("\"", "\"\"") + "\"").ToList();
            if (match.Count > 0) { clauses.Add("fts MATCH $match"); values.Add(("$match", string.Join(" AND ", match))); }
            var k = 0;
            foreach (var t in query.Terms.Where(t => t.Length < 3))
            {
                clauses.Add($"(title LIKE $like{k} OR body LIKE $like{k})");
                values.Add(($"$like{k++}", $"%{t}%"));
            }
            if (query.Issuer is { } issuer) { clauses.Add("rowid IN (SELECT doc FROM facets WHERE dim = 'issuer' AND value = $issuer)"); values.Add(("$issuer", issuer)); }
            if (query.Year is { } year) { clauses.Add("rowid IN (SELECT id FROM docs WHERE year = $year)"); values.Add(("$year", year)); }
            return (string.Join(" AND ", clauses), () => [.. values.Select(v => new SqliteParameter(v.Item1, v.Item2))]);
    }
}

/// <summary>What the FTS5 engine answers a query with (and its HTTP front writes as JSON).</summary>
public sealed record Fts5Answer(int Total, IReadOnlyDictionary<string, List<FacetCount>> Facets, IReadOnlyList<Fts5Hit> Hits);

public sealed record FacetCount(string Value, int Count);

public sealed record Fts5Hit(long Id, string Title, string? Snippet);
