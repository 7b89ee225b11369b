using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Summaries;

/// <summary>
/// A notice whose page carries its attachment's text after its own, as MEE pages do: the notice (purpose, 一、二、三、),
/// then 附件：1.… 2.…, the signature and （此件社会公开）, then 附件1 and the attachment's text
/// (Fixtures/mee-peixun-fujian.html, written in that template for this test).
/// </summary>
[TestClass]
public sealed class NoticeWithAttachmentTests
{
    private const string Purpose = "为提升各地排污许可证后管理能力，统一执法检查尺度，我部定于2024年3月举办全国排污许可证后管理培训班。";
    private static readonly string[] AttachmentSentences =
    [
        "本次培训共安排12个专题，到2025年底前将覆盖全部持证排污单位的管理人员。",
        "第一天解读排污许可管理条例，各地应当结合典型案例开展研讨，参训人员不得缺课。",
        "第二天介绍执行报告审核和证后监管的主要方法，要求学员完成50道练习题。",
    ];

    private static PolicyDocument Notice()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mee-peixun-fujian.html");
        return TestData.Parser.Parse(File.ReadAllBytes(path), new PageSource(FilePath: path)).Document!;
    }

    [TestMethod]
    public void TheAttachmentsTextInTheBodyIsReadAsTheAttachments()
    {
        var sentences = Sentences.Of(Notice(), TestData.Briefs.SummaryRules);

        Assert.IsFalse(sentences.Single(s => s.Text == Purpose).FromAttachment);
        foreach (var text in AttachmentSentences)
            Assert.IsTrue(sentences.Single(s => s.Text == text).FromAttachment, text);
    }

    [TestMethod]
    public void TheSummaryIsTakenFromTheNoticesOwnTextFirst()
    {
        var summary = new Summarizer(new SummaryOptions(), TestData.Briefs.SummaryRules, TestData.Issuers).Summarize(Notice(), []);

        Assert.IsTrue(summary.Count >= 2, string.Join(" ¶ ", summary));
        // After the lead, the summary opens with the notice's own sentences; the attachment's may only follow them.
        var afterLead = string.Concat(summary.Skip(1));
        var firstOwn = afterLead.IndexOf("严格按名额派员", StringComparison.Ordinal);
        Assert.IsTrue(firstOwn >= 0, afterLead);
        foreach (var text in AttachmentSentences)
        {
            var at = afterLead.IndexOf(text, StringComparison.Ordinal);
            Assert.IsTrue(at < 0 || at > firstOwn, $"attachment text before the notice's own: {afterLead}");
        }
        StringAssert.StartsWith(summary[1], Purpose, string.Join(" ¶ ", summary));
    }

    [TestMethod]
    public void FlatTextSplitsAtTheAttachmentsList()
    {
        // A page whose line breaks were lost: the notice, its 附件 list, the signature and the attachment run together.
        var flat = Notice() with { Body = [BodyBlock.Paragraph(string.Concat(Notice().Body.Select(b => b.Text)))] };

        var sentences = Sentences.Of(flat, TestData.Briefs.SummaryRules);

        Assert.IsFalse(sentences.Single(s => s.Text.EndsWith("严格按名额派员。", StringComparison.Ordinal)).FromAttachment);
        Assert.IsTrue(sentences.Single(s => s.Text.EndsWith("要求学员完成50道练习题。", StringComparison.Ordinal)).FromAttachment);
    }
}
