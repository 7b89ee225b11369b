namespace PolicyKB.Search;

/// <summary>Which knowledge-base folder to use: the --index option, else POLICYKB_INDEX, else ./index.</summary>
public static class IndexLocation
{
    public const string EnvironmentVariable = "POLICYKB_INDEX";
    public const string DefaultFolder = "index";

    public static string Resolve(string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env
            : DefaultFolder;
        return Path.GetFullPath(chosen);
    }
}
