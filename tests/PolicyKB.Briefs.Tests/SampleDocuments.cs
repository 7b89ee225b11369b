using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests;

/// <summary>The pages and files in the repository's samples/ folder, parsed by the real importer, by file name.</summary>
internal static class SampleDocuments
{
    private static readonly Lazy<IReadOnlyDictionary<string, PolicyDocument>> Parsed = new(Parse);

    public static IReadOnlyDictionary<string, PolicyDocument> ByFile => Parsed.Value;

    public static IReadOnlyList<PolicyDocument> All => ByFile.Values.ToList();

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(dir.FullName, "PolicyKB.sln")) && Directory.Exists(samples)) return samples;
        }
        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyDictionary<string, PolicyDocument> Parse()
    {
        var docs = new SortedDictionary<string, PolicyDocument>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Folder()).Order(StringComparer.Ordinal))
        {
            var result = TestData.Parser.Parse(File.ReadAllBytes(path), new PageSource(FilePath: path));
            if (result.Document is { } doc) docs[Path.GetFileName(path)] = doc;
        }
        return docs;
    }
}
