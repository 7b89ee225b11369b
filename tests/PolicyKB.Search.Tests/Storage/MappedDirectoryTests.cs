using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyKB.Search.Storage;

namespace PolicyKB.Search.Tests.Storage;

/// <summary>
/// The index folder read by address: every value Lucene writes reads back as Lucene's own inputs read it, a read past
/// an input's end fails as theirs do, and compound files and clones keep to their windows.
/// </summary>
[TestClass]
public sealed class MappedDirectoryTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = System.IO.Directory.CreateTempSubdirectory("policykb-mapped-").FullName;

    [TestCleanup]
    public void Remove() => System.IO.Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void EveryKindOfValueReadsBackAsLucenesOwnInputReadsIt()
    {
        var random = new Random(20261204);
        var values = new List<(char Kind, long Value)>();
        using (var dir = new MappedDirectory(_folder))
        using (var output = dir.CreateOutput("values", IOContext.DEFAULT))
        {
            // Edge values of each kind, then random ones of every width, the file ending in a long VInt (read near the end).
            long[] edges = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1, int.MinValue];
            foreach (var e in edges) values.Add(('i', (int)e));
            foreach (var e in edges.Where(e => e >= 0).Append(long.MaxValue)) values.Add(('l', e));
            for (var k = 0; k < 2_000; k++)
            {
                var kind = "bsIiLlB"[random.Next(7)];
                var bits = random.Next(1, 64);
                var value = kind switch
                {
                    'b' => random.Next(256),
                    's' => (short)random.Next(),
                    'I' or 'i' => (int)(random.NextInt64() >> (64 - Math.Min(bits, 32))),
                    'l' => random.NextInt64() >> (64 - bits) & long.MaxValue,
                    'B' => random.Next(0, 300),
                    _ => random.NextInt64() >> (64 - bits),
                };
                values.Add((kind, value));
            }
            values.Add(('i', -1));
            foreach (var (kind, value) in values)
                switch (kind)
                {
                    case 'b': output.WriteByte((byte)value); break;
                    case 's': output.WriteInt16((short)value); break;
                    case 'I': output.WriteInt32((int)value); break;
                    case 'i': output.WriteVInt32((int)value); break;
                    case 'L': output.WriteInt64(value); break;
                    case 'l': output.WriteVInt64(value); break;
                    case 'B': output.WriteBytes(Bytes((int)value), (int)value); break;
                }
        }

        using var mapped = new MappedDirectory(_folder);
        using var lucene = new SimpleFSDirectory(_folder);
        using var a = mapped.OpenInput("values", IOContext.DEFAULT);
        using var b = lucene.OpenInput("values", IOContext.DEFAULT);
        Assert.AreEqual(b.Length, a.Length);
        foreach (var (kind, value) in values)
        {
            Assert.AreEqual(Read(b, kind, value), Read(a, kind, value), $"a {kind} written as {value}");
            Assert.AreEqual(b.Position, a.Position);
        }
        Assert.AreEqual(a.Length, a.Position);
        Assert.ThrowsExactly<EndOfStreamException>(() => a.ReadByte());
    }

    [TestMethod]
    public void AReadPastTheEndFailsAsLucenesInputsDoAndMovesNothing()
    {
        Write("eight", [1, 2, 3, 4, 5, 6, 7, 8]);
        using var dir = new MappedDirectory(_folder);
        using var input = dir.OpenInput("eight", IOContext.DEFAULT);
        input.Seek(6);
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadInt32());
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 3));
        Assert.ThrowsExactly<EndOfStreamException>(() => input.SkipBytes(3));
        Assert.ThrowsExactly<EndOfStreamException>(() => input.Seek(9));
        Assert.AreEqual(6, input.Position);
        Assert.AreEqual((short)0x0708, input.ReadInt16());
        input.Seek(8);
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadVInt32());
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadVInt64());
    }

    [TestMethod]
    public void AVIntOfTooManyBitsIsRefusedAsLuceneRefusesIt()
    {
        // Five bytes whose last sets bits above 32, then padding, so the fast decoder (not the one near the end) reads it.
        Write("bad", [0xFF, 0xFF, 0xFF, 0xFF, 0x1F, 0, 0, 0, 0, 0]);
        Write("unending", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0]);
        using var mapped = new MappedDirectory(_folder);
        using var lucene = new SimpleFSDirectory(_folder);
        foreach (var dir in new Lucene.Net.Store.Directory[] { mapped, lucene })
        {
            using (var input = dir.OpenInput("bad", IOContext.DEFAULT)) Assert.ThrowsExactly<IOException>(() => input.ReadVInt32());
            using (var input = dir.OpenInput("unending", IOContext.DEFAULT)) Assert.ThrowsExactly<IOException>(() => input.ReadVInt64());
        }
    }

    [TestMethod]
    public void ClonesAndSlicesReadTheirOwnWindowAtTheirOwnPosition()
    {
        Write("hundred", Bytes(100));
        using var dir = new MappedDirectory(_folder);
        using var input = dir.OpenInput("hundred", IOContext.DEFAULT);
        input.Seek(40);
        var clone = (IndexInput)input.Clone();
        Assert.AreEqual(40, clone.Position);
        Assert.AreEqual(Bytes(100)[40], clone.ReadByte());
        Assert.AreEqual(40, input.Position, "the original stays where it was");

        using var slicer = dir.CreateSlicer("hundred", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 10, 20);
        Assert.AreEqual(20, slice.Length);
        var part = new byte[20];
        slice.ReadBytes(part, 0, 20);
        CollectionAssert.AreEqual(Bytes(100)[10..30], part);
        Assert.ThrowsExactly<EndOfStreamException>(() => slice.ReadByte());
        Assert.ThrowsExactly<EndOfStreamException>(() => slice.Seek(21));
        Assert.ThrowsExactly<ArgumentException>(() => slicer.OpenSlice("beyond", 90, 20));
    }

    [TestMethod]
    public void AnEmptyFileOpensAndHasNothingToRead()
    {
        Write("empty", []);
        using var dir = new MappedDirectory(_folder);
        using var input = dir.OpenInput("empty", IOContext.DEFAULT);
        Assert.AreEqual(0, input.Length);
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadByte());
    }

    [TestMethod]
    public void AFileDeletedWhileOpenStillReads()
    {
        Write("gone", Bytes(64));
        using var dir = new MappedDirectory(_folder);
        using var input = dir.OpenInput("gone", IOContext.DEFAULT);
        dir.DeleteFile("gone");
        CollectionAssert.DoesNotContain(dir.ListAll(), "gone");
        var all = new byte[64];
        input.ReadBytes(all, 0, 64);
        CollectionAssert.AreEqual(Bytes(64), all);
    }

    [TestMethod]
    public void AMapOutlivesTheInputItWasOpenedForWhileACloneReadsAndGoesWithTheLastInput()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("reads the process's maps from /proc (Linux)");
        Write("kept", Bytes(4_096));
        var path = Path.Combine(_folder, "kept");
        var clone = ReadThroughAClone(path);
        Collect();
        Assert.IsFalse(clone.IsAlive);
        Assert.IsFalse(Mapped(path), "unmapped once no input refers to it");
    }

    /// <summary>
    /// Reads all of a file through a clone whose original and directory were disposed first (as Lucene leaves its
    /// clones), after a collection; the clone, weakly. Its own frame, so no reference to the clone outlives it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference ReadThroughAClone(string path)
    {
        var clone = OpenAndClone(path);
        Collect();
        Assert.IsTrue(Mapped(path), "the clone's map stays after its original and the directory are disposed");
        var all = new byte[4_096];
        clone.ReadBytes(all, 0, all.Length);
        CollectionAssert.AreEqual(Bytes(4_096), all);
        return new WeakReference(clone);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IndexInput OpenAndClone(string path)
    {
        using var dir = new MappedDirectory(Path.GetDirectoryName(path)!);
        using var input = dir.OpenInput(Path.GetFileName(path), IOContext.DEFAULT);
        return (IndexInput)input.Clone();
    }

    private static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static bool Mapped(string path) => File.ReadLines("/proc/self/maps").Any(l => l.EndsWith(path, StringComparison.Ordinal));

    [TestMethod]
    public void AnIndexOfCompoundAndPlainSegmentsFindsWhatLucenesDirectoryFinds()
    {
        using (var dir = new MappedDirectory(_folder))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES, UseCompoundFile = true }))
        {
            for (var d = 0; d < 3_000; d++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", d.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("body", string.Join(' ', Enumerable.Range(0, 1 + d % 40).Select(k => $"w{(d * 7 + k * 13) % 97}")), Field.Store.YES),
                });
                // Flushed segments of both kinds: compound (read through slices) and plain.
                if (d % 1_000 == 999) { writer.Commit(); writer.Config.UseCompoundFile = d < 2_000; }
            }
            writer.Commit();
        }
        Assert.IsTrue(System.IO.Directory.GetFiles(_folder, "*.cfs").Length > 0, "a compound segment");

        using var mapped = DirectoryReader.Open(new MappedDirectory(_folder));
        using var lucene = DirectoryReader.Open(new SimpleFSDirectory(_folder));
        foreach (var word in new[] { "w0", "w13", "w96", "w50" })
        {
            var query = new PhraseQuery { new Term("body", word), new Term("body", $"w{(int.Parse(word[1..], CultureInfo.InvariantCulture) + 13) % 97}") };
            var a = new IndexSearcher(mapped).Search(query, 5_000);
            var b = new IndexSearcher(lucene).Search(query, 5_000);
            Assert.IsTrue(b.TotalHits > 0);
            Assert.AreEqual(b.TotalHits, a.TotalHits, word);
            CollectionAssert.AreEqual(b.ScoreDocs.Select(s => (s.Doc, s.Score)).ToList(), a.ScoreDocs.Select(s => (s.Doc, s.Score)).ToList(), word);
            Assert.AreEqual(new IndexSearcher(lucene).Doc(b.ScoreDocs[0].Doc).Get("body", CultureInfo.InvariantCulture), new IndexSearcher(mapped).Doc(a.ScoreDocs[0].Doc).Get("body", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The next value of the kind; a block (B) of the length it was written with, as hex.</summary>
    private static object Read(IndexInput input, char kind, long written)
    {
        switch (kind)
        {
            case 'b': return input.ReadByte();
            case 's': return input.ReadInt16();
            case 'I': return input.ReadInt32();
            case 'i': return input.ReadVInt32();
            case 'L': return input.ReadInt64();
            case 'l': return input.ReadVInt64();
            case 'B':
                var bytes = new byte[written];
                input.ReadBytes(bytes, 0, bytes.Length);
                return Convert.ToHexString(bytes);
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 31 + 7)).ToArray();

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_folder, name), bytes);
}
