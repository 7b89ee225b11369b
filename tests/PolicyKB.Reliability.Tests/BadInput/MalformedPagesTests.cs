using System.Text;
using System.Text.Json;
using PolicyKB.Corpus;
using PolicyKB.Import;
using PolicyKB.Reliability.Tests.Infrastructure;
using PolicyKB.Search;

namespace PolicyKB.Reliability.Tests.BadInput;

/// <summary>A folder of good pages mixed with malformed ones: the good ones are imported, each bad one is reported, nothing crashes or hangs.</summary>
[TestClass]
public sealed class MalformedPagesTests
{
    private const int GoodPages = 12;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public void ImportTakesEveryGoodPageAndReportsEveryBadFile()
    {
        using var temp = new TempFolder("bad-input");
        var folder = temp.Sub("pages");
        // The damaged copies come from pages that are not among the good ones: a copy of a good page would update it.
        var pages = SmallCorpus.Pages(GoodPages + 3, seed: 99);
        var good = pages.Take(GoodPages).ToList();
        var goodPaths = SmallCorpus.Write(folder, good).Select(Path.GetFullPath).ToHashSet();
        var bad = WriteMalformed(Path.Combine(folder, "bad"), pages.Skip(GoodPages).ToList());

        var (exit, lines, errors) = Policykb.Run(TimeSpan.FromMinutes(2), "import", folder, "--index", Path.Combine(temp.Path, "index"), "--json");

        Assert.AreEqual(0, exit, "good pages were imported, so the import succeeds: " + errors);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => Path.GetFullPath(r.GetProperty("path").GetString()!), r => r);
        foreach (var r in results.Values) TestContext.WriteLine($"{Path.GetFileName(r.GetProperty("path").GetString())}: {Status(r)} {r.GetProperty("error")}");
        Assert.AreEqual(goodPaths.Count + bad.Count, results.Count, "one result for every file");
        foreach (var path in goodPaths)
            Assert.AreEqual(ImportStatus.Imported, Status(results[path]), path);
        foreach (var (path, mustFail) in bad)
        {
            var r = results[Path.GetFullPath(path)];
            var failed = Status(r) == ImportStatus.Failed;
            if (mustFail)
            {
                Assert.IsTrue(failed, $"{Path.GetFileName(path)} is not a page but was {Status(r)}");
                Assert.IsFalse(string.IsNullOrWhiteSpace(r.GetProperty("error").GetString()), $"{Path.GetFileName(path)}: failed without a reason");
            }
            else if (failed)
                Assert.IsFalse(string.IsNullOrWhiteSpace(r.GetProperty("error").GetString()), $"{Path.GetFileName(path)}: failed without a reason");
        }

        var check = PolicyIndex.Check(Path.Combine(temp.Path, "index"));
        Assert.IsTrue(check.Clean, string.Join("; ", check.Problems));
        using var index = PolicyIndex.Open(Path.Combine(temp.Path, "index"), TestData.IndexOptions);
        var stored = results.Values.Count(r => Status(r) != ImportStatus.Failed);
        Assert.AreEqual(stored, index.Count);
        var scripted = index.Search(new SearchRequest { Query = "alert", WithSnippets = true });
        foreach (var hit in scripted.Hits)
            Assert.IsFalse((hit.TitleHighlighted ?? "").Contains("<script", StringComparison.OrdinalIgnoreCase), "script in a title comes back escaped");
    }

    /// <summary>The status of a JSON result line, written as a name or as a number.</summary>
    private static ImportStatus Status(JsonElement result)
    {
        var status = result.GetProperty("status");
        return status.ValueKind == JsonValueKind.Number ? (ImportStatus)status.GetInt32() : Enum.Parse<ImportStatus>(status.GetString()!, ignoreCase: true);
    }

    /// <summary>Writes the malformed files; each with whether it must be reported as failed (it holds no page at all).</summary>
    private static List<(string Path, bool MustFail)> WriteMalformed(string dir, IReadOnlyList<GeneratedPage> samples)
    {
        Directory.CreateDirectory(dir);
        var list = new List<(string, bool)>();
        void Write(string name, byte[] bytes, bool mustFail)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            list.Add((path, mustFail));
        }

        var html = Encoding.UTF8.GetString(samples[2].Html);
        Write("empty.html", [], mustFail: true);
        Write("whitespace.html", Encoding.UTF8.GetBytes("   \r\n\t  \n"), mustFail: true);
        var binary = new byte[64 * 1024];
        new Random(1).NextBytes(binary);
        Write("binary.html", binary, mustFail: true);
        Write("fake.pdf", Encoding.UTF8.GetBytes("%PDF-1.7\nthis is not really a pdf"), mustFail: true);
        Write("truncated.html", samples[0].Html[..(samples[0].Html.Length / 3)], mustFail: false);
        Write("cut-in-a-character.html", samples[1].Html[..FirstMultiByteSplit(samples[1].Html)], mustFail: false);
        Write("nested-10000.html", Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>深层嵌套页面</title></head><body>"
            + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>关于深层嵌套的通知。</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>"), mustFail: false);
        var sentence = "各地区要加强生态环境保护，推进碳排放权交易市场建设。";
        var huge = new StringBuilder(21 * 1024 * 1024).Append("<html><head><meta charset=\"utf-8\"><title>超长页面</title></head><body><p>");
        while (huge.Length < 6_600_000) huge.Append(sentence); // 3 bytes a character in UTF-8: about 20 MB, just under the importer's limit
        Write("twenty-megabytes.html", Encoding.UTF8.GetBytes(huge.Append("</p></body></html>").ToString()), mustFail: false);
        Write("over-the-limit.html", new byte[21 * 1024 * 1024], mustFail: true);
        // GBK bytes under a UTF-8 declaration: the text is wrong, but the file must not stop the run.
        Write("wrong-charset.html", CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(html), mustFail: false);
        Write("utf16.html", Encoding.Unicode.GetBytes(html), mustFail: false);
        Write("script-title.html", Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>&lt;script&gt;alert(1)&lt;/script&gt;关于alert测试的通知</title></head><body>"
            + "<h1><script>alert('x')</script>关于alert测试的通知<img src=x onerror=alert(2)></h1><div class=\"content\"><p>alert 测试正文。<script>document.write('注入')</script></p></div></body></html>"), mustFail: false);
        Write("no-body.html", Encoding.UTF8.GetBytes("<html><head><title></title></head><body></body></html>"), mustFail: true);
        return list;
    }

    private static int FirstMultiByteSplit(byte[] bytes)
    {
        var i = bytes.Length / 2;
        while (i < bytes.Length && (bytes[i] & 0xC0) != 0x80) i++;
        return i;
    }
}
