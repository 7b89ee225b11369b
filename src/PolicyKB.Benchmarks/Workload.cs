using System.Text;
using System.Text.Json;
using PolicyKB.Corpus;
using PolicyKB.Model;

namespace PolicyKB.Benchmarks;

/// <summary>
/// One corpus prepared for every engine: the pages as files (for PolicyKB, which parses HTML) and the same
/// documents as pre-parsed text (for bare Lucene and FTS5), plus the 200 queries to run over it.
/// </summary>
public sealed record Workload(string Name, string Directory, int Documents, long HtmlBytes)
{
    public const string PagesFile = "pages.jsonl";
    public const string TextsFile = "texts.jsonl";
    public const string QueriesFile = "queries.json";
    private const string CompleteMarker = "complete";

    public const string StreamFile = "stream.json";

    /// <summary>For a streamed corpus, the generator's seed: pages are made where they are used, never written.</summary>
    public int? StreamSeed { get; init; }

    /// <summary>The pages as files; a streamed corpus has none (see <see cref="ForEachPage"/>).</summary>
    public IEnumerable<PageRef> Pages() => ReadLines<PageRef>(Path.Combine(Directory, PagesFile));

    /// <summary>The documents as pre-parsed text, one at a time (a streamed corpus makes them on the way).</summary>
    public IEnumerable<PlainDocument> Texts() => StreamSeed is { } seed
        ? new CorpusGenerator(seed).Generate(Documents).Select(PlainDocument.From)
        : ReadLines<PlainDocument>(Path.Combine(Directory, TextsFile));

    /// <summary>
    /// Runs <paramref name="body"/> for every page on all cores, each page read from its file (or made, for a streamed
    /// corpus) by the thread that takes it; at most a page a thread is in memory. Returns the HTML bytes gone over.
    /// </summary>
    public long ForEachPage(Action<LoadedPage> body)
    {
        long bytes = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (StreamSeed is { } seed)
        {
            var generator = new CorpusGenerator(seed);
            Parallel.For(0, Documents, parallel, i =>
            {
                var page = generator.Page(i);
                Interlocked.Add(ref bytes, page.Html.Length);
                body(new LoadedPage(page.Url, page.FileName, page.Html));
            });
        }
        else
            Parallel.ForEach(Pages(), parallel, p =>
            {
                var html = File.ReadAllBytes(p.Path);
                Interlocked.Add(ref bytes, html.Length);
                body(new LoadedPage(p.Url, p.Path, html));
            });
        return bytes;
    }

    /// <summary>Runs <paramref name="body"/> for every document as pre-parsed text on all cores; returns the HTML bytes of their pages.</summary>
    public long ForEachText(Action<PlainDocument> body)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (StreamSeed is not { } seed)
        {
            Parallel.ForEach(Texts(), parallel, body);
            return HtmlBytes;
        }
        long bytes = 0;
        var generator = new CorpusGenerator(seed);
        Parallel.For(0, Documents, parallel, i =>
        {
            var page = generator.Page(i);
            Interlocked.Add(ref bytes, page.Html.Length);
            body(PlainDocument.From(page));
        });
        return bytes;
    }

    public IReadOnlyList<BenchQuery> Queries() =>
        JsonSerializer.Deserialize<List<BenchQuery>>(File.ReadAllText(Path.Combine(Directory, QueriesFile)), PolicyJson.Options)!;

    public static Workload Load(string name, string directory)
    {
        if (File.Exists(Path.Combine(directory, StreamFile)))
        {
            var stream = JsonSerializer.Deserialize<StreamedCorpus>(File.ReadAllText(Path.Combine(directory, StreamFile)), PolicyJson.Options)!;
            return new Workload(name, directory, stream.Documents, 0) { StreamSeed = stream.Seed };
        }
        var (docs, bytes) = (0, 0L);
        foreach (var p in ReadLines<PageRef>(Path.Combine(directory, PagesFile))) { docs++; bytes += p.Bytes; }
        return new Workload(name, directory, docs, bytes);
    }

    /// <summary>
    /// The generated corpus of <paramref name="count"/> pages, written once into the cache folder and reused; or, with
    /// <paramref name="stream"/>, only its queries: the pages are made by the import's threads as they go (1,000,000 pages
    /// are about 22 GB of HTML, and as many again of pre-parsed text, that need never be on disk).
    /// </summary>
    public static Workload Generated(string cacheRoot, int count, int seed, TextWriter log, bool stream = false)
    {
        var dir = Path.Combine(cacheRoot, $"generated-s{seed}-n{count}{(stream ? "-stream" : "")}");
        var name = $"generated ({count:N0} pages{(stream ? ", streamed" : "")})";
        if (File.Exists(Path.Combine(dir, CompleteMarker))) return Load(name, dir);
        if (System.IO.Directory.Exists(dir)) System.IO.Directory.Delete(dir, recursive: true);
        if (stream)
        {
            System.IO.Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, StreamFile), JsonSerializer.Serialize(new StreamedCorpus(count, seed), PolicyJson.Options));
            File.WriteAllText(Path.Combine(dir, QueriesFile), JsonSerializer.Serialize(QueryMix.ForGenerated(new CorpusGenerator(seed), count), PolicyJson.Options));
            File.WriteAllText(Path.Combine(dir, CompleteMarker), DateTimeOffset.UtcNow.ToString("O"));
            return Load(name, dir);
        }
        log.WriteLine($"Generating {count:N0} pages into {dir} …");
        var generator = new CorpusGenerator(seed);
        var pagesDir = Path.Combine(dir, "pages");
        generator.WriteTo(pagesDir, count, new Progress<int>(n => { if (n % 20_000 < 512) log.WriteLine($"  {n:N0} pages"); }));
        using (var pages = Writer(dir, PagesFile))
        using (var texts = Writer(dir, TextsFile))
        {
            foreach (var p in generator.Generate(count))
            {
                pages.WriteLine(JsonSerializer.Serialize(new PageRef(Path.Combine(pagesDir, p.FileName), p.Url, p.Html.Length), PolicyJson.Options));
                texts.WriteLine(JsonSerializer.Serialize(PlainDocument.From(p), PolicyJson.Options));
            }
        }
        var queries = QueryMix.ForGenerated(generator, count);
        File.WriteAllText(Path.Combine(dir, QueriesFile), JsonSerializer.Serialize(queries, PolicyJson.Options));
        File.WriteAllText(Path.Combine(dir, CompleteMarker), DateTimeOffset.UtcNow.ToString("O"));
        return Load(name, dir);
    }

    /// <summary>
    /// The real MEE texts of ../shared/reference/corpus, each wrapped in a minimal MEE page so that PolicyKB parses
    /// HTML as it does for the generated pages. Written to a temporary folder, never into the repository.
    /// </summary>
    public static Workload? RealMee(string? sharedCorpus, TextWriter log)
    {
        var source = sharedCorpus is null ? null : Path.Combine(sharedCorpus, "mee-xxgk2018.jsonl");
        if (source is null || !File.Exists(source)) return null;
        var dir = Path.Combine(Path.GetTempPath(), "policykb-bench-real-mee");
        if (System.IO.Directory.Exists(dir)) System.IO.Directory.Delete(dir, recursive: true);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "pages"));
        log.WriteLine($"Preparing the real MEE texts from {source} …");
        var docs = new List<PlainDocument>();
        using (var pages = Writer(dir, PagesFile))
        using (var texts = Writer(dir, TextsFile))
        {
            var i = 0;
            foreach (var line in File.ReadLines(source))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var real = JsonSerializer.Deserialize<RealText>(line, PolicyJson.Options)!;
                if (string.IsNullOrWhiteSpace(real.Content) || string.IsNullOrWhiteSpace(real.Url)) continue;
                var html = MeePage.Wrap(real.Title ?? "", real.Content);
                var path = Path.Combine(dir, "pages", $"{i:D5}.html");
                File.WriteAllBytes(path, html);
                var year = int.TryParse(real.Year?.Split('.')[0], out var y) ? y : 0;
                var doc = new PlainDocument(real.Url, real.Title ?? "", real.Content, ["生态环境部"], [], year);
                pages.WriteLine(JsonSerializer.Serialize(new PageRef(path, real.Url, html.Length), PolicyJson.Options));
                texts.WriteLine(JsonSerializer.Serialize(doc, PolicyJson.Options));
                docs.Add(doc);
                i++;
            }
        }
        File.WriteAllText(Path.Combine(dir, QueriesFile), JsonSerializer.Serialize(QueryMix.FromTexts(docs), PolicyJson.Options));
        return Load($"real MEE texts ({docs.Count:N0})", dir);
    }

    private static StreamWriter Writer(string dir, string file) => new(Path.Combine(dir, file), false, new UTF8Encoding(false));

    private static IEnumerable<T> ReadLines<T>(string path)
    {
        foreach (var line in File.ReadLines(path))
            if (line.Length > 0) yield return JsonSerializer.Deserialize<T>(line, PolicyJson.Options)!;
    }

    private sealed record RealText(string? Title, string? Year, string? Url, string? Content);

    private sealed record StreamedCorpus(int Documents, int Seed);
}

/// <summary>A page's bytes in memory, with the address it was served from and where it came from (a file, or the generator's name for it).</summary>
public sealed record LoadedPage(string Url, string Path, byte[] Html);

/// <summary>A page file to import and the URL it was served from.</summary>
public sealed record PageRef(string Path, string Url, int Bytes);

/// <summary>A document as pre-parsed text: what bare Lucene and FTS5 index.</summary>
public sealed record PlainDocument(string Url, string Title, string Body, IReadOnlyList<string> Issuers, IReadOnlyList<string> Themes, int Year)
{
    public static PlainDocument From(GeneratedPage p) => new(p.Url, p.Title, p.BodyText, p.Issuers, p.Themes, p.PublishedDate.Year);
}

/// <summary>A minimal MEE 政府信息公开 page around a real text (the real texts come without their pages).</summary>
public static class MeePage
{
    public static byte[] Wrap(string title, string content)
    {
        var sb = new StringBuilder(content.Length * 2 + 1000);
        var t = System.Net.WebUtility.HtmlEncode(title);
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t}_生态环境部</title></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"content_top_box\"><ul><li class=\"first\"><div><span>名　　称：</span><p>{t}</p></div></li>");
        if (HeaderNumber(title, content) is { } number)
            sb.Append(CultureInfo.InvariantCulture, $"<li><div><span>文　　号：</span><p>{System.Net.WebUtility.HtmlEncode(number)}</p></div></li>");
        sb.Append("<li><div><span>发布机关：</span><i>生态环境部</i></div></li></ul></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<div id=\"print_html\"><h1>{t}</h1><div class=\"content_body_box\">");
        // The texts lost their line breaks; sentence ends give paragraphs of a readable size.
        foreach (var paragraph in content.Split('。', StringSplitOptions.RemoveEmptyEntries).Chunk(3))
            sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(string.Join("。", paragraph) + "。")).Append("</p>");
        sb.Append("</div></div></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// The text's own 文号, which a real MEE page shows as its 文号 item: the last number in the red header, before the
    /// title first appears (numbers after it are cited ones). The texts lost their line breaks, so the header's words
    /// run into the number: the issuer code is what follows the header's last 文件.
    /// </summary>
    public static string? HeaderNumber(string title, string content)
    {
        var titleAt = title.Length == 0 ? -1 : content.IndexOf(title, StringComparison.Ordinal);
        if (titleAt <= 0) return null;
        var raw = DocumentNumber.FindAll(content[..Math.Min(titleAt, HeaderLength)]).LastOrDefault()?.Raw;
        var file = raw?.LastIndexOf("文件", StringComparison.Ordinal) ?? -1;
        return file < 0 ? raw : raw![(file + 2)..];
    }

    private const int HeaderLength = 400;
}
