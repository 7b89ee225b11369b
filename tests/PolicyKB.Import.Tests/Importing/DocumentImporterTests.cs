using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Import.Tests.Importing;

[TestClass]
public sealed class DocumentImporterTests
{
    private readonly List<string> _folders = [];

    private string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "policykb-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        _folders.Add(dir);
        return dir;
    }

    [TestCleanup]
    public void DeleteFolders()
    {
        foreach (var dir in _folders) Directory.Delete(dir, recursive: true);
    }

    private static void CopySample(string name, string folder) => File.Copy(RepoPaths.Sample(name), Path.Combine(folder, name));

    [TestMethod]
    public void Samples_folder_imports_every_page_and_attachment_and_skips_expected_json()
    {
        var sink = new MemorySink();
        var report = new DocumentImporter(sink, TestData.Parser).ImportPaths([RepoPaths.Samples]);
        var pages = Directory.EnumerateFiles(RepoPaths.Samples).Count(f => Path.GetExtension(f) is ".html" or ".htm" or ".shtml" or ".pdf" or ".docx");
        Assert.AreEqual(pages, report.Files.Count, "expected-JSON files are skipped, not counted");
        Assert.AreEqual(0, report.Failed, string.Join("\n", report.Files.Where(f => f.Error is not null).Select(f => f.Path + ": " + f.Error)));
        Assert.AreEqual(pages, report.Imported);
        Assert.AreEqual(pages, sink.Committed.Count);
        Assert.IsTrue(report.Warned >= 1, "the unknown-site pages warn");
    }

    [TestMethod]
    public void A_document_the_index_refuses_is_reported_failed_and_the_other_files_still_import()
    {
        var refused = "国家碳达峰试点建设方案";
        var sink = new MemorySink { Refuses = d => d.Title == refused };
        var report = new DocumentImporter(sink, TestData.Parser).ImportPaths([RepoPaths.Samples]);
        var failed = report.Files.Single(f => f.Error is not null);
        Assert.AreEqual(ImportStatus.Failed, failed.Status);
        StringAssert.Contains(failed.Error, "refused " + refused);
        Assert.AreEqual(report.Files.Count - 1, report.Imported);
        Assert.AreEqual(report.Files.Count - 1, sink.Committed.Count);
    }

    [TestMethod]
    public void Attachment_files_become_documents_linked_to_the_notice_that_links_them()
    {
        var sink = new MemorySink();
        new DocumentImporter(sink, TestData.Parser).ImportPaths([RepoPaths.Samples]);
        var notice = sink.Committed.Values.Single(d => d.Url == "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html");
        var pdf = sink.Committed.Values.Single(d => d.Url == "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/P020231106397417538927.pdf");
        Assert.AreEqual(notice.Id, pdf.ParentId);
        Assert.AreEqual(DocumentId.FromUrl(pdf.Url!), pdf.Id);
        Assert.AreEqual("国家碳达峰试点建设方案", pdf.Title);
        StringAssert.Contains(pdf.BodyText, "首批在15个省（自治区）开展碳达峰试点建设");

        var ccer = sink.Committed.Values.Single(d => d.DocumentNumber?.Normalized == "环办气候函〔2023〕343号");
        var docx = sink.Committed.Values.Single(d => d.ParentId == ccer.Id);
        Assert.AreEqual("CCER-14-002-V01", docx.Methodologies.Single().Code);
        Assert.AreEqual(Site.Mee, docx.Site);
    }

    [TestMethod]
    public void Attachment_files_are_issued_and_dated_as_their_notice_but_keep_no_document_number()
    {
        var sink = new MemorySink();
        new DocumentImporter(sink, TestData.Parser).ImportPaths([RepoPaths.Samples]);
        foreach (var attachment in sink.Committed.Values.Where(d => d.ParentId is not null))
        {
            var notice = sink.Committed[attachment.ParentId!];
            Assert.IsNotEmpty(notice.Issuers, $"the sample notice of {attachment.Title} names its issuers");
            CollectionAssert.AreEqual(notice.Issuers.ToList(), attachment.Issuers.ToList(), attachment.Title);
            Assert.AreEqual(notice.PublishedDate, attachment.PublishedDate, attachment.Title);
            Assert.AreEqual(notice.WrittenDate, attachment.WrittenDate, attachment.Title);
            // The 文号 is the notice's: an attachment holding it too would be found as the notice when cited.
            Assert.IsNull(attachment.DocumentNumber, attachment.Title);
        }
        Assert.AreEqual(2, sink.Committed.Values.Count(d => d.ParentId is not null));
    }

    [TestMethod]
    public void Reimporting_identical_files_leaves_them_unchanged_and_a_changed_file_updates()
    {
        var folder = NewFolder();
        CopySample("ndrc-lianyou-lvse.html", folder);
        CopySample("mee-ccer-fangfaxue.html", folder);
        var sink = new MemorySink();
        var importer = new DocumentImporter(sink, TestData.Parser);
        Assert.AreEqual(2, importer.ImportPaths([folder]).Imported);

        var again = new DocumentImporter(sink, TestData.Parser).ImportPaths([folder]);
        Assert.AreEqual(2, again.Unchanged);
        Assert.AreEqual(2, sink.Committed.Count, "never duplicated");

        var path = Path.Combine(folder, "ndrc-lianyou-lvse.html");
        File.WriteAllText(path, File.ReadAllText(path).Replace("各地区有关部门要加强统筹协调", "各地区有关部门要切实加强统筹协调"));
        var changed = new DocumentImporter(sink, TestData.Parser).ImportPaths([folder]);
        Assert.AreEqual(1, changed.Updated);
        Assert.AreEqual(1, changed.Unchanged);
        StringAssert.Contains(sink.Committed.Values.Single(d => d.Site == Site.Ndrc).BodyText, "切实加强");
    }

    [TestMethod]
    public void Malformed_files_fail_with_clear_reasons_and_good_files_still_import()
    {
        var folder = NewFolder();
        CopySample("govcn-puhui-jinrong.html", folder);
        CopySample("govcn-tanda-feng-xingdong-gbk.html", folder);
        var good = File.ReadAllBytes(RepoPaths.Sample("ndrc-tanda-feng-shidian.html"));
        File.WriteAllBytes(Path.Combine(folder, "empty.html"), []);
        File.WriteAllBytes(Path.Combine(folder, "binary.html"), Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "truncated.html"), good[..(good.Length / 3)]);
        File.WriteAllBytes(Path.Combine(folder, "truncated-head.html"), good[..200]);
        File.WriteAllBytes(Path.Combine(folder, "truncated.pdf"), File.ReadAllBytes(RepoPaths.Sample("P020231106397417538927.pdf"))[..300]);
        File.WriteAllBytes(Path.Combine(folder, "broken.docx"), "PK\u0003\u0004 not a zip"u8.ToArray());
        var gbk = File.ReadAllBytes(RepoPaths.Sample("govcn-tanda-feng-xingdong-gbk.html"));
        File.WriteAllBytes(Path.Combine(folder, "mislabelled.html"), Encoding.ASCII.GetBytes("<meta charset=\"utf-8\">").Concat(gbk).ToArray());
        using (var big = File.Create(Path.Combine(folder, "huge.html"))) big.SetLength(ImportOptions.DefaultMaxFileBytes + 1);
        File.WriteAllText(Path.Combine(folder, "deep.html"), "<html><head><title>深层页面</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "正文" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not imported");

        var sink = new MemorySink();
        var report = new DocumentImporter(sink, TestData.Parser).ImportPaths([folder, Path.Combine(folder, "missing.html")]);
        string Error(string name) => report.Files.Single(f => Path.GetFileName(f.Path) == name).Error ?? "";

        StringAssert.Contains(Error("empty.html"), "empty file");
        StringAssert.Contains(Error("binary.html"), "binary content");
        StringAssert.Contains(Error("huge.html"), "over the 20 MB limit");
        StringAssert.Contains(Error("truncated.pdf"), "unreadable PDF");
        StringAssert.Contains(Error("broken.docx"), "unreadable DOCX");
        StringAssert.Contains(Error("truncated-head.html"), "truncated");
        StringAssert.Contains(Error("missing.html"), "no such file");
        Assert.IsFalse(report.Files.Any(f => f.Path.EndsWith("notes.txt", StringComparison.Ordinal)), "other files are skipped, not failed");

        var truncated = report.Files.Single(f => f.Path.EndsWith("truncated.html", StringComparison.Ordinal));
        Assert.AreEqual(ImportStatus.Imported, truncated.Status);
        Assert.IsTrue(truncated.Warnings.Any(w => w.Contains("truncated")));
        var mislabelled = report.Files.Single(f => f.Path.EndsWith("mislabelled.html", StringComparison.Ordinal));
        Assert.AreEqual("国务院关于印发2030年前碳达峰行动方案的通知", mislabelled.Title);
        Assert.IsTrue(mislabelled.Warnings.Any(w => w.Contains("does not match")));
        Assert.AreEqual(ImportStatus.Imported, report.Files.Single(f => f.Path.EndsWith("deep.html", StringComparison.Ordinal)).Status);

        Assert.AreEqual(ImportStatus.Imported, report.Files.Single(f => f.Path.EndsWith("govcn-puhui-jinrong.html", StringComparison.Ordinal)).Status);
        Assert.AreEqual(7, report.Failed);
        Assert.AreEqual(report.Imported, sink.Committed.Count, "every good document is committed");
    }

    [TestMethod]
    public void Commits_happen_every_batch_and_at_the_end()
    {
        var sink = new MemorySink();
        var report = new DocumentImporter(sink, TestData.Parser, options: new ImportOptions { BatchSize = 5, Parallelism = 1 }).ImportPaths([RepoPaths.Samples]);
        Assert.AreEqual((report.Imported + 4) / 5, sink.Commits);
    }

    [TestMethod]
    public void Importing_on_several_cores_reports_and_stores_what_one_core_does()
    {
        var one = new MemorySink();
        var many = new MemorySink();
        var sequential = new DocumentImporter(one, TestData.Parser, options: new ImportOptions { Parallelism = 1 }).ImportPaths([RepoPaths.Samples]);
        var parallel = new DocumentImporter(many, TestData.Parser, options: new ImportOptions { Parallelism = 4, BatchSize = 3 }).ImportPaths([RepoPaths.Samples]);
        CollectionAssert.AreEqual(sequential.Files.Select(f => (f.Path, f.Status, f.DocumentId)).ToList(), parallel.Files.Select(f => (f.Path, f.Status, f.DocumentId)).ToList(),
            "same results, in file order");
        CollectionAssert.AreEquivalent(one.Committed.Keys.ToList(), many.Committed.Keys.ToList());
        foreach (var (id, doc) in one.Committed)
            Assert.AreEqual(doc.ParentId, many.Committed[id].ParentId, $"attachment links of {id}");
        Assert.IsTrue(many.Commits >= 2, "batches commit while the workers run");
    }

    [TestMethod]
    public void Size_limit_is_a_setting()
    {
        var result = new DocumentImporter(new MemorySink(), TestData.Parser, options: new ImportOptions { MaxFileBytes = 1000 })
            .ImportBytes(File.ReadAllBytes(RepoPaths.Sample("govcn-puhui-jinrong.html")), new PageSource("https://www.gov.cn/zhengce/content/202310/content_6908496.htm"));
        Assert.AreEqual(ImportStatus.Failed, result.Status);
        StringAssert.Contains(result.Error, "limit");
    }

    [TestMethod]
    public void Imported_bytes_are_committed_under_the_id_of_their_url()
    {
        var sink = new MemorySink();
        const string url = "https://www.gov.cn/zhengce/content/202310/content_6908496.htm";
        var result = new DocumentImporter(sink, TestData.Parser).ImportBytes(File.ReadAllBytes(RepoPaths.Sample("govcn-puhui-jinrong.html")), new PageSource(url, ContentType: "text/html; charset=utf-8"));
        Assert.AreEqual(ImportStatus.Imported, result.Status);
        Assert.AreEqual(DocumentId.FromUrl(url), result.DocumentId);
        Assert.IsTrue(sink.Committed.ContainsKey(result.DocumentId!));
    }

    [TestMethod]
    public void Fetched_attachment_gets_the_fetched_notice_as_parent()
    {
        var sink = new MemorySink();
        var importer = new DocumentImporter(sink, TestData.Parser);
        const string noticeUrl = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html";
        const string pdfUrl = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/P020231106397417538927.pdf";
        var notice = importer.ImportBytes(File.ReadAllBytes(RepoPaths.Sample("ndrc-tanda-feng-shidian.html")), new PageSource(noticeUrl));
        var pdf = importer.ImportBytes(File.ReadAllBytes(RepoPaths.Sample("P020231106397417538927.pdf")), new PageSource(pdfUrl, ContentType: "application/pdf"));
        Assert.AreEqual(DocumentId.FromUrl(pdfUrl), pdf.DocumentId);
        Assert.AreEqual(notice.DocumentId, sink.Committed[pdf.DocumentId!].ParentId);
        Assert.AreEqual(Site.Ndrc, sink.Committed[pdf.DocumentId!].Site);
    }

    [TestMethod]
    public void Progress_reports_every_file()
    {
        var seen = new List<ImportFileResult>();
        var importer = new DocumentImporter(new MemorySink(), TestData.Parser);
        string[] paths = [RepoPaths.Samples, RepoPaths.Sample("govcn-puhui-jinrong.html")];
        var total = importer.FilesOf(paths).Count;
        var report = importer.ImportPaths(paths, new SyncProgress(seen.Add));
        CollectionAssert.AreEqual(report.Files.ToList(), seen);
        Assert.AreEqual(total, seen.Count, "FilesOf gives the progress bar's total");
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<ImportFileResult> report) : IProgress<ImportFileResult>
    {
        public void Report(ImportFileResult value) => report(value);
    }
}
