namespace PolicyKB.Import;

/// <summary>Where a path really leads: the one reading of symbolic links for folder walks and the service's import roots.</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every link resolved, walking it one name at a time as the operating system does: a link's
    /// target replaces the names walked so far, so a later ".." leaves the target's folder. Names that do not exist
    /// (yet) are kept as written.
    /// </summary>
    public static string Of(string path)
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
