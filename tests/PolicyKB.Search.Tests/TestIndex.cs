using PolicyKB.Model;
using PolicyKB.Search.Querying;

namespace PolicyKB.Search.Tests;

/// <summary>A throw-away knowledge-base folder with an open index, deleted on dispose.</summary>
internal sealed class TestIndex : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "policykb-search-tests", Guid.NewGuid().ToString("N"));
    public PolicyIndex Index { get; }

    public TestIndex(Thesaurus? thesaurus = null, IEnumerable<PolicyDocument>? documents = null)
        : this(TestData.IndexOptions with { Thesaurus = thesaurus ?? Thesaurus.Empty }, documents)
    {
    }

    public TestIndex(PolicyIndexOptions options, IEnumerable<PolicyDocument>? documents = null)
    {
        Index = PolicyIndex.Open(Folder, options);
        if (documents is null) return;
        // Upserts are thread-safe; both cores shorten the building of the larger test corpora.
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 2 }, d => Index.Upsert(d));
        Index.Commit();
    }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { /* left for the OS temp cleaner */ }
    }
}

/// <summary>
/// One index of the real MEE texts, built once and shared by the test classes that read it; queries expand by the
/// project's thesaurus (data/thesaurus.txt), as they do in use.
/// </summary>
[TestClass]
public static class MeeIndex
{
    internal static Thesaurus Thesaurus { get; } = Thesaurus.Load(TestData.Folder.Path("thesaurus.txt"));

    private static readonly Lazy<(TestIndex Index, IReadOnlyList<PolicyDocument> Documents)?> Shared = new(() =>
        Docs.MeeCorpus() is { } docs ? (new TestIndex(Thesaurus, docs), docs) : null);

    /// <summary>The shared index and its documents, or null (test inconclusive) when ../shared is absent.</summary>
    internal static (TestIndex Index, IReadOnlyList<PolicyDocument> Documents)? Get() => Shared.Value;

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (Shared.IsValueCreated) Shared.Value?.Index.Dispose();
    }
}

/// <summary>Documents made in code for tests.</summary>
public static class Docs
{
    public static PolicyDocument Make(string id, string title, string body, Action<DocumentBuilder>? more = null)
    {
        var d = new PolicyDocument
        {
            Id = id,
            Title = title,
            Body = body.Split('\n').Select(BodyBlock.Paragraph).ToList(),
            ContentHash = id + ":" + (title + body).GetHashCode(StringComparison.Ordinal),
        };
        if (more is null) return d;
        var b = new DocumentBuilder(d);
        more(b);
        return b.Document;
    }

    public sealed class DocumentBuilder(PolicyDocument d)
    {
        public PolicyDocument Document { get; set; } = d;
    }

    /// <summary>
    /// The real MEE texts (title + content, and the 文号 of the red header that a real page shows as its 文号 item),
    /// when the shared reference folder is present.
    /// </summary>
    public static IReadOnlyList<PolicyDocument>? MeeCorpus(int max = int.MaxValue)
    {
        var path = SharedFile("reference/corpus/mee-xxgk2018.jsonl");
        if (path is null) return null;
        return File.ReadLines(path).Take(max).Select(line =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var r = json.RootElement;
            var url = r.GetProperty("url").GetString()!;
            var (title, content) = (r.GetProperty("title").GetString()!, r.GetProperty("content").GetString() ?? "");
            return Make(DocumentId.FromUrl(url), title, content)
                with { Url = url, Site = Site.Mee, DocumentNumber = DocumentNumber.Parse(Benchmarks.MeePage.HeaderNumber(title, content)) };
        }).DistinctBy(d => d.Id).ToList();
    }

    /// <summary>A file of ../shared (beside the repository), or null when that folder is absent.</summary>
    public static string? SharedFile(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "shared", relative);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The repository's samples folder.</summary>
    public static string? SamplesFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "samples");
            if (Directory.Exists(p) && File.Exists(Path.Combine(d.FullName, "PolicyKB.sln"))) return p;
        }
        return null;
    }
}
