namespace PolicyKB.Briefs.Tests.Summaries;

[TestClass]
public sealed class QueryTermsTests
{
    [TestMethod]
    public void Operators_field_names_and_quotes_are_dropped()
    {
        CollectionAssert.AreEqual(new[] { "碳市场", "绿色金融", "生态环境部" },
            QueryTerms.From("碳市场 AND \"绿色金融\" NOT issuer:生态环境部").ToList());
    }

    [TestMethod]
    public void An_empty_query_has_no_terms() => Assert.AreEqual(0, QueryTerms.From("  ").Count);
}
