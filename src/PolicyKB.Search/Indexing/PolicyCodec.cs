using System.Buffers;
using CompressionLevel = System.IO.Compression.CompressionLevel;
using DeflateStream = System.IO.Compression.DeflateStream;
using StreamMode = System.IO.Compression.CompressionMode;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PolicyKB.Search.Indexing;

/// <summary>
/// Lucene 4.6's codec with one change: stored documents are compressed with Deflate (.NET's native zlib-ng) instead
/// of Lucene.Net's managed LZ4.
/// <para>
/// A result page reads ten stored documents for its snippets. Lucene.Net's LZ4 decompresses byte by byte through
/// its input abstraction, about 20 ns a byte: 0.3 ms for a 17 KB notice, most of a snippet's cost. Native Deflate at
/// its fastest level inflates the same in about 35 µs, deflates it in about 90 µs, and stores it as small as LZ4.
/// </para>
/// <para>
/// Segments name the codec that wrote them, so <see cref="Register"/> runs before any index is opened. Segments
/// written by the plain Lucene 4.6 codec stay readable; merges rewrite them with this one.
/// </para>
/// </summary>
[CodecName(CodecName)]
internal sealed class PolicyCodec : FilterCodec
{
    public const string CodecName = "PolicyKB46";

    private static readonly StoredFieldsFormat Stored =
        new CompressingStoredFieldsFormat("PolicyKBStoredFields", DeflateMode.Instance, chunkSize: 1 << 14);

    public PolicyCodec() : base(new Lucene46Codec()) { }

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(PolicyCodec)] });
        return true;
    });

    /// <summary>Makes the codec known to Lucene.Net by name (once per process).</summary>
    public static void Register() => _ = Registered.Value;

    /// <summary>Deflate at its fastest level (.NET's zlib-ng): per chunk, the compressed length, then the compressed bytes.</summary>
    private sealed class DeflateMode : CompressionMode
    {
        public static readonly DeflateMode Instance = new();

        public override Compressor NewCompressor() => new DeflateCompressor();

        public override Decompressor NewDecompressor() => new DeflateDecompressor();

        public override string ToString() => "Deflate(fastest, native)";

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A MemoryStream holds nothing to release, and Lucene's Compressor is not disposable.")]
        private sealed class DeflateCompressor : Compressor
        {
            private readonly MemoryStream _buffer = new();

            public override void Compress(byte[] bytes, int off, int len, DataOutput output)
            {
                _buffer.SetLength(0);
                using (var deflate = new DeflateStream(_buffer, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(bytes, off, len);
                output.WriteVInt32((int)_buffer.Length);
                output.WriteBytes(_buffer.GetBuffer(), 0, (int)_buffer.Length);
            }
        }

        private sealed class DeflateDecompressor : Decompressor
        {
            public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
            {
                var compressedLength = input.ReadVInt32();
                var compressed = ArrayPool<byte>.Shared.Rent(compressedLength);
                try
                {
                    input.ReadBytes(compressed, 0, compressedLength);
                    if (bytes.Bytes.Length < originalLength) bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
                    using var inflate = new DeflateStream(new MemoryStream(compressed, 0, compressedLength), StreamMode.Decompress);
                    var read = 0;
                    for (int n; read < originalLength && (n = inflate.Read(bytes.Bytes, read, originalLength - read)) > 0;) read += n;
                    if (read != originalLength || inflate.ReadByte() >= 0)
                        throw new CorruptIndexException($"A stored-fields chunk did not inflate to its {originalLength} bytes (resource={input}).");
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(compressed);
                }
                bytes.Offset = offset;
                bytes.Length = length;
            }

            // Stateless: one instance serves every clone of a reader.
            public override object Clone() => this;
        }
    }
}
