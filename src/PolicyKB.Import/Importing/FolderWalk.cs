namespace PolicyKB.Import;

/// <summary>
/// The files under the folders a user names, walked so that it always ends: a folder is entered once by its real path
/// (a symlink back to a parent, or two links to one folder, are not walked again), a link that leads outside the named
/// folder is not followed, a file it could not read without waiting forever (a named pipe) is left out, and the walk
/// stops at a cap on files, saying so.
/// </summary>
internal static class FolderWalk
{
    /// <summary>The files of <paramref name="paths"/> (files as they are, folders walked), at most <paramref name="maxFiles"/>.</summary>
    public static FolderWalkResult Files(IEnumerable<string> paths, Func<string, bool> wanted, int maxFiles)
    {
        var files = new List<string>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var notRead = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var real = RealPath(new FileInfo(path));
                if (IsEmpty(new FileInfo(real))) { NotRead(path, real); continue; }
                if (!Add(path, real)) break;
                continue;
            }
            if (!Directory.Exists(path)) continue;
            var root = RealPath(new DirectoryInfo(path));
            var pending = new Stack<DirectoryInfo>([new DirectoryInfo(path)]);
            while (pending.Count > 0 && files.Count < maxFiles)
            {
                var folder = pending.Pop();
                var real = RealPath(folder);
                if (!visited.Add(real)) continue;
                if (!IsUnder(real, root)) { skipped.Add(folder.FullName); continue; }
                IEnumerable<FileSystemInfo> entries;
                try { entries = folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                foreach (var entry in entries.Reverse())
                {
                    if ((entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0) continue;
                    if (entry is DirectoryInfo sub) pending.Push(sub);
                }
                foreach (var entry in entries.OfType<FileInfo>())
                {
                    if ((entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0 || !wanted(entry.FullName)) continue;
                    // A plain file's real path is its folder's plus its name: only a link needs resolving.
                    var target = entry.LinkTarget is null ? Path.Combine(real, entry.Name) : RealPath(entry);
                    if (entry.LinkTarget is not null && !IsUnder(target, root)) { skipped.Add(entry.FullName); continue; }
                    if (IsEmpty(entry.LinkTarget is null ? entry : new FileInfo(target))) { NotRead(entry.FullName, target); continue; }
                    if (!Add(entry.FullName, target)) break;
                }
            }
            if (files.Count >= maxFiles) break;
        }
        return new FolderWalkResult(files, skipped, notRead, files.Count >= maxFiles ? maxFiles : null);

        void NotRead(string file, string realPath)
        {
            if (seenFiles.Add(realPath)) notRead.Add(file);
        }

        bool Add(string file, string realPath)
        {
            if (files.Count >= maxFiles) return false;
            if (seenFiles.Add(realPath)) files.Add(file);
            return true;
        }
    }

    /// <summary>
    /// A named pipe, a socket or a device has no length, and opening a pipe to read waits until something writes to it:
    /// .NET cannot tell them from an empty file, and an empty file holds no page either.
    /// </summary>
    private static bool IsEmpty(FileInfo file)
    {
        try { return file.Exists && file.Length == 0; }
        catch (IOException) { return false; }   // gone since: its read will say so
    }

    private static string RealPath(FileSystemInfo entry)
    {
        try { return Path.TrimEndingDirectorySeparator(Import.RealPath.Of(Path.GetFullPath(entry.FullName))); }
        catch (IOException) { return entry.FullName; }   // a link loop: the walk leaves it out
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>
/// The files a walk found; links it did not follow because they lead outside the folder; files it did not open because
/// they are empty or not files (a named pipe would hold the import forever); the cap when it was reached.
/// </summary>
public sealed record FolderWalkResult(IReadOnlyList<string> Files, IReadOnlyList<string> LeftOutside, IReadOnlyList<string> NotRead, int? CappedAt)
{
    /// <summary>What the user is told of the walk: each link left outside, and the cap when <paramref name="named"/> held more.</summary>
    public IEnumerable<ImportFileResult> Refusals(IEnumerable<string> named)
    {
        foreach (var outside in LeftOutside)
            yield return ImportFileResult.Fail(outside, "a link that leads outside the folder being imported: not followed");
        foreach (var file in NotRead)
            yield return ImportFileResult.Fail(file, "empty file (0 bytes), or not a regular file (a named pipe, a socket or a device): not read");
        if (CappedAt is { } cap)
            yield return ImportFileResult.Fail(string.Join(", ", named), $"more than {cap:N0} files: this run imports the first {cap:N0} (import the rest by naming smaller folders)");
    }
}
