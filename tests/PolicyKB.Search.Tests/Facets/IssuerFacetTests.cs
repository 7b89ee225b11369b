namespace PolicyKB.Search.Tests.Facets;

[TestClass]
public sealed class IssuerFacetTests
{
    [TestMethod]
    public void AJointDocumentCountsForEachOfItsIssuers()
    {
        using var t = new TestIndex(documents:
        [
            Docs.Make("joint", "关于联合开展绿色金融试点的通知", "联合开展试点。") with { Issuers = ["中国人民银行", "生态环境部", "国家金融监督管理总局"] },
            Docs.Make("own", "生态环境部关于试点的公告", "开展试点。") with { Issuers = ["生态环境部"] },
        ]);
        var issuers = t.Index.Search(new SearchRequest { Query = "试点" }).Facets[FacetNames.Issuer].ToDictionary(v => v.Value, v => v.Count);
        Assert.AreEqual(2, issuers["生态环境部"]);
        Assert.AreEqual(1, issuers["中国人民银行"]);
        Assert.AreEqual(1, issuers["国家金融监督管理总局"], "the third issuer of the joint document too");
        var byThird = t.Index.Search(new SearchRequest { Query = "试点", Issuers = ["国家金融监督管理总局"] });
        Assert.AreEqual("joint", byThird.Hits.Single().Id, "selecting any issuer of a joint document finds it");
    }
}
