namespace PolicyKB.Model;

/// <summary>
/// Finds the editable data files (issuers.json, themes.json, thesaurus.txt, sites/*.json …).
/// Order: the folder in POLICYKB_DATA, then the data/ folder next to the program, then a data/ folder
/// in the current directory or one of its parents (a source checkout).
/// </summary>
public static class PolicyData
{
    public const string EnvironmentVariable = "POLICYKB_DATA";

    public static string Path(string relative)
    {
        foreach (var dir in Candidates())
        {
            var p = System.IO.Path.Combine(dir, relative);
            if (File.Exists(p) || Directory.Exists(p)) return p;
        }
        throw new FileNotFoundException($"Data file '{relative}' not found (looked in {string.Join(", ", Candidates())}). Set {EnvironmentVariable} to the folder that holds it.");
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) yield return env;
        yield return System.IO.Path.Combine(AppContext.BaseDirectory, "data");
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
            yield return System.IO.Path.Combine(d.FullName, "data");
    }
}
