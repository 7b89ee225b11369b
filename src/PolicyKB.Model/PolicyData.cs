namespace PolicyKB.Model;

/// <summary>
/// The folder of editable data files (issuers.json, themes.json, thesaurus.txt, sites/*.json …): the one in POLICYKB_DATA,
/// else the data/ folder the build copies next to the program. Each layer reads its files through one of these
/// (ImportData, SearchData, BriefData, CrawlData), once, when first needed; a missing or broken file fails naming the folder and the file.
/// </summary>
public sealed class PolicyData
{
    public const string EnvironmentVariable = "POLICYKB_DATA";

    public PolicyData(string folder) => Folder = System.IO.Path.GetFullPath(folder);

    /// <summary>The full path of the data folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// The folder POLICYKB_DATA names, else the data/ folder next to the program. Never the current directory or its
    /// parents: a program run elsewhere must not pick up some other checkout's data.
    /// </summary>
    /// <exception cref="InvalidDataException">the folder does not exist</exception>
    public static PolicyData Locate()
    {
        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var folder = string.IsNullOrWhiteSpace(named) ? System.IO.Path.Combine(AppContext.BaseDirectory, "data") : named;
        if (Directory.Exists(folder)) return new PolicyData(folder);
        throw new InvalidDataException(string.IsNullOrWhiteSpace(named)
            ? $"The data folder '{System.IO.Path.GetFullPath(folder)}' does not exist: build the program again (it copies data/ next to itself), or set {EnvironmentVariable} to the folder that holds the data files."
            : $"The data folder '{named}' named by {EnvironmentVariable} does not exist.");
    }

    /// <summary>The full path of a file or folder of the data folder (relative to it: "issuers.json", "briefs/default.json", "sites").</summary>
    /// <exception cref="InvalidDataException">it is not there</exception>
    public string Path(string relative)
    {
        var path = System.IO.Path.Combine(Folder, relative);
        if (File.Exists(path) || Directory.Exists(path)) return path;
        throw new InvalidDataException($"The data file '{relative}' is missing from the data folder '{Folder}'. Restore it, or set {EnvironmentVariable} to a folder that holds it.");
    }

    /// <summary>Reads a data file with <paramref name="read"/> (given its full path); what it throws for a bad file comes back naming the folder and the file.</summary>
    /// <exception cref="InvalidDataException">the file is missing or cannot be read as data</exception>
    public T Load<T>(string relative, Func<string, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var path = Path(relative);
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException or ArgumentException
                                      or KeyNotFoundException or NullReferenceException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"The data file '{relative}' in the data folder '{Folder}' cannot be used: {e.Message}", e);
        }
    }
}
