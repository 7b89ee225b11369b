using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Time.Testing;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Briefs.Tests;

/// <summary>Briefs built through a real index in a temporary knowledge-base folder, filled with the parsed samples.</summary>
[TestClass]
public sealed class BriefBuilderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2023, 10, 31, 9, 0, 0, TimeSpan.Zero));
    private string _dir = "";
    private PolicyIndex _index = null!;

    /// <summary>October 2023 by 发布日期, plus the exchange's October figures (published on 1 November) from the tray.</summary>
    private static BriefRequest October => new()
    {
        Search = new SearchRequest { PublishedFrom = new DateOnly(2023, 10, 1), PublishedTo = new DateOnly(2023, 10, 31) },
        Ids = [SampleDocuments.ByFile["other-cneeex-tanshichang-202310.html"].Id],
        Number = 24,
        IssueOfYear = 12,
        Date = new DateOnly(2023, 10, 31),
    };

    [TestInitialize]
    public void Open()
    {
        _dir = Directory.CreateTempSubdirectory("policykb-briefs-").FullName;
        _index = PolicyIndex.Open(_dir, TestData.IndexOptions);
        foreach (var doc in SampleDocuments.All) _index.Upsert(doc);
        _index.Commit();
    }

    [TestCleanup]
    public void Close()
    {
        _index.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Id(string file) => SampleDocuments.ByFile[file].Id;

    [TestMethod]
    public void An_October_brief_from_the_samples_has_the_bulletins_shape()
    {
        var brief = new BriefBuilder(_index, Clock, TestData.Briefs).Build(October);

        CollectionAssert.AreEqual(new[] { "一、政策速递", "二、长三角环发要闻", "三、绿色实践" }, brief.Sections.Select(s => s.Heading).ToList(),
            string.Join("\n", brief.Warnings));
        var policy = brief.Sections[0].Items.Select(i => i.Id).ToList();
        foreach (var file in new[] { "govcn-suanli-jichu-sheshi.html", "mee-ccer-fangfaxue.html", "mee-zhiyuan-jianpai-banfa.html" })
            CollectionAssert.Contains(policy, Id(file), file);
        // The same notice on two sites is one item; so are an announcement and the news of it.
        Assert.AreEqual(1, policy.Count(id => id == Id("mee-gonggao-nianbao.html") || id == Id("mee-news-qihou-nianbao.shtml")));
        Assert.AreEqual(1, policy.Count(id => id == Id("govcn-lianyou-lvse.html") || id == Id("ndrc-lianyou-lvse.html")));
        Assert.AreEqual(1, policy.Count(id => id == Id("govcn-puhui-jinrong.html") || id == Id("govcn-gongbao-puhui.html")));
        CollectionAssert.AreEquivalent(
            new[] { Id("mee-news-anhui-shengwu.shtml"), Id("other-changsanjiao-shuiti.html"), Id("other-shanghai-laji-fenshao.html") },
            brief.Sections[1].Items.Select(i => i.Id).ToList());
        Assert.AreEqual("（一）碳市场", brief.Sections[2].Sections[0].Heading);
        CollectionAssert.AreEqual(new[] { Id("other-cneeex-tanshichang-202310.html") }, brief.Sections[2].Sections[0].Items.Select(i => i.Id).ToList());
        Assert.IsFalse(brief.AllItems.Any(i => i.Id == Id("govcn-tanda-feng-xingdong-gbk.html")), "a 2021 document is not in October");

        var md = Encoding.UTF8.GetString(BriefRenderer.Render(brief, BriefFormat.Markdown).Content);
        var body = md.IndexOf("## 一、政策速递", StringComparison.Ordinal);
        foreach (var item in brief.AllItems)
        {
            Assert.IsTrue(item.Paragraphs.Count is >= 1 and <= 3, item.Title);
            foreach (var p in item.Paragraphs) Assert.IsTrue("。！？”）".Contains(p[^1]), p);
            Assert.IsTrue(md.IndexOf(item.Title, StringComparison.Ordinal) < body, "目录 lists " + item.Title);
            StringAssert.Contains(md, "> " + item.Source.Text.Replace("*", @"\*"));
            Assert.IsNotNull(item.Source.PublishedDate, item.Title);
        }
    }

    [TestMethod]
    public void The_same_request_builds_byte_identical_markdown()
    {
        var builder = new BriefBuilder(_index, Clock, TestData.Briefs);
        var first = BriefRenderer.Render(builder.Build(October), BriefFormat.Markdown).Content;
        var second = BriefRenderer.Render(builder.Build(October), BriefFormat.Markdown).Content;
        CollectionAssert.AreEqual(first, second);
    }

    [TestMethod]
    public void The_word_brief_from_the_samples_validates_and_holds_every_item()
    {
        var brief = new BriefBuilder(_index, Clock, TestData.Briefs).Build(October);
        var rendered = BriefRenderer.Render(brief, BriefFormat.Docx);

        using var doc = WordprocessingDocument.Open(new MemoryStream(rendered.Content), isEditable: false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var item in brief.AllItems)
        {
            StringAssert.Contains(text, item.NumberedTitle);
            StringAssert.Contains(text, item.Paragraphs[0]);
        }
    }

    [TestMethod]
    public void A_brief_after_an_issued_one_leaves_out_what_it_carried()
    {
        var builder = new BriefBuilder(_index, Clock, TestData.Briefs);
        var first = builder.Build(October);
        Assert.IsTrue(builder.Issue(first).Success);

        var next = builder.Build(October with { Number = null, IssueOfYear = null, Ids = [], Date = new DateOnly(2023, 11, 30) });

        Assert.AreEqual(25, next.Number);
        Assert.AreEqual(13, next.IssueOfYear);
        Assert.AreEqual(0, next.AllItems.Count(), string.Join(", ", next.AllItems.Select(i => i.Title)));
        Assert.IsTrue(next.Warnings.Any(w => w.Contains("已在此前各期简报中使用")));
        Assert.IsTrue(File.Exists(Path.Combine(_dir, "briefs", "brief-0024.json")));
    }

    [TestMethod]
    public void Unknown_ids_are_named_in_the_warnings()
    {
        var brief = new BriefBuilder(_index, Clock, TestData.Briefs).Build(new BriefRequest { Ids = ["no-such-id"], Number = 1 });
        Assert.IsTrue(brief.Warnings.Any(w => w.Contains("no-such-id")));
        Assert.AreEqual(0, brief.AllItems.Count());
    }

    [TestMethod]
    public void A_summary_rule_too_slow_for_a_text_refuses_the_brief_naming_the_rule()
    {
        // Nested repetition: on a run of 废 with no 除 after it, the engine tries every way to split the run.
        var data = Directory.CreateTempSubdirectory("policykb-brief-data-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(data, "briefs"));
            File.Copy(Path.Combine(TestData.Folder.Folder, BriefTemplate.DefaultFile), Path.Combine(data, BriefTemplate.DefaultFile));
            var rules = File.ReadAllText(Path.Combine(TestData.Folder.Folder, SummaryRules.DefaultFile));
            var runaway = rules.Replace("\"boilerplate\": [", "\"boilerplate\": [ { \"name\": \"runaway\", \"pattern\": \"(废+)+除\", \"examples\": [ \"废除\" ] },", StringComparison.Ordinal);
            Assert.AreNotEqual(rules, runaway, "the summary rules file no longer has the list the test adds to");
            File.WriteAllText(Path.Combine(data, SummaryRules.DefaultFile), runaway);
            var hostile = SampleDocuments.All[0] with { Id = "hostile", Body = [BodyBlock.Paragraph("本通知自印发之日起施行。" + new string('废', 40) + "。")] };
            _index.Upsert(hostile);
            _index.Commit();
            var builder = new BriefBuilder(_index, Clock, new BriefData(new PolicyData(data), TestData.Issuers));

            var refused = Assert.ThrowsExactly<RuleTimeoutException>(() => builder.Build(new BriefRequest { Ids = ["hostile"], Number = 1 }));

            StringAssert.Contains(refused.Message, "'runaway'");
            StringAssert.Contains(refused.Message, SummaryRules.DefaultFile);
            StringAssert.Contains(refused.Message, "废废废");
            // The rule reads every other text in time: a brief without that document is made.
            Assert.AreEqual(1, builder.Build(new BriefRequest { Ids = [Id("mee-ccer-fangfaxue.html")], Number = 1 }).AllItems.Count());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
