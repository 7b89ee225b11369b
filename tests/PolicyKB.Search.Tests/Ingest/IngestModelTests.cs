using PolicyKB.Model;

namespace PolicyKB.Search.Tests.Ingest;

/// <summary>
/// Random sequences of imports, updates, reposts, same-文号-different-text pages, deletes, re-imports and reopenings,
/// checked after every step against a model as simple as it gets: address → the text it last gave. Every address's
/// latest text is searchable in the document that holds it, no text is lost, none is stored twice.
/// </summary>
[TestClass]
public sealed class IngestModelTests
{
    private sealed record Text(string Title, string? Number, string Marker, string Body);

    private static readonly string[] Words = ["配额", "清缴", "核查", "排放", "监测", "报告", "交易", "履约", "登记", "结算", "抵销", "减排"];

    /// <summary>Texts 0 and 1 share a title and a 文号 and differ in their letters; 2 and 3 share a title only.</summary>
    private static List<Text> Texts(Random rng)
    {
        var texts = new List<Text>();
        for (var i = 0; i < 6; i++)
        {
            var marker = "甲乙丙丁戊己"[i] + "号标记" + "子丑寅卯辰巳"[i];
            var body = string.Join("", Enumerable.Range(0, 12).Select(_ => Words[rng.Next(Words.Length)] + "工作要按要求推进，")) + marker + "。";
            var title = i < 2 ? "关于对强化监督定点帮扶发现问题进行督办的函" : i < 4 ? "关于做好全国碳排放权交易市场数据质量管理工作的通知" : $"关于印发第{i}批试点名单的通知";
            texts.Add(new Text(title, i < 2 ? "环执法函〔2020〕12号" : null, marker, body));
        }
        return texts;
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    [DataRow(5)]
    public void EveryAddressLatestTextIsSearchableAndNoneIsLostOrDuplicated(int seed)
    {
        var rng = new Random(seed);
        var texts = Texts(rng);
        var urls = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? "https://www.mee.gov.cn/xxgk/" : "https://www.gov.cn/zhengce/") + $"p{i}.html").ToList();
        var model = new Dictionary<string, int>();
        var folder = Path.Combine(Path.GetTempPath(), "policykb-model-" + Guid.NewGuid().ToString("N"));
        var index = PolicyIndex.Open(folder, TestData.IndexOptions with { Thesaurus = Search.Querying.Thesaurus.Empty });
        var log = new List<string>();
        try
        {
            for (var step = 0; step < 60; step++)
            {
                var url = urls[rng.Next(urls.Count)];
                switch (rng.Next(10))
                {
                    case < 7:
                        var text = rng.Next(texts.Count);
                        index.Upsert(Page(url, texts[text]));
                        model[url] = text;
                        log.Add($"import {url} ← text {text}");
                        break;
                    case < 9:
                        index.Delete(DocumentId.FromUrl(url));
                        model.Remove(url);
                        log.Add($"delete {url}");
                        break;
                    default:
                        index.Dispose();
                        index = PolicyIndex.Open(folder, TestData.IndexOptions with { Thesaurus = Search.Querying.Thesaurus.Empty });
                        log.Add("reopen");
                        break;
                }
                if (rng.Next(3) == 0) index.Commit(); else index.Refresh();
                Check(index, model, texts, string.Join("\n", log));
            }
        }
        finally
        {
            index.Dispose();
            Directory.Delete(folder, true);
        }
    }

    private static PolicyDocument Page(string url, Text text)
    {
        var doc = Docs.Make(DocumentId.FromUrl(url), text.Title, text.Body) with
        {
            Url = url,
            Site = url.Contains("gov.cn/zhengce") ? Site.GovCn : Site.Mee,
            DocumentNumber = DocumentNumber.Parse(text.Number),
        };
        return doc with { ContentHash = url + "|" + text.Marker };
    }

    private static void Check(PolicyIndex index, Dictionary<string, int> model, List<Text> texts, string log)
    {
        foreach (var (url, text) in model)
        {
            var holder = index.Get(DocumentId.FromUrl(url));
            Assert.IsNotNull(holder, $"{url} is lost\n{log}");
            Assert.AreEqual(texts[text].Body, holder.BodyText, $"{url} is held by a document of another text\n{log}");
        }
        var live = model.Values.Distinct().ToList();
        Assert.AreEqual(live.Count, index.Count, $"one document per distinct text\n{log}");
        foreach (var text in live)
        {
            var hits = index.Search(new SearchRequest { Query = texts[text].Marker, WithFacets = false });
            Assert.AreEqual(1, hits.Total, $"text {text} is found once\n{log}");
        }
        foreach (var absent in Enumerable.Range(0, texts.Count).Except(live))
            Assert.AreEqual(0, index.Search(new SearchRequest { Query = texts[absent].Marker, WithFacets = false }).Total, $"text {absent} was removed\n{log}");
    }
}
