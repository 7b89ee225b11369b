using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PolicyKB.Model;

namespace PolicyKB.Briefs.Tests;

[TestClass]
public sealed class BriefComposerTests
{
    private static readonly BriefComposer Composer = new(TimeProvider.System, TestData.Briefs);
    private static readonly BriefRequest October = new() { Number = 24, IssueOfYear = 12, Date = new DateOnly(2023, 10, 31) };

    [TestMethod]
    public void An_October_brief_has_the_bulletin_sections_in_order_with_each_document_where_it_belongs()
    {
        var brief = Composer.Compose(October, TestDocuments.October);

        CollectionAssert.AreEqual(new[] { "一、政策速递", "二、长三角环发要闻", "三、绿色实践" }, brief.Sections.Select(s => s.Heading).ToList());
        CollectionAssert.AreEqual(new[] { "a001", "a002" }, brief.Sections[0].Items.Select(i => i.Id).ToList());
        CollectionAssert.AreEqual(new[] { "a003" }, brief.Sections[1].Items.Select(i => i.Id).ToList());
        Assert.AreEqual("（一）碳市场", brief.Sections[2].Sections.Single().Heading);
        CollectionAssert.AreEqual(new[] { "a004" }, brief.Sections[2].Sections[0].Items.Select(i => i.Id).ToList());
        Assert.AreEqual("未归类", brief.Unclassified?.Heading);
        CollectionAssert.AreEqual(new[] { "a005" }, brief.Unclassified!.Items.Select(i => i.Id).ToList());
        Assert.AreEqual("2023 年第 12 期 (总 24 期)", brief.IssueLine);
        Assert.AreEqual("2023 年 10 月 31 日", brief.DateLine);
    }

    [TestMethod]
    public void Every_item_has_a_title_a_summary_of_complete_sentences_and_a_source_line()
    {
        var brief = Composer.Compose(October, TestDocuments.October);

        Assert.AreEqual(5, brief.AllItems.Count());
        foreach (var item in brief.AllItems)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(item.Title));
            Assert.IsTrue(item.Paragraphs.Count is >= 1 and <= 3, item.Title);
            Assert.IsTrue(item.Paragraphs.All(p => p.EndsWith('。')), item.Title);
            StringAssert.StartsWith(item.Source.Text, "来源：");
        }
        var pilots = brief.AllItems.Single(i => i.Id == "a002");
        Assert.AreEqual("国家发展改革委印发《国家碳达峰试点建设方案》", pilots.Title);
        Assert.AreEqual("来源：国家发展和改革委员会；发改环资〔2023〕1409号；发布日期：2023-10-20", pilots.Source.Text);
    }

    [TestMethod]
    public void Items_within_a_section_are_by_date_unless_the_template_keeps_the_editors_order()
    {
        var reversed = TestDocuments.October.Reverse().ToList();
        Assert.AreEqual("a001", Composer.Compose(October, reversed).Sections[0].Items[0].Id);

        var editorial = TestData.Briefs.DefaultTemplate with
        {
            Sections = [TestData.Briefs.DefaultTemplate.Sections[0] with { Order = ItemOrder.Editor }, .. TestData.Briefs.DefaultTemplate.Sections.Skip(1)],
        };
        Assert.AreEqual("a002", Composer.Compose(October with { Template = editorial }, reversed).Sections[0].Items[0].Id);
    }

    [TestMethod]
    public void The_editors_text_replaces_the_summary()
    {
        var request = October with { Edits = new Dictionary<string, string> { ["a002"] = "编辑改写的第一段。\n编辑改写的第二段。" } };
        var item = Composer.Compose(request, TestDocuments.October).AllItems.Single(i => i.Id == "a002");

        Assert.IsTrue(item.Edited);
        CollectionAssert.AreEqual(new[] { "编辑改写的第一段。", "编辑改写的第二段。" }, item.Paragraphs.ToList());
    }

    [TestMethod]
    public void Numbers_and_date_follow_the_history_and_the_clock_when_not_given()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 30, 4, 0, 0, TimeSpan.Zero));
        var history = new[]
        {
            new IssuedBrief(23, 11, new DateOnly(2023, 9, 30), "x", [], DateTimeOffset.MinValue),
            new IssuedBrief(24, 12, new DateOnly(2023, 10, 31), "x", [], DateTimeOffset.MinValue),
        };
        var brief = new BriefComposer(clock, TestData.Briefs).Compose(new BriefRequest(), [], history);

        Assert.AreEqual(25, brief.Number);
        Assert.AreEqual(13, brief.IssueOfYear);
        Assert.AreEqual(new DateOnly(2023, 11, 30), brief.Date);
    }

    [TestMethod]
    public void Documents_of_an_earlier_issue_are_left_out_or_marked_but_an_id_the_editor_chose_stays()
    {
        var history = new[] { new IssuedBrief(23, 11, new DateOnly(2023, 9, 30), "x", ["a001", "a004"], DateTimeOffset.MinValue) };

        var leftOut = Composer.Compose(October, TestDocuments.October, history);
        CollectionAssert.AreEquivalent(new[] { "a002", "a003", "a005" }, leftOut.AllItems.Select(i => i.Id).ToList());
        Assert.IsTrue(leftOut.Warnings.Any(w => w.Contains("2 篇文件已在此前各期简报中使用")));

        var marked = Composer.Compose(October with { UsedDocuments = UsedDocuments.Mark }, TestDocuments.October, history);
        Assert.AreEqual(23, marked.AllItems.Single(i => i.Id == "a001").UsedInIssue);

        var chosen = Composer.Compose(October with { Ids = ["a004"] }, TestDocuments.October, history);
        Assert.AreEqual(23, chosen.AllItems.Single(i => i.Id == "a004").UsedInIssue);
    }

    [TestMethod]
    public void Rebuilding_an_issued_number_does_not_leave_out_its_own_items()
    {
        var history = new[] { new IssuedBrief(24, 12, new DateOnly(2023, 10, 31), "x", ["a001"], DateTimeOffset.MinValue) };
        Assert.AreEqual(5, Composer.Compose(October, TestDocuments.October, history).AllItems.Count());
    }

    [TestMethod]
    public void A_brief_serialises_for_the_page_preview_without_repeating_its_items()
    {
        var json = JsonSerializer.Serialize(Composer.Compose(October, TestDocuments.October), PolicyJson.Options);
        StringAssert.Contains(json, "\"issueLine\":\"2023 年第 12 期 (总 24 期)\"");
        StringAssert.Contains(json, "\"numberedTitle\":\"1. 国务院印发《关于推进普惠金融高质量发展的实施意见》\"");
        Assert.IsFalse(json.Contains("allItems", StringComparison.Ordinal));
    }
}
