namespace PolicyKB.Import.Tests;

/// <summary>Folders of the source checkout the tests read: samples/, and the team's shared reference pages when present.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>../shared/reference/real-pages beside the checkout, or null when this machine does not have it.</summary>
    public static string? RealPages
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "real-pages"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples")) && Directory.Exists(Path.Combine(d.FullName, "data"))) return d.FullName;
        throw new DirectoryNotFoundException("no samples/ and data/ above " + AppContext.BaseDirectory);
    }
}
