using System.Security.Cryptography;
using System.Text.Json;

namespace PolicyKB.Crawl;

/// <summary>The raw headers of a fetched body, kept beside it.</summary>
internal sealed record SnapshotHeaders(string Url, DateTimeOffset FetchedAt, int Status, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Raw bytes of every fetched page and attachment, content-addressed: DIR/snapshots/ab/abcdef….bin (SHA-256
/// of the bytes) with the response headers of the latest fetch in ….json. Writes go to a temporary file and
/// are moved into place, so a crash never leaves a half-written snapshot under its hash.
/// </summary>
internal sealed class SnapshotStore(string directory)
{
    public string Directory { get; } = directory;

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores the bytes (once) and their headers; returns the hash that names them.</summary>
    public string Save(byte[] content, SnapshotHeaders headers)
    {
        var hash = Hash(content);
        var body = PathOf(hash, ".bin");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(body)!);
        if (!File.Exists(body)) WriteAtomically(body, content);
        WriteAtomically(PathOf(hash, ".json"), JsonSerializer.SerializeToUtf8Bytes(headers, Model.PolicyJson.Indented));
        return hash;
    }

    /// <summary>The stored bytes, or null when the snapshot is missing or damaged (its hash no longer matches).</summary>
    public byte[]? Read(string hash)
    {
        var path = PathOf(hash, ".bin");
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        return Hash(bytes) == hash ? bytes : null;
    }

    public SnapshotHeaders? ReadHeaders(string hash)
    {
        var path = PathOf(hash, ".json");
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<SnapshotHeaders>(File.ReadAllBytes(path), Model.PolicyJson.Options); }
        catch (JsonException) { return null; }
    }

    private string PathOf(string hash, string extension) => Path.Combine(Directory, hash[..2], hash + extension);

    private static void WriteAtomically(string path, byte[] content)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
