using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests.Rendering;

[TestClass]
public sealed class RenderingTests
{
    private static readonly BriefRequest October = new() { Number = 24, IssueOfYear = 12, Date = new DateOnly(2023, 10, 31) };
    private static readonly Brief Brief = new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, TestDocuments.October);

    private static string Text(BriefFormat format) => Encoding.UTF8.GetString(BriefRenderer.Render(Brief, format).Content);

    [TestMethod]
    public void Markdown_has_the_title_block_a_table_of_contents_with_every_item_and_the_sections_in_order()
    {
        var md = Text(BriefFormat.Markdown);

        StringAssert.StartsWith(md, "# 长三角绿色发展观察\n\nObservation of Yangtze River Delta Green Development\n\n长三角一体化示范区绿色发展国际创新中心\n\n2023 年第 12 期 (总 24 期)\n\n2023 年 10 月 31 日\n");
        var toc = md.IndexOf("## 目录", StringComparison.Ordinal);
        var body = md.IndexOf("## 一、政策速递", StringComparison.Ordinal);
        Assert.IsTrue(toc > 0 && body > toc);
        foreach (var item in Brief.AllItems)
        {
            var inToc = md.IndexOf(item.Title, toc, StringComparison.Ordinal);
            Assert.IsTrue(inToc > toc && inToc < body, item.Title);
            Assert.IsTrue(md.IndexOf(item.Title, body, StringComparison.Ordinal) > body, item.Title);
        }
        var headings = new[] { "## 一、政策速递", "## 二、长三角环发要闻", "## 三、绿色实践", "### （一）碳市场", "## 未归类" }
            .Select(h => md.IndexOf(h + "\n", body, StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(headings.Order().ToList(), headings);
        Assert.IsFalse(headings.Contains(-1));
        StringAssert.Contains(md, "> 来源：国务院；国发〔2023〕15号；发布日期：2023-10-11\n>\n> <https://www.example.gov.cn/zhengce/a001.htm>");
    }

    [TestMethod]
    public void The_same_input_renders_byte_identical_markdown_and_html()
    {
        var again = new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, TestDocuments.October);
        CollectionAssert.AreEqual(BriefRenderer.Render(Brief, BriefFormat.Markdown).Content, BriefRenderer.Render(again, BriefFormat.Markdown).Content);
        CollectionAssert.AreEqual(BriefRenderer.Render(Brief, BriefFormat.Html).Content, BriefRenderer.Render(again, BriefFormat.Html).Content);
    }

    [TestMethod]
    public void Html_escapes_everything_that_comes_from_documents()
    {
        var hostile = TestDocuments.Doc("h1", "<script>alert(1)</script>关于某事项的通知", ["生态环境部"], [], "2023-10-09", Site.Mee, null,
            "生态环境部印发<b onclick=\"x()\">通知</b>，要求各地做好相关工作。") with { Url = "javascript:alert(2)" };
        var brief = new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, [hostile]);

        var html = Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Html).Content);

        Assert.IsFalse(html.Contains("<script>", StringComparison.OrdinalIgnoreCase), html);
        Assert.IsFalse(html.Contains("<b ", StringComparison.Ordinal));
        Assert.IsFalse(html.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        StringAssert.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
        StringAssert.Contains(html, "&lt;b onclick=&quot;x()&quot;&gt;");
    }

    [TestMethod]
    public void Html_is_one_standalone_page_with_a_print_stylesheet()
    {
        var html = Text(BriefFormat.Html);
        StringAssert.StartsWith(html, "<!DOCTYPE html>");
        StringAssert.Contains(html, "@media print");
        Assert.IsFalse(html.Contains("<link", StringComparison.Ordinal) || html.Contains("<script", StringComparison.Ordinal));
        foreach (var item in Brief.AllItems) StringAssert.Contains(html, $"href=\"#doc-{item.Id}\"");
    }

    [TestMethod]
    public void Markdown_escapes_markup_in_document_text()
    {
        var doc = TestDocuments.Doc("m1", "关于*重点*工作[清单]的通知", ["生态环境部"], [], "2023-10-09", Site.Mee, null, "生态环境部印发通知，部署重点工作。");
        var md = Encoding.UTF8.GetString(BriefRenderer.Render(new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October, [doc]), BriefFormat.Markdown).Content);
        StringAssert.Contains(md, @"关于\*重点\*工作\[清单\]的通知");
    }

    [TestMethod]
    public void The_word_document_validates_and_holds_the_same_items_under_heading_styles()
    {
        var rendered = BriefRenderer.Render(Brief, BriefFormat.Docx);
        Assert.AreEqual(".docx", rendered.FileExtension);

        using var doc = WordprocessingDocument.Open(new MemoryStream(rendered.Content), isEditable: false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        foreach (var id in new[] { "Heading1", "Heading2", "Heading3", "Title" }) CollectionAssert.Contains(styles, id);

        var paragraphs = doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
        Assert.AreEqual("长三角绿色发展观察", paragraphs[0].Text);
        Assert.IsTrue(paragraphs.Any(p => p.Style == "TOC1" && p.Text.Contains("一、政策速递")));
        Assert.IsTrue(doc.MainDocumentPart.Document.Body.Descendants<FieldCode>().Any(f => f.Text.Contains("TOC")));
        var itemHeadings = paragraphs.Where(p => p.Style is "Heading2" or "Heading3").Select(p => p.Text).ToList();
        foreach (var item in Brief.AllItems) CollectionAssert.Contains(itemHeadings, item.NumberedTitle);
        CollectionAssert.AreEqual(new[] { "一、政策速递", "二、长三角环发要闻", "三、绿色实践", "未归类" },
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text).ToList());
    }

    [TestMethod]
    public void A_document_carried_by_an_earlier_issue_is_marked_in_every_format()
    {
        var history = new[] { new IssuedBrief(23, 11, new DateOnly(2023, 9, 30), "x", ["a002"], DateTimeOffset.MinValue) };
        var brief = new BriefComposer(TimeProvider.System, TestData.Briefs).Compose(October with { UsedDocuments = UsedDocuments.Mark }, TestDocuments.October, history);

        StringAssert.Contains(Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Markdown).Content), "已见于总第 23 期");
        StringAssert.Contains(Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Html).Content), "已见于总第 23 期");
        using var doc = WordprocessingDocument.Open(new MemoryStream(BriefRenderer.Render(brief, BriefFormat.Docx).Content), isEditable: false);
        StringAssert.Contains(doc.MainDocumentPart!.Document!.Body!.InnerText, "已见于总第 23 期");
    }

    [TestMethod]
    public void Formats_parse_from_their_names()
    {
        Assert.IsTrue(BriefRenderer.TryParseFormat("DOCX", out var f) && f == BriefFormat.Docx);
        Assert.IsTrue(BriefRenderer.TryParseFormat("md", out f) && f == BriefFormat.Markdown);
        Assert.IsFalse(BriefRenderer.TryParseFormat("pdf", out _));
    }
}
