using System.Text;
using PolicyKB.Service.Api;

namespace PolicyKB.Service.Tests.Api;

[TestClass]
public sealed class CsvExportTests
{
    private static ExportRow Row(string title, string? snippet = null) =>
        new("abc", title, ["国务院", "国家发展改革委"], "国发〔2021〕23号", "通知", new DateOnly(2021, 10, 24), new DateOnly(2021, 10, 26), "https://www.gov.cn/a.htm", snippet, "已废止");

    private static async Task<byte[]> WriteAsync(IEnumerable<ExportRow> rows, bool byteOrderMark, string? notice = null)
    {
        using var output = new MemoryStream();
        await CsvExport.WriteAsync(output, rows, byteOrderMark, notice, CancellationToken.None);
        return output.ToArray();
    }

    [TestMethod]
    public async Task ForExcelStartsWithUtf8ByteOrderMark()
    {
        var bytes = await WriteAsync([Row("碳达峰行动方案")], byteOrderMark: true);

        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.AreEqual(string.Join(',', CsvExport.Header), lines[0]);
        Assert.AreEqual("碳达峰行动方案,国务院；国家发展改革委,国发〔2021〕23号,通知,2021-10-24,2021-10-26,https://www.gov.cn/a.htm,,abc,已废止", lines[1]);
    }

    [TestMethod]
    public async Task PlainCsvHasNoByteOrderMarkAndEndsWithTheNoticeWhenCut()
    {
        var notice = ExportNotice.Text(1, 1262, 1);

        var text = Encoding.UTF8.GetString(await WriteAsync([Row("碳达峰行动方案")], byteOrderMark: false, notice));

        StringAssert.StartsWith(text, "标题,");
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(3, lines.Length);
        Assert.AreEqual(CsvExport.Cell(notice), lines[^1]);
        Assert.Contains("共找到 1,262 条", notice);
    }

    [TestMethod]
    public void QuotesCellsWithSeparatorsQuotesAndLineBreaks()
    {
        Assert.AreEqual("\"a,b\"", CsvExport.Cell("a,b"));
        Assert.AreEqual("\"say \"\"hi\"\"\"", CsvExport.Cell("say \"hi\""));
        Assert.AreEqual("\"line1\nline2\"", CsvExport.Cell("line1\nline2"));
    }

    [TestMethod]
    public void CellsThatExcelWouldRunAsFormulasStayText()
    {
        Assert.AreEqual("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.Cell("=HYPERLINK(\"x\")"));
        Assert.AreEqual("'+1", CsvExport.Cell("+1"));
        Assert.AreEqual("'@SUM(A1)", CsvExport.Cell("@SUM(A1)"));
    }

    [TestMethod]
    public void SnippetBecomesPlainText()
    {
        Assert.AreEqual("推进<碳达峰> & 行动", ExportRow.PlainText("推进&lt;<mark>碳达峰</mark>&gt; &amp; 行动"));
    }
}
