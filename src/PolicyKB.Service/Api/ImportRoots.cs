namespace PolicyKB.Service.Api;

/// <summary>
/// The folders POST /api/import may read below. A path is judged by its real path — every symbolic link along it
/// followed, every ".." applied to the folder it is really in — so neither can lead out of a root.
/// </summary>
public sealed class ImportRoots(IReadOnlyList<string> roots)
{
    private const int MaxLinks = 40;

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
        try { real = RealPath(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            refusal = $"'{SearchParameters.Shorten(path)}' cannot be resolved: {e.Message}";
            return null;
        }
        foreach (var root in roots)
        {
            string realRoot;
            try { realRoot = RealPath(root); }
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

    /// <summary>
    /// The path with every link resolved, walking it one name at a time as the operating system does: a link's
    /// target replaces the names walked so far, so a later ".." leaves the target's folder. Names that do not exist
    /// (yet) are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var pending = new Stack<string>(Names(path).Reverse());
        var root = Path.GetPathRoot(path)!;
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name == ".") continue;
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, name);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException("too many symbolic links");
            // The target's names are walked before the rest of the path; an absolute target starts again at its root.
            foreach (var part in Names(target).Reverse()) pending.Push(part);
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target)!;
        }
        return current;
    }

    private static IEnumerable<string> Names(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
