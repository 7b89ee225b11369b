namespace PolicyKB.Search.Tests.Api;

[TestClass]
public sealed class DateBoundTests
{
    [TestMethod]
    [DataRow("2023-10-11", false, "2023-10-11")]
    [DataRow("2023年10月", false, "2023-10-01")]
    [DataRow("2023年10月", true, "2023-10-31")]
    [DataRow("2024", true, "2024-12-31")]
    public void A_day_month_or_year_is_read_and_widened_to_the_bound(string text, bool upper, string expected)
        => Assert.AreEqual(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateBound.Parse(text, upper).Value);

    [TestMethod]
    [DataRow("2023-13-01")]
    [DataRow("yesterday")]
    [DataRow("2023-02-30")]
    public void Anything_else_is_a_failure_with_the_message_every_front_shows(string text)
    {
        var parsed = DateBound.Parse(text, upper: false);

        Assert.IsFalse(parsed.Success);
        Assert.AreEqual($"“{text}”不是日期（如 2023-10-11、2023-10 或 2023）。", parsed.Error);
    }
}
