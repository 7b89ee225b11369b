using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace PolicyKB.Cli.Tests.Commands;

/// <summary>
/// Real policykb processes on one knowledge-base folder: one writer at a time, a second told who holds it and how to
/// hand it the work, readers that never write.
/// </summary>
[TestClass]
public sealed class OneWriterTests
{
    private static int Total(string index, string query)
    {
        var run = CliRunner.Policykb("search", query, "--index", index, "--json", "--size", "1");
        Assert.AreEqual(0, run.ExitCode, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static int Documents(string index)
    {
        var run = CliRunner.Policykb("check", "--index", index, "--json");
        Assert.AreEqual(0, run.ExitCode, run.Out + run.Err);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("documents").GetInt32();
    }

    [TestMethod]
    public void TwoImportsAtOnceTheSecondIsToldWhoWritesAndNothingIsLost()
    {
        var temp = CliRunner.TempDirectory();
        var generated = Path.Combine(temp, "generated");
        var index = Path.Combine(temp, "index");
        Assert.AreEqual(0, CliRunner.Policykb("generate", "--docs", "600", "--out", generated).ExitCode);

        using var first = CliRunner.Start("import", generated, "--index", index);
        var holder = Path.Combine(index, "writer.json");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(holder) && File.ReadAllText(holder).Contains(first.Process.Id.ToString(CultureInfo.InvariantCulture))) && DateTime.UtcNow < deadline && !first.Process.HasExited)
            Thread.Sleep(20);
        Assert.IsFalse(first.Process.HasExited, "the first import still runs: " + first.Out + first.Err);

        var second = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", index);
        Assert.AreEqual(3, second.ExitCode, second.Out + second.Err);
        StringAssert.Contains(second.Err, $"进程 {first.Process.Id}", "names the holder");
        StringAssert.Contains(second.Err, "policykb import");
        StringAssert.Contains(second.Err, "--server", "and the way forward");
        Assert.IsFalse(second.Err.Contains("   at ", StringComparison.Ordinal), "no stack trace");

        var done = first.Wait(TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, done.ExitCode, done.Out + done.Err);
        var afterFirst = Documents(index);
        Assert.IsGreaterThanOrEqualTo(590, afterFirst, done.Out);

        var again = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", index);
        Assert.AreEqual(0, again.ExitCode, again.Out + again.Err);
        Assert.IsGreaterThan(afterFirst, Documents(index), "the samples join the generated pages");
        Assert.IsGreaterThan(0, Total(index, "碳达峰试点"));
    }

    [TestMethod]
    public void WhileServeRunsACliImportIsRefusedAndAServerImportLands()
    {
        var temp = CliRunner.TempDirectory();
        var index = Path.Combine(temp, "index");
        var empty = Directory.CreateDirectory(Path.Combine(temp, "no-samples")).FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = CliRunner.Start("serve", "--urls", url, "--index", index, "--samples", empty, "--PolicyKB:AdminApiKey=k3y");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        WaitForHealth(http, serve);

        var refused = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", index);
        Assert.AreEqual(3, refused.ExitCode, refused.Out + refused.Err);
        StringAssert.Contains(refused.Err, "policykb serve");

        var wrongKey = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--server", url, "--api-key", "wrong");
        Assert.AreEqual(1, wrongKey.ExitCode, wrongKey.Out + wrongKey.Err);
        StringAssert.Contains(wrongKey.Err, "401");

        var handed = CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--server", url, "--api-key", "k3y");
        Assert.AreEqual(0, handed.ExitCode, handed.Out + handed.Err);
        StringAssert.Contains(handed.Out, "failed 0");

        // Pages are uploaded before attachment files, so the sample plan (a PDF) finds the notice that links it.
        var plan = http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("首批在15个省")).Result;
        using (var json = JsonDocument.Parse(plan))
            Assert.IsTrue(json.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.Object), plan);

        var result = http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("碳达峰试点")).Result;
        using (var json = JsonDocument.Parse(result)) Assert.IsGreaterThan(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.IsGreaterThan(0, Total(index, "碳达峰试点"), "a CLI search reads the server's commits while it runs");

        var stopped = serve.Stop();
        // SIGTERM stops the host gracefully: it commits and lets go of the folder, then the command ends normally.
        Assert.AreEqual(0, stopped.ExitCode, stopped.Out + stopped.Err);
        StringAssert.Contains(stopped.Out, "committed", "the server committed before it let go of the folder");
        Assert.IsGreaterThan(0, Total(index, "碳达峰试点"), "and after it stopped");
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // file modes: the copy is made read-only as on Linux
    public void ASearchOfAReadOnlyCopyChangesNothing()
    {
        var temp = CliRunner.TempDirectory();
        var index = Path.Combine(temp, "index");
        Assert.AreEqual(0, CliRunner.Policykb("import", CliRunner.SamplesDirectory(), "--index", index).ExitCode);
        var copy = Path.Combine(temp, "backup");
        foreach (var file in Directory.GetFiles(index, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(index, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (var entry in Directory.GetFileSystemEntries(copy, "*", SearchOption.AllDirectories).Append(copy))
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        try
        {
            var before = Fingerprint(copy);
            Assert.IsGreaterThan(0, Total(copy, "碳达峰"));
            var check = CliRunner.Policykb("check", "--index", copy);
            Assert.AreEqual(0, check.ExitCode, check.Out + check.Err);
            CollectionAssert.AreEqual(before, Fingerprint(copy), "not a file added, removed or changed");
        }
        finally
        {
            foreach (var entry in Directory.GetFileSystemEntries(copy, "*", SearchOption.AllDirectories).Append(copy))
                File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.UserWrite);
        }
    }

    private static List<string> Fingerprint(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForHealth(HttpClient http, CliRunner.Background serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(serve.Process.HasExited, "serve stopped: " + serve.Out + serve.Err);
            try
            {
                if (http.GetAsync("/health").Result.IsSuccessStatusCode) return;
            }
            catch (AggregateException) { /* not listening yet */ }
            Thread.Sleep(100);
        }
        Assert.Fail("serve did not answer /health in 90 s: " + serve.Out + serve.Err);
    }
}
