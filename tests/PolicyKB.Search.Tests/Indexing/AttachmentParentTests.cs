using PolicyKB.Import;

namespace PolicyKB.Search.Tests.Indexing;

[TestClass]
public sealed class AttachmentParentTests
{
    [TestMethod]
    public void AnAttachmentImportedInALaterRunFindsItsNoticeInTheIndex()
    {
        var samples = Docs.SamplesFolder() ?? throw new AssertInconclusiveException("samples/ not found");
        using var test = new TestIndex();
        var notice = new DocumentImporter(test.Index, TestData.Parser).ImportPaths([Path.Combine(samples, "ndrc-tanda-feng-shidian.html")]);
        Assert.AreEqual(1, notice.Imported);

        // A new importer (a later run) knows nothing of the notice but what the index holds.
        var pdf = new DocumentImporter(test.Index, TestData.Parser).ImportPaths([Path.Combine(samples, "P020231106397417538927.pdf")]);
        Assert.AreEqual(1, pdf.Files.Count);
        var attachment = test.Index.Get(pdf.Files[0].DocumentId!);
        Assert.IsNotNull(attachment);
        Assert.AreEqual(notice.Files[0].DocumentId, attachment.ParentId);
        StringAssert.EndsWith(attachment.Url, "/P020231106397417538927.pdf", "the attachment takes the address the notice links");
    }

    [TestMethod]
    public void AFileNoNoticeLinksHasNoParent()
    {
        using var test = new TestIndex();
        Assert.IsNull(test.Index.FindAttachmentParent("W0000000000000.pdf"));
        Assert.IsNull(test.Index.FindAttachmentParent(""));
    }
}
