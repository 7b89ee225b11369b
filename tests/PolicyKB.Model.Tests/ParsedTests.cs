namespace PolicyKB.Model.Tests;

[TestClass]
public sealed class ParsedTests
{
    [TestMethod]
    public void A_value_read_is_a_success_with_no_errors()
    {
        var parsed = Parsed.Of(42);

        Assert.IsTrue(parsed.Success);
        Assert.AreEqual(42, parsed.Value);
        Assert.IsNull(parsed.Error);
        Assert.IsEmpty(parsed.Errors);
        Assert.IsTrue(parsed.TryGetValue(out var value));
        Assert.AreEqual(42, value);
    }

    [TestMethod]
    public void A_failure_gives_its_message_and_no_value()
    {
        var parsed = Parsed.Fail<int>("“x”不是日期。");

        Assert.IsFalse(parsed.Success);
        Assert.AreEqual("“x”不是日期。", parsed.Error);
        Assert.AreEqual("“x”不是日期。", parsed.Errors[""]);
        Assert.IsFalse(parsed.TryGetValue(out _));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => parsed.Value);
        StringAssert.Contains(e.Message, "“x”不是日期。");
    }

    [TestMethod]
    public void A_failure_of_several_parts_keeps_each_under_its_name_in_the_order_found()
    {
        var parsed = Parsed.Fail<string>([KeyValuePair.Create("size", "太大。"), KeyValuePair.Create("from", "不是日期。")]);

        CollectionAssert.AreEqual(new[] { "size", "from" }, parsed.Errors.Keys.ToArray());
        Assert.AreEqual("太大。", parsed.Error);
        Assert.AreEqual("太大。", Parsed.Fail<int>("size", "太大。").Errors["size"]);
    }

    [TestMethod]
    public void A_failure_needs_a_message()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Parsed.Fail<int>(""));
        Assert.ThrowsExactly<ArgumentException>(() => Parsed.Fail<int>([]));
    }

    [TestMethod]
    public void The_errors_of_a_failure_cannot_be_changed_through_the_result()
    {
        var errors = new Dictionary<string, string> { ["q"] = "过长。" };
        var parsed = Parsed.Fail<int>(errors);
        errors["q"] = "changed";

        Assert.AreEqual("过长。", parsed.Error);
        Assert.IsNotInstanceOfType<Dictionary<string, string>>(parsed.Errors);
    }
}
