using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Service.Api;

/// <summary>
/// The folders POST /api/import may read below. A path is judged by its real path — every symbolic link along it
/// followed, every ".." applied to the folder it is really in — so neither can lead out of a root.
/// </summary>
internal sealed class ImportRoots(IReadOnlyList<string> roots)
{
    /// <summary>The real path of <paramref name="path"/> when it lies below a root; null with the reason otherwise.</summary>
    public string? Resolve(string path, out string? refusal)
    {
        refusal = null;
        if (!Path.IsPathFullyQualified(path))
        {
            refusal = $"“{InvisibleText.Excerpt(path)}”不是绝对路径，请给出导入根目录（{string.Join("、", roots)}）下的路径。";
            return null;
        }
        string real;
        try { real = RealPath.Of(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            refusal = $"无法解析路径“{InvisibleText.Excerpt(path)}”（{e.Message}）。";
            return null;
        }
        foreach (var root in roots)
        {
            string realRoot;
            try { realRoot = RealPath.Of(root); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { continue; }
            if (IsBelow(real, realRoot)) return real;
        }
        refusal = $"“{InvisibleText.Excerpt(path)}”不在导入根目录（{string.Join("、", roots)}）之内。";
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
