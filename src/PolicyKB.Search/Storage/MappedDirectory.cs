using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace PolicyKB.Search.Storage;

/// <summary>
/// The index folder, its files read through memory maps by address (<see cref="MappedInput"/>); writing, listing,
/// syncing and locking are <see cref="FSDirectory"/>'s.
/// <para>
/// Lucene.Net 4.8.0-beta00017's <see cref="MMapDirectory"/> reads through J2N's byte buffers, which take and release
/// the map's handle on every read: once for each block of 128 positions, and once for every byte of a variable-length
/// integer. On a 100,000-page index those reads were a tenth of a search's time, J2N's <c>Get</c> its largest single
/// function (docs/PERFORMANCE.md). Later Lucene.Net versions read by address too; they are not served here.
/// </para>
/// </summary>
internal sealed class MappedDirectory : FSDirectory
{
    /// <param name="path">the folder</param>
    /// <param name="lockFactory">Lucene's lock of the folder; null for its default (<see cref="NativeFSLockFactory"/>)</param>
    public MappedDirectory(string path, LockFactory? lockFactory = null) : base(new DirectoryInfo(path), lockFactory)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var file = MappedFile.Open(path);
        return new MappedInput($"MappedInput(path=\"{path}\")", file, 0, file.Length);
    }

    /// <summary>Slices of one mapping of the file (a compound file's parts), where Lucene's default slices copy through a buffer.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, MappedFile.Open(path));
    }

    private sealed class Slicer(string path, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset > file.Length - length)
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, {offset}+{length}) lies outside {path} ({file.Length} bytes).");
            return new MappedInput($"MappedInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", file, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        // The mapping is the inputs': it goes when the last of them does (MappedFile).
        protected override void Dispose(bool disposing)
        {
        }
    }
}

/// <summary>
/// A whole file mapped read-only into memory, at <see cref="Address"/>. The file handle is closed once mapped; the map
/// stays until no input refers to this object any more, when the finalizer unmaps it.
/// <para>
/// Not at an input's <c>Dispose</c>: Lucene never disposes the clones of an input (every postings enumerator reads
/// through clones), so an unmap at the original's disposal could pull the memory from under a clone still reading,
/// and a read from unmapped memory ends the process. A segment file deleted by a merge keeps its disk space until
/// the collection that finds its last input gone.
/// </para>
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? _view;

    /// <summary>The file's first byte; null for an empty file (which cannot be mapped).</summary>
    public byte* Address { get; }

    public long Length { get; }

    private MappedFile(MemoryMappedViewAccessor? view, byte* address, long length)
    {
        _view = view;
        Address = address;
        Length = length;
    }

    /// <exception cref="FileNotFoundException">the file does not exist</exception>
    public static MappedFile Open(string path)
    {
        // Lucene deletes files that readers may still have open: share deletion, as its own inputs do.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0) return new MappedFile(null, null, 0);
        using var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* address = null;
        try
        {
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref address);
        }
        catch
        {
            view.Dispose();
            throw;
        }
        return new MappedFile(view, address + view.PointerOffset, length);
    }

    ~MappedFile()
    {
        if (_view is null) return;
        // The pointer's hold on the view's handle is what keeps the map; letting go of it (and the view) unmaps it.
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}
