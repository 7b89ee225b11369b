namespace PolicyKB.Model.Tests;

[TestClass]
public sealed class DocumentNumberTests
{
    [TestMethod]
    [DataRow("发改能源〔2026〕884号")]
    [DataRow("发改能源[2026]884号")]
    [DataRow("发改能源［2026］884号")]
    [DataRow("发改能源(2026)884号")]
    [DataRow("发改能源（2026）884号")]
    [DataRow("发改能源【2026】884号")]
    [DataRow("发改能源〔２０２６〕８８４号")]
    [DataRow(" 发改能源 〔2026〕 884 号 ")]
    public void Every_bracket_form_and_full_width_digits_normalise_to_one_form(string raw)
    {
        var n = DocumentNumber.Parse(raw)!;
        Assert.AreEqual("发改能源〔2026〕884号", n.Normalized);
        Assert.AreEqual("发改能源", n.IssuerCode);
        Assert.AreEqual(2026, n.Year);
        Assert.AreEqual(884, n.Serial);
        Assert.AreEqual(raw.Trim(), n.Raw);
    }

    [TestMethod]
    [DataRow("国发〔2023〕15号", "国发", 2023, 15)]
    [DataRow("环办气候函〔2023〕343号", "环办气候函", 2023, 343)]
    [DataRow("工信部联通信〔2023〕180号", "工信部联通信", 2023, 180)]
    public void Issuer_code_year_and_serial_are_parts(string raw, string code, int year, int serial)
    {
        var n = DocumentNumber.Parse(raw)!;
        Assert.AreEqual((code, year, serial), (n.IssuerCode, n.Year, n.Serial));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("关于印发方案的通知")]
    public void Non_numbers_give_null(string? raw) => Assert.IsNull(DocumentNumber.Parse(raw));

    [TestMethod]
    public void Number_is_found_inside_title_parentheses_and_on_body_lines()
    {
        Assert.AreEqual("发改能源〔2026〕884号", DocumentNumber.Find("关于印发《规划》的通知(发改能源〔2026〕884号)")?.Normalized);
        var all = DocumentNumber.FindAll("国发〔2021〕23号\n（发改环资[2023]1409号）").Select(n => n.Normalized).ToArray();
        CollectionAssert.AreEqual(new[] { "国发〔2021〕23号", "发改环资〔2023〕1409号" }, all);
    }

    [TestMethod]
    [DataRow("根据国发〔2021〕23号文件精神", "国发〔2021〕23号")]
    [DataRow("按照《方案》（发改环资〔2023〕1409号）要求", "发改环资〔2023〕1409号")]
    [DataRow("依据环办气候函〔2023〕343号", "环办气候函〔2023〕343号")]
    [DataRow("现将国办发〔2022〕7号印发", "国办发〔2022〕7号")]
    public void Number_in_running_text_does_not_take_the_words_before_it(string text, string expected)
        => Assert.AreEqual(expected, DocumentNumber.Find(text)?.Normalized);

    [TestMethod]
    [DataRow("生态环境部 市场监管总局令 第31号", "生态环境部 市场监管总局令第31号", "生态环境部 市场监管总局令", 0, 31)]
    [DataRow("公告2023年 第29号", "公告2023年第29号", "公告", 2023, 29)]
    [DataRow("生态环境部公告２０２３年第２９号", "生态环境部公告2023年第29号", "生态环境部公告", 2023, 29)]
    public void Orders_and_announcements_are_numbers_too(string raw, string normalized, string code, int year, int serial)
    {
        var n = DocumentNumber.Parse(raw);
        Assert.IsNotNull(n);
        Assert.AreEqual(normalized, n.Normalized);
        Assert.AreEqual(code, n.IssuerCode);
        Assert.AreEqual(year, n.Year);
        Assert.AreEqual(serial, n.Serial);
        Assert.AreEqual(n.Normalized, DocumentNumber.Parse(n.Normalized)?.Normalized, "the normalised form reads back as itself");
    }
}
