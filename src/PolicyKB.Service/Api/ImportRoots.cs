using PolicyKB.Import;

namespace PolicyKB.Service.Api;

/// <summary>
/// The folders POST /api/import may read below. A path is judged by its real path — every symbolic link along it
/// followed, every ".." applied to the folder it is really in — so neither can lead out of a root.
/// </summary>
public sealed class ImportRoots(IReadOnlyList<string> roots)
{
    /// <summary>The real path of <paramref name="path"/> when it lies below a root; null with the reason otherwise.</summary>
    public string? Resolve(string path, out string? refusal)
    {
        refusal = null;
        if (!Path.IsPathFullyQualified(path))
        {
            refusal = $"'{SearchParameters.Shorten(path)}' is not an absolute path; give one below an import root ({string.Join(", ", roots)}).";
            return null;
        }
        string real;
        try { real = RealPath.Of(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            refusal = $"'{SearchParameters.Shorten(path)}' cannot be resolved: {e.Message}";
            return null;
        }
        foreach (var root in roots)
        {
            string realRoot;
            try { realRoot = RealPath.Of(root); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { continue; }
            if (IsBelow(real, realRoot)) return real;
        }
        refusal = $"'{SearchParameters.Shorten(path)}' is outside the import roots ({string.Join(", ", roots)}).";
        return null;
    }

    private static bool IsBelow(string path, string root)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        root = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(root, comparison)
            || (path.StartsWith(root, comparison) && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar)));
    }

}
