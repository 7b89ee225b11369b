namespace PolicyKB.Import.Tests.Files;

[TestClass]
public sealed class AttachmentTextTests
{
    [TestMethod]
    public void Pdf_text_is_extracted()
    {
        var text = AttachmentText.Extract(File.ReadAllBytes(RepoPaths.Sample("P020231106397417538927.pdf")), "P020231106397417538927.pdf");
        StringAssert.Contains(text, "国家碳达峰试点建设方案");
        StringAssert.Contains(text, "到2025年，试点城市和园区碳达峰碳中和工作取得积极进展。");
    }

    [TestMethod]
    public void Docx_paragraphs_are_extracted_one_a_line()
    {
        var text = AttachmentText.Extract(File.ReadAllBytes(RepoPaths.Sample("W020231024611953730155.docx")), "docx");
        var lines = text!.Split('\n');
        Assert.AreEqual("温室气体自愿减排项目方法学 红树林营造（CCER-14-002-V01）", lines[0]);
        Assert.AreEqual("1 引言", lines[1]);
    }

    [TestMethod]
    public void Damaged_or_foreign_files_give_null()
    {
        Assert.IsNull(AttachmentText.Extract("%PDF-1.7\n1 0 obj"u8.ToArray(), "a.pdf"));
        Assert.IsNull(AttachmentText.Extract("PK\u0003\u0004garbage"u8.ToArray(), "a.docx"));
        Assert.IsNull(AttachmentText.Extract("hello"u8.ToArray(), "a.txt"));
    }
}
