using PolicyKB.Corpus;

namespace PolicyKB.Reliability.Tests.Infrastructure;

/// <summary>
/// Generated pages for the reliability tests: the shorter ones of a seeded corpus, so that a test imports
/// many documents in little time while keeping the real templates.
/// </summary>
internal static class SmallCorpus
{
    public static IReadOnlyList<GeneratedPage> Pages(int count, int seed = 7, int maxBodyChars = 3000) =>
        new CorpusGenerator(seed).Generate(count * 4).Where(p => p.BodyText.Length <= maxBodyChars).Take(count).ToList();

    /// <summary>Writes pages under <paramref name="directory"/> at their corpus file names; returns the full paths.</summary>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<GeneratedPage> pages)
    {
        var paths = new List<string>();
        foreach (var page in pages)
        {
            var path = Path.Combine(directory, page.FileName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, page.Html);
            paths.Add(path);
        }
        return paths;
    }
}
