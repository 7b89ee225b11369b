using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Highlighting;

/// <summary>
/// The text snippets are cut from (<see cref="DocumentMapper.SearchableText(Model.PolicyDocument)"/>), kept as binary
/// doc values with what its snippets need that no query changes (<see cref="SnippetHighlighter.Prepare"/>): read as
/// spans over the value's bytes, a snippet neither folds the whole text nor walks it character by character to find
/// its sentences; it searches the stored fold for the marks (vectorised ordinal searches) and reads the text only
/// where it shows a passage. Cutting the text out of the stored JSON instead decompressed the document's chunk and
/// parsed its JSON (about 50 µs a hit of a long MEE notice).
/// </summary>
/// <remarks>
/// The value: five int32 (the text's length n, own start, lead start, count of sentence ends k, count of folded
/// characters f), k int32 sentence ends, f int32 places where the fold differs from the text, then the text (n UTF-16
/// code units) and the f folded characters. The fold is kept as its differences because it is char for char and
/// differs from a Chinese text in a few Latin letters and full-width forms: both whole would double the index.
/// All in the machine's byte order (little-endian on every platform .NET runs this on), read back by reinterpreting
/// the bytes.
/// </remarks>
public static class SnippetText
{
    private const int HeaderInts = 5;

    public static BinaryDocValuesField Field(string searchableText, string? title) =>
        new(Schema.SnippetText, new BytesRef(Encode(searchableText, title)));

    internal static byte[] Encode(string text, string? title)
    {
        var (folded, ends, own, lead) = SnippetHighlighter.Prepare(text, title);
        var changed = new List<int>();
        for (var i = 0; i < text.Length; i++)
            if (folded[i] != text[i]) changed.Add(i);
        var intCount = HeaderInts + ends.Length + changed.Count;
        var bytes = new byte[intCount * sizeof(int) + (text.Length + changed.Count) * sizeof(char)];
        var ints = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(0, intCount * sizeof(int)));
        (ints[0], ints[1], ints[2], ints[3], ints[4]) = (text.Length, own, lead, ends.Length, changed.Count);
        ends.CopyTo(ints[HeaderInts..]);
        changed.CopyTo(ints[(HeaderInts + ends.Length)..]);
        var chars = MemoryMarshal.Cast<byte, char>(bytes.AsSpan(intCount * sizeof(int)));
        text.CopyTo(chars);
        for (var i = 0; i < changed.Count; i++) chars[text.Length + i] = folded[changed[i]];
        return bytes;
    }

    /// <summary>The stored value of a document by its index-wide number (a copy Lucene makes for each read).</summary>
    internal static BytesRef Read(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(Schema.SnippetText)
            ?? throw new PolicyIndexException("The index has no snippet texts; re-import it.");
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return bytes;
    }

    /// <summary>A stored value as spans over its bytes; the fold is the text itself when nothing in it folds, else a copy with its differences.</summary>
    internal static SnippetSource Source(BytesRef value)
    {
        var bytes = DocumentMapper.Span(value);
        var header = bytes.Length >= HeaderInts * sizeof(int) ? MemoryMarshal.Cast<byte, int>(bytes[..(HeaderInts * sizeof(int))]) : default;
        if (header.Length < HeaderInts || header[0] < 0 || header[3] < 0 || header[4] < 0 || header[4] > header[0]
            || (uint)header[1] > (uint)header[0] || (uint)header[2] > (uint)header[0]
            || bytes.Length != (HeaderInts + (long)header[3] + header[4]) * sizeof(int) + ((long)header[0] + header[4]) * sizeof(char))
            throw Unreadable();
        var (length, own, lead, count, changed) = (header[0], header[1], header[2], header[3], header[4]);
        var ints = MemoryMarshal.Cast<byte, int>(bytes[..((HeaderInts + count + changed) * sizeof(int))]);
        var chars = MemoryMarshal.Cast<byte, char>(bytes[((HeaderInts + count + changed) * sizeof(int))..]);
        var text = chars[..length];
        if (changed == 0) return new SnippetSource(text, text, ints.Slice(HeaderInts, count), own, lead);
        var folded = text.ToArray();
        var places = ints.Slice(HeaderInts + count, changed);
        var foldedChars = chars.Slice(length, changed);
        for (var i = 0; i < changed; i++)
        {
            if ((uint)places[i] >= (uint)length) throw Unreadable();
            folded[places[i]] = foldedChars[i];
        }
        return new SnippetSource(text, folded, ints.Slice(HeaderInts, count), own, lead);
    }

    private static PolicyIndexException Unreadable() => new("A snippet text could not be read; run `policykb check`.");

    /// <summary>The snippets of a document by its index-wide number (see <see cref="SnippetHighlighter.Snippets(SnippetSource, IReadOnlyList{string}, int, string?)"/>).</summary>
    internal static IReadOnlyList<string> Snippets(IndexReader reader, int doc, IReadOnlyList<string> marks, string? title) =>
        SnippetHighlighter.Snippets(Source(Read(reader, doc)), marks, title: title);
}
