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
/// The value: four int32 (the text's length n, own start, lead start, count of sentence ends k), k int32 sentence
/// ends, then the text and its fold, n UTF-16 code units each; all in the machine's byte order (little-endian on
/// every platform .NET runs this on), read back by reinterpreting the bytes.
/// </remarks>
public static class SnippetText
{
    private const int HeaderInts = 4;

    public static BinaryDocValuesField Field(string searchableText, string? title) =>
        new(Schema.SnippetText, new BytesRef(Encode(searchableText, title)));

    internal static byte[] Encode(string text, string? title)
    {
        var (folded, ends, own, lead) = SnippetHighlighter.Prepare(text, title);
        var bytes = new byte[(HeaderInts + ends.Length) * sizeof(int) + 2 * text.Length * sizeof(char)];
        var ints = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(0, (HeaderInts + ends.Length) * sizeof(int)));
        (ints[0], ints[1], ints[2], ints[3]) = (text.Length, own, lead, ends.Length);
        ends.CopyTo(ints[HeaderInts..]);
        var chars = MemoryMarshal.Cast<byte, char>(bytes.AsSpan((HeaderInts + ends.Length) * sizeof(int)));
        text.CopyTo(chars);
        folded.CopyTo(chars[text.Length..]);
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

    /// <summary>A stored value as spans over its bytes.</summary>
    internal static SnippetSource Source(BytesRef value)
    {
        var bytes = DocumentMapper.Span(value);
        var header = bytes.Length >= HeaderInts * sizeof(int) ? MemoryMarshal.Cast<byte, int>(bytes[..(HeaderInts * sizeof(int))]) : default;
        if (header.Length < HeaderInts || header[0] < 0 || header[3] < 0 || (uint)header[1] > (uint)header[0] || (uint)header[2] > (uint)header[0]
            || bytes.Length != (HeaderInts + (long)header[3]) * sizeof(int) + 2L * header[0] * sizeof(char))
            throw new PolicyIndexException("A snippet text could not be read; run `policykb check`.");
        var (length, own, lead, count) = (header[0], header[1], header[2], header[3]);
        var ends = MemoryMarshal.Cast<byte, int>(bytes.Slice(HeaderInts * sizeof(int), count * sizeof(int)));
        var chars = MemoryMarshal.Cast<byte, char>(bytes[((HeaderInts + count) * sizeof(int))..]);
        return new SnippetSource(chars[..length], chars[length..], ends, own, lead);
    }

    /// <summary>The snippets of a document by its index-wide number (see <see cref="SnippetHighlighter.Snippets(SnippetSource, IReadOnlyList{string}, int, string?)"/>).</summary>
    internal static IReadOnlyList<string> Snippets(IndexReader reader, int doc, IReadOnlyList<string> marks, string? title) =>
        SnippetHighlighter.Snippets(Source(Read(reader, doc)), marks, title: title);
}
