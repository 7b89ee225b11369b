using PolicyKB.Import.Normalise;

namespace PolicyKB.Import.Tests.Normalise;

[TestClass]
public sealed class DatesTests
{
    [TestMethod]
    [DataRow("2023年10月11日", 2023, 10, 11)]
    [DataRow("2023年09月25日", 2023, 9, 25)]
    [DataRow("2023 年 10 月 31 日", 2023, 10, 31)]
    [DataRow("2023-10-11", 2023, 10, 11)]
    [DataRow("2023/10/11", 2023, 10, 11)]
    [DataRow("2023-10-11-21:50:00", 2023, 10, 11)]
    [DataRow("2026-06-25 08:50:06", 2026, 6, 25)]
    [DataRow("发布时间：2026/06/25", 2026, 6, 25)]
    [DataRow("二〇二三年十月十一日", 2023, 10, 11)]
    [DataRow("二〇二一年十月二十四日", 2021, 10, 24)]
    [DataRow("二○二三年三月三十一日", 2023, 3, 31)]
    [DataRow("２０２３年１０月１１日", 2023, 10, 11)]
    public void Dates_parse_in_every_written_form(string text, int y, int m, int d)
        => Assert.AreEqual(new DateOnly(y, m, d), Dates.Parse(text));

    [TestMethod]
    [DataRow("")]
    [DataRow("十四五期间")]
    [DataRow("2023年13月01日")]
    [DataRow("2023-02-30")]
    public void Non_dates_give_null(string text) => Assert.IsNull(Dates.Parse(text));

    [TestMethod]
    public void The_earliest_date_in_a_text_is_found_whatever_its_form()
        => Assert.AreEqual(new DateOnly(2023, 9, 15), Dates.Find("已于2023年9月15日审议通过，2023-10-19公布"));
}
