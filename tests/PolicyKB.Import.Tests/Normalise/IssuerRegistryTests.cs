namespace PolicyKB.Import.Tests.Normalise;

[TestClass]
public sealed class IssuerRegistryTests
{
    private static IssuerRegistry Registry => TestData.Issuers;

    [TestMethod]
    [DataRow("国家发展改革委", "国家发展和改革委员会")]
    [DataRow("国家发展和改革委员会", "国家发展和改革委员会")]
    [DataRow("发改委", "国家发展和改革委员会")]
    [DataRow("国 家 能 源 局", "国家能源局")]
    [DataRow("环境保护部", "生态环境部")]
    [DataRow("国家发展计划委员会", "国家发展和改革委员会")]
    [DataRow("生态环境部办公厅", "生态环境部办公厅")]
    [DataRow("环境保护部办公厅", "生态环境部办公厅")]
    [DataRow("中央网信办", "中央网络安全和信息化委员会办公室")]
    [DataRow("某县农业局", "某县农业局")]
    [DataRow("中华人民共和国环境保护部", "生态环境部")]
    [DataRow("核安全局", "国家核安全局")]
    [DataRow("中国银保监会办公厅", "国家金融监督管理总局办公厅")]
    [DataRow("国务院扶贫办", "国家乡村振兴局")]
    [DataRow("中华人民共和国", "中华人民共和国")]
    public void Names_resolve_to_the_canonical_issuer(string name, string canonical)
        => Assert.AreEqual(canonical, Registry.Resolve(name));

    [TestMethod]
    [DataRow("国家发展改革委 国家能源局 工业和信息化部 生态环境部", new[] { "国家发展和改革委员会", "国家能源局", "工业和信息化部", "生态环境部" })]
    [DataRow("国家发展改革委、国家能源局", new[] { "国家发展和改革委员会", "国家能源局" })]
    [DataRow("国家发展改革委国家能源局", new[] { "国家发展和改革委员会", "国家能源局" })]
    [DataRow("国 家 能 源 局", new[] { "国家能源局" })]
    [DataRow("国家发展改革委 国 家 能 源 局 生 态 环 境 部", new[] { "国家发展和改革委员会", "国家能源局", "生态环境部" })]
    [DataRow("工业和信息化部等六部门", new[] { "工业和信息化部" })]
    [DataRow("生态环境部 国家市场监督管理总局", new[] { "生态环境部", "国家市场监督管理总局" })]
    [DataRow("发改委；发改委", new[] { "国家发展和改革委员会" })]
    [DataRow("生态环境部 发展改革委工业和信息化部 公安部司法部 财政部", new[] { "生态环境部", "国家发展和改革委员会", "工业和信息化部", "公安部", "司法部", "财政部" })]
    public void Joint_issuers_split_in_order(string raw, string[] expected)
        => CollectionAssert.AreEqual(expected, Registry.Split(raw).ToArray());

    [TestMethod]
    [DataRow("国务院", IssuerLevel.StateCouncil)]
    [DataRow("国务院办公厅", IssuerLevel.StateCouncil)]
    [DataRow("生态环境部", IssuerLevel.Ministry)]
    [DataRow("生态环境部办公厅", IssuerLevel.Ministry)]
    [DataRow("国家发展改革委办公厅", IssuerLevel.Ministry)]
    [DataRow("上海市生态环境局", IssuerLevel.Regional)]
    [DataRow("浙江省人民政府", IssuerLevel.Regional)]
    [DataRow("上海环境能源交易所", IssuerLevel.Other)]
    [DataRow("某协会", IssuerLevel.Other)]
    public void Issuers_have_levels(string name, IssuerLevel level)
        => Assert.AreEqual(level, Registry.Level(name));

    [TestMethod]
    [DataRow("国务院", null)]
    [DataRow("国务院办公厅", "国务院")]
    [DataRow("生态环境部", "国务院")]
    [DataRow("生态环境部办公厅", "生态环境部")]
    [DataRow("国家发展改革委办公厅", "国家发展和改革委员会")]
    [DataRow("国家能源局", "国家发展和改革委员会")]
    [DataRow("国家核安全局", "生态环境部")]
    [DataRow("中共中央办公厅", "中共中央")]
    [DataRow("上海市生态环境局", null)]
    [DataRow("某协会", null)]
    public void Issuers_stand_under_their_parent(string name, string? parent)
        => Assert.AreEqual(parent, Registry.Parent(name));

    [TestMethod]
    public void Every_ministry_of_the_data_file_leads_up_to_the_State_Council_or_the_Party_centre()
    {
        foreach (var ministry in Registry.Issuers.Where(i => i.Level == IssuerLevel.Ministry))
        {
            var top = ministry.Name;
            while (Registry.Parent(top) is { } up) top = up;
            Assert.IsTrue(top is "国务院" or "中共中央", $"{ministry.Name} leads up to {top}");
        }
    }

    [TestMethod]
    public void A_parent_that_names_no_issuer_or_runs_in_a_circle_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"issuers-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"issuers":[{"name":"甲部","level":"Ministry","parent":"不存在的机关"}]}""");
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IssuerRegistry.Load(path)).Message, "不存在的机关");
            File.WriteAllText(path, """{"issuers":[{"name":"甲部","parent":"乙部"},{"name":"乙部","parent":"甲部"}]}""");
            StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IssuerRegistry.Load(path)).Message, "circle");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void Renamed_issuer_has_its_old_name_before_the_rename_date()
    {
        Assert.AreEqual("环境保护部", Registry.NameAt("生态环境部", new DateOnly(2017, 5, 1)));
        Assert.AreEqual("生态环境部", Registry.NameAt("生态环境部", new DateOnly(2018, 3, 1)));
        Assert.AreEqual("国家发展计划委员会", Registry.NameAt("国家发展改革委", new DateOnly(2002, 1, 1)));
        Assert.AreEqual("国家发展和改革委员会", Registry.NameAt("发改委", new DateOnly(2003, 3, 1)));
        var rename = Registry.Find("生态环境部")!.FormerNames.Single(f => f.Name == "环境保护部");
        Assert.AreEqual(new DateOnly(2018, 3, 1), rename.Until);
    }
}
