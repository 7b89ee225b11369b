using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PolicyKB.Model;
using PolicyKB.Search.Indexing;

namespace PolicyKB.Search.Tests.Indexing;

/// <summary>Stored documents go through the project's codec (native Deflate): every size must come back byte for byte.</summary>
[TestClass]
public sealed class PolicyCodecTests
{
    [TestMethod]
    public void DocumentsOfEverySizeComeBackExactlyBeforeAndAfterCommit()
    {
        // Small notices share a 16 KB chunk; a long one spans several; an empty body is the edge.
        var random = new Random(7);
        var documents = new[] { 0, 10, 200, 5_000, 16_384, 40_000, 120_000 }
            .SelectMany((length, i) => Enumerable.Range(0, 3).Select(k => Docs.Make($"d{i}-{k}", $"通知{i}-{k}", Text(random, length))))
            .ToList();
        using var t = new TestIndex(documents: documents);
        foreach (var d in documents) Assert.AreEqual(Json(d), Json(t.Index.Get(d.Id)!), d.Id);

        t.Index.Delete(documents[0].Id);
        t.Index.Commit();
        foreach (var d in documents.Skip(1)) Assert.AreEqual(Json(d), Json(t.Index.Get(d.Id)!), d.Id);
    }

    [TestMethod]
    public void SegmentsNameTheProjectCodec()
    {
        using var t = new TestIndex(documents: [Docs.Make("a", "通知", "生态环境部印发方案。")]);
        t.Index.Commit();
        using var dir = FSDirectory.Open(Path.Combine(t.Folder, "lucene"));
        var infos = new SegmentInfos();
        infos.Read(dir);
        Assert.IsTrue(infos.Segments.Count > 0);
        foreach (var segment in infos.Segments) Assert.AreEqual(PolicyCodec.CodecName, segment.Info.Codec.Name);
    }

    private static string Text(Random random, int length)
    {
        const string pool = "碳达峰碳中和温室气体自愿减排交易市场配额分配生态环境部国家发展改革委，。、《》（）ABC123\n";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(pool[random.Next(pool.Length)]);
        return text.ToString();
    }

    private static string Json(PolicyDocument d) => JsonSerializer.Serialize(d, PolicyJson.Options);
}
