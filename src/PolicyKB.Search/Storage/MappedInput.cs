using System.Buffers.Binary;
using Lucene.Net.Store;

namespace PolicyKB.Search.Storage;

/// <summary>
/// A window of a <see cref="MappedFile"/> (the whole file, or a slice of a compound file), read by address: a read is
/// a bounds check and a load, and Lucene's variable-length integers are decoded here rather than a byte per call.
/// A read past the window's end throws <see cref="EndOfStreamException"/>, as Lucene's own inputs do.
/// <para>
/// Every read loads the memory before it stores the new position: the store keeps this input, and with it the
/// file's map, reachable until the load is done (the map is unmapped only when no input refers to it).
/// </para>
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private const int MaxVInt32Bytes = 5;
    private const int MaxVInt64Bytes = 9;

    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;

    public MappedInput(string description, MappedFile file, long offset, long length) : base(description)
    {
        _file = file;
        _start = file.Address + offset;
        _length = length;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        if (pos > _length) throw new EndOfStreamException($"Seek past EOF: {pos} of {_length} in {this}.");
        _position = pos;
    }

    public override byte ReadByte()
    {
        var position = _position;
        if (position >= _length) throw PastEnd(1);
        var value = _start[position];
        _position = position + 1;
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var position = _position;
        if (len > _length - position) throw PastEnd(len);
        new ReadOnlySpan<byte>(_start + position, len).CopyTo(b.AsSpan(offset, len));
        _position = position + len;
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        if (numBytes > _length - _position) throw PastEnd(numBytes);
        _position += numBytes;
    }

    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Next(sizeof(short)));
        GC.KeepAlive(this);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Next(sizeof(int)));
        GC.KeepAlive(this);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Next(sizeof(long)));
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Lucene's VInt: seven bits a byte, low bits first, at most five bytes.</summary>
    public override int ReadVInt32()
    {
        var position = _position;
        // Near the end, the byte-by-byte decoder of DataInput, whose reads check the bounds.
        if (_length - position < MaxVInt32Bytes) return base.ReadVInt32();
        var p = _start + position;
        int b = p[0];
        var value = b & 0x7F;
        var read = 1;
        for (var shift = 7; b >= 0x80; shift += 7)
        {
            if (read == MaxVInt32Bytes) throw new IOException($"Invalid VInt32 detected (too many bits) in {this}.");
            b = p[read++];
            value |= (b & 0x7F) << shift;
        }
        if (read == MaxVInt32Bytes && (b & 0xF0) != 0) throw new IOException($"Invalid VInt32 detected (too many bits) in {this}.");
        _position = position + read;
        return value;
    }

    /// <summary>Lucene's VLong: seven bits a byte, low bits first, at most nine bytes (no negative values).</summary>
    public override long ReadVInt64()
    {
        var position = _position;
        if (_length - position < MaxVInt64Bytes) return base.ReadVInt64();
        var p = _start + position;
        long b = p[0];
        var value = b & 0x7F;
        var read = 1;
        for (var shift = 7; b >= 0x80; shift += 7)
        {
            if (read == MaxVInt64Bytes) throw new IOException($"Invalid VInt64 detected (negative values disallowed) in {this}.");
            b = p[read++];
            value |= (b & 0x7F) << shift;
        }
        _position = position + read;
        return value;
    }

    /// <summary>The next <paramref name="count"/> bytes, the position moved past them: the caller keeps this input alive until it has read them.</summary>
    private ReadOnlySpan<byte> Next(int count)
    {
        var position = _position;
        if (count > _length - position) throw PastEnd(count);
        _position = position + count;
        return new ReadOnlySpan<byte>(_start + position, count);
    }

    private EndOfStreamException PastEnd(long wanted) =>
        new($"Read past EOF: {wanted} bytes at {_position} of {_length} in {this}.");

    // Clones and slices share the map; it is unmapped when the last of them is collected (MappedFile).
    protected override void Dispose(bool disposing)
    {
    }
}
