using System.Text;
using PolicyKB.Import.Encodings;

namespace PolicyKB.Import.Tests.Encodings;

/// <summary>HTTP charset, BOM, &lt;meta charset&gt; and detection, in that order; wrong declarations overruled with a warning.</summary>
[TestClass]
public sealed class TextDecoderTests
{
    private const string Chinese = "国务院关于推进普惠金融高质量发展的实施意见";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Gbk(string s) => Encoding.GetEncoding("GB18030").GetBytes(s);

    private static string Page(string meta) => $"<html><head>{meta}<title>{Chinese}</title></head><body><p>{Chinese}</p></body></html>";

    [TestMethod]
    public void Gbk_page_declared_in_meta_is_read_as_gb18030()
    {
        var (text, error) = TextDecoder.Decode(Gbk(Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")), null);
        Assert.IsNull(error);
        StringAssert.Contains(text!.Text, Chinese);
        Assert.IsNull(text.Warning);
    }

    [TestMethod]
    public void Undeclared_gbk_page_is_detected()
    {
        var (text, _) = TextDecoder.Decode(Gbk(Page("")), null);
        Assert.AreEqual("gb18030", text!.EncodingName);
        StringAssert.Contains(text.Text, Chinese);
    }

    [TestMethod]
    public void Undeclared_utf8_page_is_detected()
    {
        var (text, _) = TextDecoder.Decode(Encoding.UTF8.GetBytes(Page("")), null);
        Assert.AreEqual("utf-8", text!.EncodingName);
        StringAssert.Contains(text.Text, Chinese);
    }

    [TestMethod]
    public void Http_charset_wins_over_the_meta_declaration()
    {
        var bytes = Gbk(Page("<meta charset=\"utf-8\">"));
        var (text, _) = TextDecoder.Decode(bytes, "text/html; charset=GBK");
        StringAssert.Contains(text!.Text, Chinese);
        Assert.IsNull(text.Warning);
    }

    [TestMethod]
    public void Server_default_latin1_charset_is_ignored_for_a_chinese_page()
    {
        var (text, _) = TextDecoder.Decode(Gbk(Page("<meta charset=\"gbk\">")), "text/html; charset=ISO-8859-1");
        StringAssert.Contains(text!.Text, Chinese);
    }

    [TestMethod]
    public void Bom_wins_over_the_meta_declaration()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Page("<meta charset=\"gbk\">"))).ToArray();
        var (text, _) = TextDecoder.Decode(bytes, null);
        Assert.AreEqual("utf-8", text!.EncodingName);
        StringAssert.Contains(text.Text, Chinese);
        Assert.IsFalse(text.Text.StartsWith('\uFEFF'));
    }

    [TestMethod]
    public void Utf8_page_mislabelled_gbk_is_read_as_utf8_with_a_warning()
    {
        var (text, _) = TextDecoder.Decode(Encoding.UTF8.GetBytes(Page("<meta charset=\"gbk\">")), null);
        StringAssert.Contains(text!.Text, Chinese);
        StringAssert.Contains(text.Warning, "does not match");
    }

    [TestMethod]
    public void Gbk_page_mislabelled_utf8_is_read_as_gb18030_with_a_warning()
    {
        var (text, _) = TextDecoder.Decode(Gbk(Page("<meta charset=\"utf-8\">")), null);
        StringAssert.Contains(text!.Text, Chinese);
        StringAssert.Contains(text.Warning, "read as gb18030");
    }

    [TestMethod]
    public void Bytes_no_encoding_reads_are_an_error()
    {
        var garbage = Enumerable.Range(0, 4000).Select(i => (byte)(i % 2 == 0 ? 0xFF : 0x30)).ToArray();
        var (text, error) = TextDecoder.Decode(garbage, null);
        Assert.IsNull(text);
        StringAssert.StartsWith(error, "undecodable text");
    }

    [TestMethod]
    [DataRow("text/html; charset=UTF-8", "UTF-8")]
    [DataRow("text/html;charset=\"gbk\"", "gbk")]
    [DataRow("text/html", null)]
    public void Charset_is_read_from_content_type(string contentType, string? charset)
        => Assert.AreEqual(charset, TextDecoder.CharsetIn(contentType));
}
