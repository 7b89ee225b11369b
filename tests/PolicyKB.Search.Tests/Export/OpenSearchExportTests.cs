using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyKB.Model;
using PolicyKB.Search.Export;
using PolicyKB.Search.Status;

namespace PolicyKB.Search.Tests.Export;

[TestClass]
public sealed class OpenSearchExportTests
{
    private static readonly string Out = Path.Combine(Path.GetTempPath(), "policykb-opensearch-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A notice with every field a source can have, its attachment, and a later text that repeals it (status and since).</summary>
    private static IReadOnlyList<PolicyDocument> Documents() =>
    [
        Docs.Make("notice", "关于印发《企业温室气体排放核查技术指南》的通知", "现将《企业温室气体排放核查技术指南》印发给你们。\n请遵照执行。") with
        {
            Issuers = ["生态环境部"],
            DocumentNumber = DocumentNumber.Parse("环办气候函〔2021〕130号"),
            DocumentType = "通知",
            Topics = ["生态环境", "应对气候变化"],
            Themes = ["碳市场"],
            WrittenDate = new DateOnly(2021, 3, 20),
            PublishedDate = new DateOnly(2021, 3, 26),
            IndexNumber = "000014672/2021-00123",
            Keywords = ["温室气体", "核查"],
            Site = Site.Mee,
            Url = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202103/t20210326_826480.html",
            Attachments = [new Attachment("企业温室气体排放核查技术指南.pdf", "https://www.mee.gov.cn/files/guide.pdf", "pdf") { Text = "一、适用范围" }],
            Methodologies = [new Methodology("ccer-14-001-v01", "并网光热发电", "能源", "V01")],
            Sources = [new DocumentSource("https://www.gov.cn/zhengce/zhengceku/2021-03/26/content_5595874.htm", Site.GovCn) { Title = "关于印发企业温室气体排放核查技术指南的通知", PublishedDate = new DateOnly(2021, 3, 27) }],
        },
        Docs.Make("guide", "企业温室气体排放核查技术指南", "一、适用范围。本指南规定了核查的程序和要点。") with { ParentId = "notice", PublishedDate = new DateOnly(2021, 3, 26) },
        Docs.Make("repealing", "关于印发《企业温室气体排放报告核查指南》的通知", "自2022年12月19日起，环办气候函〔2021〕130号文件同时废止。") with { PublishedDate = new DateOnly(2022, 12, 19) },
    ];

    private static readonly Lazy<(OpenSearchExportSummary Summary, IReadOnlyList<PolicyDocument> Documents, DocumentStatus NoticeStatus)> Exported = new(() =>
    {
        var documents = Documents();
        using var t = new TestIndex(documents: documents);
        // One document a file: the cut between files is exercised on three documents.
        var summary = OpenSearchExport.Write(t.Index, Out, "policykb-test", maxFileBytes: 1);
        return (summary, documents, t.Index.Status("notice")!);
    });

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Directory.Exists(Out)) Directory.Delete(Out, recursive: true);
    }

    private static List<(JsonObject Action, JsonObject Source)> Pairs()
    {
        var pairs = new List<(JsonObject, JsonObject)>();
        foreach (var file in Exported.Value.Summary.BulkFiles)
        {
            var lines = File.ReadAllText(file).Split('\n');
            Assert.AreEqual("", lines[^1], $"{file} ends with a newline, as the bulk API needs");
            Assert.AreEqual(0, (lines.Length - 1) % 2, $"{file} holds whole pairs of lines");
            for (var i = 0; i + 1 < lines.Length; i += 2)
                pairs.Add((JsonNode.Parse(lines[i])!.AsObject(), JsonNode.Parse(lines[i + 1])!.AsObject()));
        }
        return pairs;
    }

    [TestMethod]
    public void EveryDocumentIsOneIndexActionFollowedByItsSourceWithTheDocumentIdAsBulkId()
    {
        var pairs = Pairs();
        Assert.HasCount(3, Exported.Value.Summary.BulkFiles, "a file holds at least one document and is cut between documents");
        Assert.AreEqual(3, Exported.Value.Summary.Documents);
        CollectionAssert.AreEquivalent(Exported.Value.Documents.Select(d => d.Id).ToList(), pairs.Select(p => (string)p.Action["index"]!["_id"]!).ToList());
        foreach (var (action, source) in pairs)
        {
            Assert.HasCount(1, action, "one action a document");
            Assert.AreEqual("policykb-test", (string)action["index"]!["_index"]!);
            Assert.AreEqual((string)action["index"]!["_id"]!, (string)source["id"]!);
        }
    }

    [TestMethod]
    public void TheTemplateMapsExactlyTheFieldsTheSourcesHold()
    {
        var written = Pairs().SelectMany(p => Paths(p.Source, "")).ToHashSet();
        var template = JsonNode.Parse(File.ReadAllText(Exported.Value.Summary.TemplateFile))!;
        var mapped = MappedPaths(template["template"]!["mappings"]!["properties"]!.AsObject(), "").ToHashSet();
        CollectionAssert.AreEquivalent(mapped.Order().ToList(), written.Order().ToList());
        Assert.AreEqual("strict", (string)template["template"]!["mappings"]!["dynamic"]!, "an unmapped field is refused by the cluster");
        CollectionAssert.AreEqual(new[] { "policykb-test*" }, template["index_patterns"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    [TestMethod]
    public void SourcesCarryTheFacetValuesStatusAndTextThatPolicyKBSearches()
    {
        var notice = Pairs().Single(p => (string)p.Source["id"]! == "notice").Source;
        Assert.AreEqual("环办气候函〔2021〕130号", (string)notice["document_number"]!);
        CollectionAssert.AreEqual(new[] { "mee", "govcn" }, notice["sites"]!.AsArray().Select(n => (string)n!).ToArray());
        CollectionAssert.AreEqual(new[] { "生态环境", "生态环境/应对气候变化" }, notice["topics"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.AreEqual("2021-03-20", (string)notice["written_date"]!);
        Assert.AreEqual(StatusStates.Repealed, Exported.Value.NoticeStatus.State);
        Assert.AreEqual(StatusStates.Repealed, (string)notice["status"]!);
        StringAssert.Contains((string)notice["body"]!, "一、适用范围", "an attachment's text is searched with the body");
        Assert.AreEqual("CCER-14-001-V01", (string)notice["methodologies"]![0]!);
    }

    /// <summary>The dotted paths of the leaf values a source holds (array items share their field's path).</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string prefix) => node switch
    {
        JsonObject o => o.SelectMany(p => Paths(p.Value, prefix.Length == 0 ? p.Key : $"{prefix}.{p.Key}")),
        JsonArray a => a.SelectMany(item => Paths(item, prefix)),
        _ => [prefix],
    };

    /// <summary>The dotted paths of the template's fields (sub-fields under "fields" are analyses of a field, not fields of the source).</summary>
    private static IEnumerable<string> MappedPaths(JsonObject properties, string prefix) =>
        properties.SelectMany(p =>
        {
            var path = prefix.Length == 0 ? p.Key : $"{prefix}.{p.Key}";
            return p.Value!["properties"] is JsonObject inner ? MappedPaths(inner, path) : [path];
        });
}
