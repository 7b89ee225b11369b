using PolicyKB.Model;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Status;

/// <summary>
/// The status phrases come from a file the user edits and run under a time limit. A phrase that cannot read a text in
/// time refuses that document with a message naming the phrase; it never stops an import or loses what is stored.
/// </summary>
[TestClass]
public sealed class StatusRuleTimeoutTests
{
    private const string RepealPattern = "\"(同时|予以|一并|即行|起)?废止(?!或)|不再执行|停止执行\"";

    [TestMethod]
    public void APhraseThatRunsOverItsTimeRefusesTheTextAndKeepsWhatIsStored()
    {
        // Nested repetition: on a run of 废 with no 除 after it, the engine tries every way to split the run.
        using var data = new DataFolderCopy(rules => rules.Replace(RepealPattern, RepealPattern[..^1] + "|(废+)+除\"", StringComparison.Ordinal));
        using var t = new TestIndex(data.Options);
        t.Index.Upsert(Docs.Make("kept", "关于推进碳达峰工作的通知", "推进碳达峰工作。"));
        t.Index.Commit();

        var hostile = "本通知自印发之日起施行。" + new string('废', 40) + "。";
        var refused = Assert.ThrowsExactly<DocumentRejectedException>(() => t.Index.Upsert(Docs.Make("new", "通知", hostile)));
        StringAssert.Contains(refused.Message, "'repeal'");
        StringAssert.Contains(refused.Message, "new");
        // The same text as an update of a stored document: the stored text stays.
        Assert.ThrowsExactly<DocumentRejectedException>(() => t.Index.Upsert(Docs.Make("kept", "关于推进碳达峰工作的通知", hostile)));
        t.Index.Commit();

        Assert.IsNull(t.Index.Get("new"));
        Assert.AreEqual("推进碳达峰工作。", t.Index.Get("kept")!.BodyText);
        t.Index.Upsert(Docs.Make("next", "关于做好节能工作的通知", "做好节能工作。"));
        t.Index.Commit();
        CollectionAssert.AreEquivalent(new[] { "kept" }, Querying.MatchingSemanticsTests.Ids(t.Index, "碳达峰"));
        CollectionAssert.AreEquivalent(new[] { "next" }, Querying.MatchingSemanticsTests.Ids(t.Index, "节能"));
    }

    /// <summary>A copy of the data folder with its status rules file rewritten, deleted on dispose.</summary>
    private sealed class DataFolderCopy : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "policykb-search-tests", "data-" + Guid.NewGuid().ToString("N"));

        public DataFolderCopy(Func<string, string> rewriteStatusRules)
        {
            var source = TestData.Folder.Folder;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var rules = Path.Combine(_folder, StatusPhrases.DefaultFile);
            var text = File.ReadAllText(rules);
            var rewritten = rewriteStatusRules(text);
            Assert.AreNotEqual(text, rewritten, "the status rules file no longer holds what the test rewrites");
            File.WriteAllText(rules, rewritten);
            Options = new PolicyIndexOptions { Data = new SearchData(new PolicyData(_folder)) };
        }

        public PolicyIndexOptions Options { get; }

        public void Dispose()
        {
            try { Directory.Delete(_folder, true); } catch (IOException) { /* left for the OS temp cleaner */ }
        }
    }
}
