using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyKB.Model.Tests;

/// <summary>The one JSON shape: camelCase, dates yyyy-MM-dd, 文号 as its normalised string, Chinese as itself, round-trips.</summary>
[TestClass]
public sealed class PolicyJsonTests
{
    private static readonly PolicyDocument Sample = new()
    {
        Id = "abc",
        Title = "国务院关于推进普惠金融高质量发展的实施意见",
        Issuers = ["国务院"],
        DocumentNumber = DocumentNumber.Parse("国发（2023）15号"),
        DocumentType = "意见",
        Topics = ["财政、金融、审计", "银行"],
        Themes = ["绿色金融"],
        WrittenDate = new DateOnly(2023, 9, 25),
        PublishedDate = new DateOnly(2023, 10, 11),
        IndexNumber = "000014349/2023-00093",
        Site = Site.GovCn,
        Url = "https://www.gov.cn/zhengce/content/202310/content_6908496.htm",
        Body = [BodyBlock.Heading("一、总体要求", 1), BodyBlock.Paragraph("正文。")],
        Attachments = [new Attachment("附件.pdf", "https://www.gov.cn/a.pdf", "pdf")],
        Methodologies = [new Methodology("CCER-14-001-V01", "造林碳汇", "林业和其他碳汇类型", "V01")],
        ContentHash = "00",
    };

    [TestMethod]
    public void Document_serialises_with_the_contract_field_names_and_forms()
    {
        var json = JsonSerializer.Serialize(Sample, PolicyJson.Options);
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var field in new[] { "id", "title", "issuers", "documentNumber", "documentType", "topics", "themes", "writtenDate", "publishedDate", "site", "url", "indexNumber", "body", "attachments", "methodologies", "contentHash", "parentId" })
            Assert.IsTrue(node.ContainsKey(field), $"missing field {field}");
        Assert.AreEqual("国发〔2023〕15号", (string?)node["documentNumber"]);
        Assert.AreEqual("2023-09-25", (string?)node["writtenDate"]);
        Assert.AreEqual("govcn", (string?)node["site"]);
        Assert.AreEqual("heading", (string?)node["body"]![0]!["kind"]);
        Assert.AreEqual("CCER-14-001-V01", (string?)node["methodologies"]![0]!["code"]);
        Assert.IsNull(node["parentId"], "nulls are kept");
        StringAssert.Contains(json, "国务院关于推进普惠金融", "Chinese is written as itself");
        Assert.IsFalse(json.Contains("bodyText"), "the derived plain text is not stored twice");
    }

    [TestMethod]
    public void Document_round_trips_through_json()
    {
        var back = JsonSerializer.Deserialize<PolicyDocument>(JsonSerializer.Serialize(Sample, PolicyJson.Options), PolicyJson.Options)!;
        Assert.AreEqual(Sample.DocumentNumber, back.DocumentNumber! with { Raw = Sample.DocumentNumber!.Raw });
        Assert.AreEqual(Sample.WrittenDate, back.WrittenDate);
        Assert.AreEqual(Sample.Site, back.Site);
        CollectionAssert.AreEqual(Sample.Body.ToList(), back.Body.ToList());
        CollectionAssert.AreEqual(Sample.Methodologies.ToList(), back.Methodologies.ToList());
    }
}
